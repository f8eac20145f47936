import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { SIGNAL_CATEGORY_IDS } from '../../src/domain/signals/categories';
import { SIGNAL_STATUSES } from '../../src/domain/signals/lifecycle';
import { URGENCIES } from '../../src/domain/signals/signal-schema';
import { signAccessToken } from '../../src/server/auth/tokens';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { freshDatabase, startPostgres } from '../server/postgres';
import { startServer, stopServer, type ServerProcess } from './sync-load';

/**
 * The coordinator's screen at city scale (issue 14): 100,000 signals, 1,000,000 signal events and
 * 50,000 checks, made over the last 12 months, in SQLite and in PostgreSQL. The data goes in by
 * bulk SQL, not through the API, and the maintained counts (insight-rollup.ts) are then rebuilt
 * from it once, as the migration does for existing data. Measured is the one request the screen makes
 * (`GET /api/insight?month=…`; the wijk is chosen on the device from the same answer), against a
 * server in its own process, next to two baselines from the same run: a `SELECT count(*)` over
 * the events table, and the round trip of `/api/health` on the same server.
 */

const SIGNALS = Number(process.env.BENCH_INSIGHT_SIGNALS ?? 100_000);
const EVENTS_PER_SIGNAL = 10;
const CHECKS = Number(process.env.BENCH_INSIGHT_CHECKS ?? 50_000);
const MONTHS = 12;
const SAMPLES = Number(process.env.BENCH_INSIGHT_SAMPLES ?? 40);
const WARM_UP = 5;

const WIJKEN = [
  'wielwijk',
  'crabbehof',
  'krispijn',
  'sterrenburg',
  'stadspolders',
  'dubbeldam',
  'oudelandshoek',
  'reeland',
  'staart',
  'noordflank',
  'binnenstad',
  'vogelbuurt',
];
const REGELINGEN = Array.from({ length: 24 }, (_, i) => `regeling-${i}`);
const ROLES_USERS = ['demo-vrijwilliger', 'demo-wijkteam', 'demo-toekomstmakelaar'];
const OTHER_STATUS = ['opgepakt', 'doorverwezen', 'afgerond'];

type Figures = Record<string, number | string>;

/** Deterministic pseudo-random numbers, so both stores get the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** The first instant of the month `back` months before this one. */
function monthStart(back: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
}

/** The answers a completed short check holds, about the size of a real one (synthetic). */
function answersBlob(r: () => number): unknown {
  const answers: Record<string, unknown> = {};
  for (let q = 0; q < 30; q++) {
    answers[`vraag-${q}`] = {
      status: 'answered',
      value: q % 3 === 0 ? Math.round(r() * 2000) : q % 3 === 1 ? 'ja' : 'nee',
      answeredAt: '2026-01-01T10:00:00.000Z',
    };
  }
  return {
    variant: 'short',
    consent: { given: true, recordedAt: '2026-01-01T10:00:00.000Z' },
    answers,
  };
}

interface Row {
  record: unknown[];
  events: unknown[][];
}

const RECORD_COLUMNS =
  'entity_type, id, owner_id, team_id, wijk, status, assigned_user, assigned_team, created_at, updated_at, deleted, version, data, stamps';
const EVENT_COLUMNS =
  'id, entity_type, entity_id, kind, status, body, created_at, created_by, device_id, version';

