import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { freshDatabase, startPostgres } from '../server/postgres';
import { bestRates } from './sync';
import type { ServerProcess, StepFigures } from './sync-load';
import { openLoopStep, prepareDevices, startServer, stopServer, warmUp } from './sync-load';

/**
 * The soak (issue 11): 500 devices for 10 minutes at half the highest rate that met the
 * target, open loop as in the sync module, on SQLite (one process) and PostgreSQL (two). It
 * reports errors, latency, and each server's memory (RSS and V8 heap) at start, middle and end:
 * a leak shows as a heap that keeps climbing between middle and end.
 *
 * BENCH_SOAK_SECONDS (600), BENCH_SOAK_DEVICES (500), BENCH_SOAK_STORES (sqlite,postgres),
 * BENCH_SOAK_RATE_SQLITE / BENCH_SOAK_RATE_POSTGRES (default: half of the sync module's best
 * rate from this run, else from bench-results/latest.json, else 250).
 */
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const DEVICES = Number(process.env.BENCH_SOAK_DEVICES ?? 500);
const STORES = (process.env.BENCH_SOAK_STORES ?? 'sqlite,postgres').split(',');
const FALLBACK_RATE = 250;

type Figures = Record<string, number | string>;
type Store = 'sqlite' | 'postgres';

function halfBest(store: Store): number {
  const set = process.env[`BENCH_SOAK_RATE_${store.toUpperCase()}`];
  if (set) return Number(set);
  let best = bestRates[store];
  const file = join(import.meta.dirname, '..', '..', 'bench-results', 'latest.json');
  if (best === undefined && existsSync(file)) {
    const latest = JSON.parse(readFileSync(file, 'utf8')) as { sync?: Record<string, unknown> };
    const key = store === 'sqlite' ? 'sqlite_maxRateAtP95Target' : 'postgres2_maxRateAtP95Target';
    const value = latest.sync?.[key];
    if (typeof value === 'number') best = value;
  }
  return best ? Math.round(best / 2) : FALLBACK_RATE;
}

const memory = (servers: readonly ServerProcess[], pick: 'rssMb' | 'heapMb') =>
  servers.map((s) => s.memory?.[pick] ?? NaN).join('/');

async function soak(
  label: string,
  store: Store,
  servers: ServerProcess[],
  storage: KyselySyncStorage,
  out: Figures,
): Promise<void> {
  const rate = halfBest(store);
  const devices = await prepareDevices(storage, DEVICES, `${label}-soak`);
  // As before the sync module's steps: the soak measures the servers running, not starting.
  out[`${label}_warmUp`] = await warmUp(servers, devices);
  // The servers report their memory every few seconds: wait for a first report from each.
  for (let waited = 0; waited < 10_000 && servers.some((s) => !s.memory); waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  out[`${label}_rate`] = rate;
  out[`${label}_rssStartMb`] = memory(servers, 'rssMb');
  out[`${label}_heapStartMb`] = memory(servers, 'heapMb');
  const ticks: { at: number; step: StepFigures; rss: string; heap: string }[] = [];
  const tickMs = Math.max(10_000, (SECONDS * 1000) / 10);
  const s = await openLoopStep(
    servers,
    devices,
    rate,
    SECONDS,
    (at, step) => {
      const tick = { at, step, rss: memory(servers, 'rssMb'), heap: memory(servers, 'heapMb') };
      ticks.push(tick);
      console.log(`${label} soak at ${at} s`, step, 'rssMb', tick.rss, 'heapMb', tick.heap);
    },
    tickMs,
  );
  for (const [k, v] of Object.entries(s)) if (k !== 'rate') out[`${label}_${k}`] = v;
  const middle = ticks[Math.floor((ticks.length - 1) / 2)];
  out[`${label}_rssMiddleMb`] = middle?.rss ?? 'n/a';
  out[`${label}_heapMiddleMb`] = middle?.heap ?? 'n/a';
  out[`${label}_rssEndMb`] = memory(servers, 'rssMb');
  out[`${label}_heapEndMb`] = memory(servers, 'heapMb');
  out[`${label}_worstTickPushP95`] = Math.max(...ticks.map((t) => t.step.pushP95));
  out[`${label}_load`] = loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
}

export async function run(): Promise<Figures> {
  process.env.LOG_LEVEL ??= 'warn';
  const out: Figures = {
    soak_context: `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')} at start (shared machine); ${DEVICES} devices for ${SECONDS} s`,
  };
  const memoryEnv = { BENCH_MEMORY_EVERY_MS: '5000' };
  if (STORES.includes('sqlite')) {
    const tmp = mkdtempSync(join(tmpdir(), 'dichtbij-soak-'));
    const file = join(tmp, 'soak.sqlite');
    const storage = openSqliteStorage(file);
    try {
      await storage.migrate();
      await seedDemoUsers(storage);
      const servers = [await startServer({ ...memoryEnv, DATABASE_FILE: file, DATABASE_URL: '' })];
      try {
        await soak('sqlite', 'sqlite', servers, storage, out);
      } finally {
        await Promise.all(servers.map(stopServer));
      }
    } finally {
      await storage.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (STORES.includes('postgres')) {
    const pg = await startPostgres();
    try {
      const url = await freshDatabase(pg.url, 'soak');
      const storage = openPostgresStorage(url, 4);
      await storage.migrate();
      await seedDemoUsers(storage);
      const env = { ...memoryEnv, DATABASE_URL: url, DATABASE_POOL_SIZE: '10' };
      const servers = [await startServer(env), await startServer(env)];
      try {
        await soak('postgres2', 'postgres', servers, storage, out);
      } finally {
        await Promise.all(servers.map(stopServer));
        await storage.close();
      }
    } finally {
      pg.stop();
    }
  }
  return out;
}
