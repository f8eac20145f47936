import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse, RecordChange } from '../../src/domain/sync/protocol';
import { DichtbijDb } from '../../src/data/db';
import type { StoredRecord } from '../../src/data/db';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import { applyPullPage } from '../../src/data/sync/apply-pull';
import { seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { freshDatabase, startPostgres } from '../server/postgres';
import type { ServerProcess } from './sync-load';
import { ownCpuMs, postmasterPid, treeCpuMs } from './process-cpu';
import {
  emptyPullCost,
  meetsTarget,
  openLoopStep,
  prepareDevices,
  startServer,
  stopServer,
  storeCeiling,
  warmUp,
} from './sync-load';

/**
 * The client's apply rate for 10,000 pulled records against a plain Dexie bulkPut. IndexedDB
 * here is fake-indexeddb in Node, so these figures are relative, not what a tablet does.
 */
async function applyRate(): Promise<Record<string, number>> {
  const COUNT = 10_000;
  const now = new Date().toISOString();
  const changes: RecordChange[] = Array.from({ length: COUNT }, (_, i) => ({
    kind: 'record',
    entityType: 'signal',
    id: `apply-${i}`,
    version: i + 1,
    deleted: false,
    ownerId: 'demo-wijkteam',
    teamId: 'team-wijkteam-west',
    wijk: 'wielwijk',
    status: 'open',
    assignedToUser: null,
    assignedToTeam: null,
    createdAt: now,
    updatedAt: now,
    data: { onderwerp: 'energie', bedrag: i, notitie: 'fictief huishouden' },
  }));
  const plain: StoredRecord[] = changes.map((c) => ({
    id: c.id,
    entityType: c.entityType,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    createdBy: c.ownerId,
    wijk: 'wielwijk',
    status: 'open',
    data: c.data,
  }));
  const plainDb = new DichtbijDb(`bench-plain-${Date.now()}`);
  await plainDb.open();
  const plainStart = performance.now();
  await plainDb.signals.bulkPut(plain);
  const plainMs = performance.now() - plainStart;
  await plainDb.delete();

  const syncDb = new DichtbijDb(`bench-apply-${Date.now()}`);
  resetVault();
  await setUpPin('246810', syncDb);
  const page: PullResponse = {
    changes,
    cursor: COUNT,
    hasMore: false,
    reset: false,
    scopeVersion: 0,
    catalogueVersion: null,
  };
  const applyStart = performance.now();
  await applyPullPage(syncDb, page);
  const applyMs = performance.now() - applyStart;
  await syncDb.delete();
  resetVault();
  return {
    plainBulkPutRecordsPerSec: Math.round(COUNT / (plainMs / 1000)),
    clientApplyRecordsPerSec: Math.round(COUNT / (applyMs / 1000)),
    clientApplyRatio: Math.round((plainMs / applyMs) * 100) / 100,
  };
}

const DEVICES = 200;
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
/** Rates per step; `BENCH_SYNC_RATES=500,1000` runs a shorter list while working on one store. */
const RATES = (process.env.BENCH_SYNC_RATES ?? '250,500,750,1000,1500,2000,2500,3000,4000')
  .split(',')
  .map(Number);
/** `BENCH_SYNC_STORES=postgres` (or `sqlite`) measures one store only. */
const STORES = (process.env.BENCH_SYNC_STORES ?? 'sqlite,postgres').split(',');
/** `BENCH_SYNC_QUICK=1`: the load steps and ceilings only (no empty-pull cost, no client apply). */
const QUICK = process.env.BENCH_SYNC_QUICK === '1';

type Figures = Record<string, number | string>;

/** The highest rate meeting the target per store in this process's run (the soak halves it). */
export const bestRates: Partial<Record<'sqlite' | 'postgres', number>> = {};

interface CpuSnapshot {
  servers: number;
  database: number;
  load: number;
}

function cpuNow(servers: readonly ServerProcess[], databasePids: readonly number[]): CpuSnapshot {
  return {
    servers: treeCpuMs(servers.flatMap((s) => (s.child.pid === undefined ? [] : [s.child.pid]))),
    database: databasePids.length > 0 ? treeCpuMs(databasePids) : 0,
    load: ownCpuMs(),
  };
}

/**
 * CPU per 1,000 mutations of the servers, the database (PostgreSQL's processes; SQLite runs
 * inside the server) and the load generator, all on this machine's cores; and the rate those
 * cores could carry at that cost, with and without the load generator's share.
 */
function cpuFigures(
  key: string,
  before: CpuSnapshot,
  after: CpuSnapshot,
  step: { achieved: number },
): Figures {
  const mutations = (step.achieved * STEP_SECONDS) / 1000;
  if (mutations <= 0) return {};
  const per = (k: keyof CpuSnapshot) => Math.round((after[k] - before[k]) / mutations);
  const servers = per('servers');
  const database = per('database');
  const load = per('load');
  const capacity = (ms: number) => Math.round((cpus().length * 1_000_000) / Math.max(1, ms));
  return {
    [`${key}_cpuMsPer1kMutations`]: `servers ${servers}, database ${database}, load generator ${load}`,
    [`${key}_coresCarryMutationsPerSecond`]: `${capacity(servers + database + load)} with the load generator, ${capacity(servers + database)} without`,
  };
}

/** Steps of increasing rate until two in a row miss the target; figures per step. */
async function steps(
  label: string,
  servers: ServerProcess[],
  storage: KyselySyncStorage,
  prefix: string,
  out: Figures,
  databasePids: readonly number[] = [],
): Promise<number> {
  const devices = await prepareDevices(storage, DEVICES, prefix);
  out[`${label}_warmUp`] = await warmUp(servers, devices);
  console.log(`${label} warm-up`, out[`${label}_warmUp`]);
  let best = 0;
  let misses = 0;
  for (const rate of RATES) {
    const before = cpuNow(servers, databasePids);
    const s = await openLoopStep(servers, devices, rate, STEP_SECONDS);
    console.log(`${label} step`, s);
    for (const [k, v] of Object.entries(s)) if (k !== 'rate') out[`${label}_${rate}_${k}`] = v;
    Object.assign(out, cpuFigures(`${label}_${rate}`, before, cpuNow(servers, databasePids), s));
    if (meetsTarget(s)) {
      best = s.achieved;
      misses = 0;
    } else if (++misses >= 2) break;
  }
  out[`${label}_maxRateAtP95Target`] = best;
  return best;
}

/**
 * Sync at city scale (issue 11), open loop: SQLite with one server process, PostgreSQL with
 * two; the store's own ceiling with the same SQL; empty-pull cost by records in scope; the
 * client apply rate. The soak is its own module (soak.ts).
 */
export async function run(): Promise<Figures> {
  process.env.LOG_LEVEL ??= 'warn';
  const out: Figures = {
    sync_loadContext: `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')} at start (shared machine)`,
  };
  if (STORES.includes('sqlite')) await sqliteFigures(out);
  if (STORES.includes('postgres')) await postgresFigures(out);
  if (!QUICK) for (const [k, v] of Object.entries(await applyRate())) out[k] = v;
  return out;
}

async function sqliteFigures(out: Figures): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'dichtbij-bench-'));
  try {
    const file = join(tmp, 'bench.sqlite');
    const storage = openSqliteStorage(file);
    await storage.migrate();
    await seedDemoUsers(storage);
    const servers = [await startServer({ DATABASE_FILE: file, DATABASE_URL: '' })];
    try {
      const best = await steps('sqlite', servers, storage, 'sq', out);
      bestRates.sqlite = best;
      const ceiling = await storeCeiling(
        storage,
        await prepareDevices(storage, 1, 'sq-ceiling'),
        1,
        5,
      );
      out.sqlite_storeCeiling = ceiling;
      out.sqlite_ratio = Math.round((best / ceiling) * 100) / 100;
    } finally {
      await Promise.all(servers.map(stopServer));
    }
    if (!QUICK) await sqliteEmptyPull(tmp, out);
    await storage.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function sqliteEmptyPull(tmp: string, out: Figures): Promise<void> {
  const empty = openSqliteStorage(join(tmp, 'empty.sqlite'));
  await empty.migrate();
  await seedDemoUsers(empty);
  for (const [k, v] of Object.entries(await emptyPullCost(empty, [1000, 10_000, 50_000])))
    out[`sqlite_${k}`] = v;
  await empty.close();
}

async function postgresFigures(out: Figures): Promise<void> {
  const pg = await startPostgres();
  try {
    const url = await freshDatabase(pg.url, 'bench');
    const storage = openPostgresStorage(url, 10);
    await storage.migrate();
    await seedDemoUsers(storage);
    const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '10' };
    const servers = [await startServer(env), await startServer(env)];
    try {
      const best = await steps('postgres2', servers, storage, 'pg', out, [
        postmasterPid(pg.dataDir),
      ]);
      bestRates.postgres = best;
      const ceiling = await storeCeiling(
        storage,
        await prepareDevices(storage, 16, 'pg-ceiling'),
        16,
        5,
      );
      out.postgres_storeCeiling = ceiling;
      out.postgres2_ratio = Math.round((best / ceiling) * 100) / 100;
    } finally {
      await Promise.all(servers.map(stopServer));
    }
    if (QUICK) {
      await storage.close();
      return;
    }
    const emptyUrl = await freshDatabase(pg.url, 'benchempty');
    const empty = openPostgresStorage(emptyUrl, 4);
    await empty.migrate();
    await seedDemoUsers(empty);
    for (const [k, v] of Object.entries(await emptyPullCost(empty, [1000, 10_000, 50_000])))
      out[`postgres_${k}`] = v;
    await empty.close();
    await storage.close();
  } finally {
    pg.stop();
  }
}
