import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChunkInfo } from '../../src/build/chunk-map-plugin';
import { CHUNK_MAP_FILE } from '../../src/build/chunk-map-plugin';
import { entryChunks } from '../bench/entry-bytes';
import { setUpE2eEnvironment } from './harness';

/**
 * What a first visit downloads before the first paint, read from the build's chunk map (which
 * source modules went into which chunk), and what the browser really fetches with nobody signed
 * in. Fails when the sync client, the vault, zod or another language's texts slip into start-up.
 */
const DIST = join(import.meta.dirname, '..', '..', 'dist');
const map = JSON.parse(readFileSync(join(DIST, CHUNK_MAP_FILE), 'utf8')) as Record<
  string,
  ChunkInfo
>;

/** Modules the first screen does not need, and that sign-in or a language choice load later. */
const NOT_AT_START: RegExp[] = [
  /node_modules\/zod\//,
  /^src\/data\/sync\/(sync-runner|sync-engine|apply|resolve|session)\.ts$/,
  /^src\/data\/crypto\//,
  /^src\/domain\/sync\//,
  /^src\/app\/i18n\/locales\/(en|ar)\.json$/,
  /^src\/app\/i18n\/locales\/[a-z]+-(nl|en|ar)\.json$/,
  // Issue 11 part 3: the coordinator's chart library, the beheerder's screens, the catalogue's
  // English and Arabic texts and its zod schema have no place on the start page either.
  /node_modules\/chart\.js\//,
  /^src\/app\/insight\/counts-chart\.tsx$/,
  /^src\/app\/admin\//,
  /^src\/domain\/catalogue\/i18n\/overlay-(en|ar)\.json$/,
  /^src\/domain\/catalogue\/(schema|overlay)\.ts$/,
];

/** A chunk and every chunk it imports statically: what loads before its code runs. */
function withStaticImports(file: string): string[] {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(map[next]?.imports ?? []));
  }
  return [...seen];
}

function modulesOf(files: Iterable<string>): string[] {
  return [...files].flatMap((file) => map[file]?.modules ?? []);
}

function unwanted(modules: string[]): string[] {
  return modules.filter((m) => NOT_AT_START.some((pattern) => pattern.test(m)));
}

const env = setUpE2eEnvironment();

describe('start-up bundle', () => {
  it('loads neither sync, vault, zod nor English and Arabic texts before the first paint', () => {
    const atStart = modulesOf(entryChunks(DIST));
    expect(atStart).toContain('src/app/boot.ts');
    expect(atStart).toContain('src/app/main.tsx');
    expect(atStart).toContain('src/app/i18n/locales/nl.json');
    expect(unwanted(atStart)).toEqual([]);
    // They are in the build, just later: the map does see them.
    const everything = modulesOf(Object.keys(map));
    for (const later of [
      'src/data/sync/sync-runner.ts',
      'src/data/crypto/vault.ts',
      'src/app/i18n/locales/en.json',
      'src/app/i18n/locales/ar.json',
    ]) {
      expect(everything).toContain(later);
    }
    expect(everything.some((m) => m.includes('node_modules/zod/'))).toBe(true);
  });

  it('gives the start page a chunk that needs nothing the first screen does not show', () => {
    const startPage = Object.keys(map).find((file) =>
      map[file]?.modules.includes('src/app/routes/start-page.tsx'),
    );
    expect(startPage).toBeDefined();
    const beforeStartPage = modulesOf(
      new Set([...entryChunks(DIST), ...withStaticImports(startPage ?? '')]),
    );
    expect(beforeStartPage).toContain('src/app/routes/start-page.tsx');
    expect(unwanted(beforeStartPage)).toEqual([]);
    // The patterns do match the build: the chart, the admin screens and the schema are in it.
    const everything = modulesOf(Object.keys(map));
    for (const later of [
      'src/app/insight/counts-chart.tsx',
      'src/app/admin/admin-gate.tsx',
      'src/domain/catalogue/schema.ts',
      'src/domain/catalogue/i18n/overlay-ar.json',
    ]) {
      expect(unwanted(everything)).toContain(later);
    }
  });

  it('lets the static shell paint before any of the app is fetched or evaluated', () => {
    // src/app/boot.ts is all index.html loads: no React, and no preload of the app's chunks,
    // which the browser would fetch at high priority ahead of the first paint (and Lighthouse
    // counts on the path to it).
    const entry = Object.keys(map).find((file) => map[file]?.isEntry) ?? '';
    const beforePaint = modulesOf(withStaticImports(entry));
    expect(beforePaint).toContain('src/app/boot.ts');
    expect(beforePaint.filter((m) => m.startsWith('node_modules/') && m.endsWith('.js'))).toEqual(
      [],
    );
    expect(beforePaint).not.toContain('src/app/main.tsx');
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/rel="modulepreload"/);
    // After that paint the entry asks for the app and, at the same time, the start page, so the
    // router does not fetch the start page only after the app ran.
    const startPage = Object.keys(map).find((file) =>
      map[file]?.modules.includes('src/app/routes/start-page.tsx'),
    );
    const app = Object.keys(map).find((file) => map[file]?.modules.includes('src/app/main.tsx'));
    expect(map[entry]?.dynamicImports).toEqual(expect.arrayContaining([startPage, app]));
  });

  it('links every stylesheet the app and the start page use from index.html, so the shell paints styled', () => {
    // A stylesheet that came with the app's chunk would land after the first paint: the static
    // shell would be drawn unstyled, then move (src/app/first-paint-styles.ts lists them).
    const manifest = JSON.parse(
      readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string; css?: string[]; imports?: string[] }>;
    const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
    const app = manifest['src/app/main.tsx'];
    const startPage = manifest['src/app/routes/start-page.tsx'];
    expect(app).toBeDefined();
    expect(startPage).toBeDefined();
    const files = new Set([
      ...withStaticImports(app?.file ?? ''),
      ...withStaticImports(startPage?.file ?? ''),
    ]);
    const linked = manifest['index.html']?.css ?? [];
    expect(linked.length).toBeGreaterThan(0);
    const lateCss = [...files]
      .flatMap((file) => byFile.get(file)?.css ?? [])
      .filter((css) => !linked.includes(css));
    expect(lateCss).toEqual([]);
  });

  it('fetches no sync client with nobody signed in, and English only when chosen', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/assets/') && path.endsWith('.js')) fetched.push(path.slice(1));
    });
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1, name: 'Waar kan ik mee helpen?' }).waitFor();
    await page.getByLabel('Zoek een regeling').waitFor();
    // Background work after the first render has had its chance to start.
    await page.waitForTimeout(1500);
    expect(fetched.length).toBeGreaterThan(3);
    expect(unwanted(modulesOf(fetched)).filter((m) => !/signals-nl\.json$/.test(m))).toEqual([]);

    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(modulesOf(fetched)).toContain('src/app/i18n/locales/en.json');
    expect(modulesOf(fetched)).not.toContain('src/app/i18n/locales/ar.json');
    await context.close();
  });
});
