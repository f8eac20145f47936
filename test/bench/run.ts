import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Modules that run only when named. */
const OPT_IN = new Set(['soak']);

type BenchModule = { run: () => Promise<Record<string, number | string>> };

/** Each benchmark module measures one area; the runner writes all figures to one JSON file. */
const MODULES: Record<string, () => Promise<BenchModule>> = {
  catalogue: () => import('./catalogue'),
  eligibility: () => import('./eligibility'),
  sync: () => import('./sync'),
  // Not in a plain `npm run bench` (10 minutes): `npm run bench -- --only soak` or `-- sync,soak`.
  soak: () => import('./soak'),
  signals: () => import('./signals'),
  encryption: () => import('./encryption'),
  insight: () => import('./insight'),
  startup: () => import('./startup'),
  lighthouse: () => import('./lighthouse'),
  device: () => import('./device'),
  vroegsignalen: () => import('./vroegsignalen'),
  quickCheck: () => import('./quick-check'),
  // Issue 16: a worker switch on a shared tablet, next to a plain unlock (needs npm run build).
  spreekuur: () => import('./spreekuur'),
};

// `npm run bench -- sync` or `-- --only sync,signals`; other `--flags` belong to the modules.
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = [
  ...args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1)),
  ...(onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : []),
].filter(Boolean);
const dir = join(import.meta.dirname, '..', '..', 'bench-results');
const file = join(dir, 'latest.json');
// Running a subset (`npm run bench -- sync`) updates those figures and keeps the others.
const previous: Record<string, unknown> =
  only.length > 0 && existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
const results: Record<string, unknown> = {
  ...previous,
  date: new Date().toISOString(),
  machine: `${process.platform}-${process.arch}, node ${process.version}`,
};
let failed = false;
for (const [name, load] of Object.entries(MODULES)) {
  if (only.length > 0 ? !only.includes(name) : OPT_IN.has(name)) continue;
  const started = performance.now();
  try {
    const figures = await (await load()).run();
    results[name] = figures;
    console.log(`${name}:`, figures);
  } catch (e) {
    failed = true;
    results[name] = { error: e instanceof Error ? e.message : String(e) };
    console.error(`${name} failed:`, e);
  }
  console.log(`${name} took ${Math.round(performance.now() - started)} ms`);
}
mkdirSync(dir, { recursive: true });
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`Figures written to ${file}`);
process.exit(failed ? 1 : 0);