/** One generated signal with its ten events, or one check, as column values in table order. */
function* generate(): Generator<Row> {
  const r = random(14);
  const span = Date.now() - monthStart(MONTHS - 1).getTime();
  const start = monthStart(MONTHS - 1).getTime();
  let version = 1_000_000;
  // Records arrive in time order, as they do in use: a month's records lie together.
  const signalTimes = Array.from({ length: SIGNALS }, () => start + Math.floor(r() * span)).sort(
    (a, b) => a - b,
  );
  const checkTimes = Array.from({ length: CHECKS }, () => start + Math.floor(r() * span)).sort(
    (a, b) => a - b,
  );
  for (let i = 0; i < SIGNALS; i++) {
    const created = signalTimes[i] ?? start;
    const at = (hours: number) => new Date(created + hours * 3_600_000).toISOString();
    const contact = r() < 0.6;
    const status = contact
      ? pick(r, ['contact-gelegd', 'doorverwezen', 'afgerond'])
      : pick(r, SIGNAL_STATUSES);
    const id = `bench-signal-${i}`;
    const events: unknown[][] = [];
    for (let k = 0; k < EVENTS_PER_SIGNAL; k++) {
      let kind = 'note';
      let evStatus: string | null = null;
      let body: unknown = { text: 'Fictieve notitie over het gesprek, zonder naam.' };
      if (k === 0) {
        kind = 'status';
        evStatus = 'opgepakt';
        body = { from: 'nieuw', to: 'opgepakt' };
      } else if (k === 1 && contact) {
        kind = 'status';
        evStatus = 'contact-gelegd';
        body = { from: 'opgepakt', to: 'contact-gelegd', contactAt: at(20 + r() * 100) };
      } else if (k === 2 && contact && r() < 0.7) {
        kind = 'help';
        body = { help: r() < 0.8 ? 'aanvaard' : 'geweigerd' };
      } else if (k === 3) {
        kind = 'status';
        evStatus = pick(r, OTHER_STATUS);
        body = { from: 'contact-gelegd', to: evStatus };
      }
      events.push([
        `${id}-e${k}`,
        'signal',
        id,
        kind,
        evStatus,
        JSON.stringify(body),
        at(k * 24),
        'demo-wijkteam',
        'bench-device',
        ++version,
      ]);
    }
    yield {
      record: [
        'signal',
        id,
        'demo-vrijwilliger',
        'team-wijkteam-west',
        pick(r, WIJKEN),
        status,
        null,
        'team-wijkteam-west',
        at(0),
        at(0),
        0,
        ++version,
        JSON.stringify({
          category: pick(r, SIGNAL_CATEGORY_IDS),
          urgency: pick(r, URGENCIES),
          consent: 'gegeven',
          residentName: 'Fictieve Bewoner',
          contactWay: 'via-vindplaats',
          contactValue: 'Buurthuis (fictief)',
          note: 'Fictieve toelichting bij het signaal, een paar zinnen lang, zonder echte persoon.',
        }),
        '{}',
      ],
      events,
    };
  }
  for (let i = 0; i < CHECKS; i++) {
    const created = new Date(checkTimes[i] ?? start).toISOString();
    const suggested = REGELINGEN.filter(() => r() < 0.25);
    const takeUp = Object.fromEntries(
      suggested
        .filter(() => r() < 0.6)
        .map((id) => [
          id,
          {
            status: pick(r, ['aangevraagd', 'toegekend', 'afgewezen', 'niet-aangevraagd']),
            recordedAt: created,
          },
        ]),
    );
    yield {
      record: [
        'check',
        `bench-check-${i}`,
        pick(r, ROLES_USERS),
        'team-geldpraatje',
        pick(r, WIJKEN),
        'afgerond',
        null,
        null,
        created,
        created,
        0,
        ++version,
        JSON.stringify({
          ...(answersBlob(r) as object),
          suggested,
          doelgroepen: r() < 0.2 ? ['jongere'] : r() < 0.4 ? ['werkende'] : [],
          takeUp,
          completedAt: created,
        }),
        '{}',
      ],
      events: [],
    };
  }
}

/** SQLite: prepared inserts in one transaction per 10,000 rows. */
function fillSqlite(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const rec = db.prepare(`INSERT INTO records (${RECORD_COLUMNS}) VALUES (${'?, '.repeat(13)}?)`);
  const ev = db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${'?, '.repeat(9)}?)`);
  let batch: Row[] = [];
  const flush = db.transaction((rows: Row[]) => {
    for (const row of rows) {
      rec.run(row.record);
      for (const e of row.events) ev.run(e);
    }
  });
  for (const row of generate()) {
    batch.push(row);
    if (batch.length >= 10_000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.prepare(
    `UPDATE counters SET value = (SELECT max(version) FROM events) WHERE name = 'version'`,
  ).run();
  db.exec('ANALYZE');
  db.close();
}

/** PostgreSQL: multi-row parameterised inserts (the same generated data), on a pool of its own. */
async function fillPostgres(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const flush = async (table: string, columns: string, rows: unknown[][]) => {
    if (rows.length === 0) return;
    const width = rows[0]?.length ?? 0;
    const values = rows.map(
      (_, i) => `(${Array.from({ length: width }, (__, k) => `$${i * width + k + 1}`).join(', ')})`,
    );
    await pool.query(`INSERT INTO ${table} (${columns}) VALUES ${values.join(', ')}`, rows.flat());
    rows.length = 0;
  };
  try {
    const records: unknown[][] = [];
    const events: unknown[][] = [];
    for (const row of generate()) {
      records.push(row.record);
      events.push(...row.events);
      if (records.length >= 1_000) await flush('records', RECORD_COLUMNS, records);
      if (events.length >= 4_000) await flush('events', EVENT_COLUMNS, events);
    }
    await flush('records', RECORD_COLUMNS, records);
    await flush('events', EVENT_COLUMNS, events);
    await pool.query(
      `UPDATE counters SET value = (SELECT max(version) FROM events) WHERE name = 'version'`,
    );
    await pool.query('VACUUM ANALYZE');
  } finally {
    await pool.end();
  }
}

/** A coordinator's device, bound in the store, with a token for the figures. */
async function coordinatorToken(storage: KyselySyncStorage): Promise<string> {
  await seedDemoUsers(storage);
  const secret = await jwtSecretFor(storage, undefined);
  const now = new Date().toISOString();
  const bound = await storage.saveDeviceLogin(
    'bench-coordinator',
    'demo-coordinator',
    'x',
    '2099-01-01T00:00:00.000Z',
    now,
  );
  if (!bound.ok) throw new Error(`coordinator device not bound: ${bound.reason}`);
  const { token } = await signAccessToken(
    { userId: 'demo-coordinator', deviceId: 'bench-coordinator', generation: bound.generation },
    secret,
    new Date(),
    6 * 3600,
  );
  return token;
}

function quantiles(samples: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) /
    10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Sequential requests, as one coordinator clicking through months: latency per request. */
async function timeRequests(
  server: ServerProcess,
  paths: readonly string[],
  token: string | null,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const path = paths[i % paths.length] ?? '/';
    const started = performance.now();
    const res = await fetch(server.base + path, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path} ${res.status} ${body.slice(0, 200)}`);
    if (i >= WARM_UP) samples.push(performance.now() - started);
  }
  return samples;
}

function timeSync(fn: () => Promise<unknown>): Promise<number[]> {
  return (async () => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await fn();
      samples.push(performance.now() - started);
    }
    return samples;
  })();
}

/** The months the screen asks for: this month first (it opens there), then the year before. */
function monthPaths(): string[] {
  return Array.from({ length: MONTHS }, (_, back) =>
    monthStart(back).toISOString().slice(0, 7),
  ).map((m) => `/api/insight?month=${m}`);
}

async function measure(
  label: string,
  storage: KyselySyncStorage,
  env: NodeJS.ProcessEnv,
  out: Figures,
): Promise<void> {
  const token = await coordinatorToken(storage);
  const count = await timeSync(() => sql`SELECT count(*) FROM events`.execute(storage.db));
  const server = await startServer(env);
  try {
    const current = quantiles(await timeRequests(server, [monthPaths()[0] ?? ''], token));
    const months = quantiles(await timeRequests(server, monthPaths(), token));
    const health = quantiles(await timeRequests(server, ['/api/health'], null));
    for (const [k, v] of Object.entries(current)) out[`${label}_insightThisMonth_${k}Ms`] = v;
    for (const [k, v] of Object.entries(months)) out[`${label}_insightAnyMonth_${k}Ms`] = v;
    for (const [k, v] of Object.entries(health)) out[`${label}_baselineHealth_${k}Ms`] = v;
    out[`${label}_baselineCountEvents_p50Ms`] = quantiles(count).p50;
    console.log(label, { current, months, health, countEvents: quantiles(count) });
  } finally {
    await stopServer(server);
  }
}

export async function run(): Promise<Figures> {
  process.env.LOG_LEVEL ??= 'warn';
  const out: Figures = {
    insight_scale: `${SIGNALS} signals, ${SIGNALS * EVENTS_PER_SIGNAL} events, ${CHECKS} checks over ${MONTHS} months; ${SAMPLES} sequential requests after ${WARM_UP} warm-up`,
    insight_loadContext: `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')} at start (shared machine)`,
  };
  const tmp = mkdtempSync(join(tmpdir(), 'dichtbij-bench-insight-'));
  try {
    const file = join(tmp, 'insight.sqlite');
    const storage = openSqliteStorage(file);
    await storage.migrate();
    await seedDemoUsers(storage);
    let started = performance.now();
    fillSqlite(file);
    out.sqlite_fillSeconds = Math.round((performance.now() - started) / 100) / 10;
    // Bulk SQL passes the push, so the counts it maintains are built once, as a migration would.
    started = performance.now();
    await storage.rebuildInsight();
    out.sqlite_rollupRebuildSeconds = Math.round((performance.now() - started) / 100) / 10;
    await measure('sqlite', storage, { DATABASE_FILE: file, DATABASE_URL: '' }, out);
    await storage.close();

    const pgServer = await startPostgres();
    try {
      const url = await freshDatabase(pgServer.url, 'benchinsight');
      const pgStorage = openPostgresStorage(url, 4);
      await pgStorage.migrate();
      await seedDemoUsers(pgStorage);
      started = performance.now();
      await fillPostgres(url);
      out.postgres_fillSeconds = Math.round((performance.now() - started) / 100) / 10;
      started = performance.now();
      await pgStorage.rebuildInsight();
      out.postgres_rollupRebuildSeconds = Math.round((performance.now() - started) / 100) / 10;
      await measure('postgres', pgStorage, { DATABASE_URL: url, DATABASE_POOL_SIZE: '10' }, out);
      await pgStorage.close();
    } finally {
      pgServer.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
