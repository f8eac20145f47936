import type { DichtbijDb, StoredRecord } from '../../../src/data/db';
import { sealRecord, sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { resetVault, setUpPin } from '../../../src/data/crypto/vault';
import type { SignalWorker } from '../../../src/data/repositories/signals';
import { createSignal } from '../../../src/data/repositories/signals';
import { listSignals } from '../../../src/data/repositories/signal-list';
import { warmSignalList } from '../../../src/data/repositories/signal-list-index';
import { writeRecords } from '../../../src/data/repositories/records';
import { META_SESSION, type StoredSession } from '../../../src/data/sync/session-store';
import { keepSecrets } from '../../../src/data/sync/session-secrets';
import { pullChanges } from '../../../src/data/sync/sync-engine';
import type { Transport } from '../../../src/data/sync/sync-error';
import { derivedIndexFields } from '../../../src/domain/records/derived-index';
import { pullResponseSchema, type RecordChange } from '../../../src/domain/sync/protocol';
import { DEFAULT_TEAMS } from '../../../src/domain/signals/handover';
import { addDays } from '../../../src/domain/signals/signal-schema';
import { summarise } from '../stats';
import { freshDb, PIN, round } from './common';
import { listQueries, rng, syntheticSignal } from './signal-fixtures';
import { toekomst } from './toekomst-bench';
import { dayList } from './day-list-bench';
import { localDate } from '../../../src/domain/calendar';

/**
 * The device benches, run in Chromium by test/bench/device.ts (built by Vite as its own entry,
 * never part of the app build). Each function returns its figures; nothing is timed in Node.
 */

/** A pulled record as the server sends it (wire form), from a synthetic signal. */
function wireChange(record: StoredRecord): RecordChange {
  return {
    kind: 'record',
    entityType: 'signal',
    id: record.id,
    version: record.version,
    deleted: false,
    ownerId: record.createdBy ?? 'worker-4',
    teamId: 'team-wijkteam-west',
    wijk: record.wijk ?? null,
    status: record.status ?? null,
    assignedToUser: record.assignedToUser ?? null,
    assignedToTeam: record.assignedToTeam ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    data: record.data as RecordChange['data'],
  };
}

/** Pull pages of 500 as JSON text, the way they come off the network. */
function pullPages(total: number, pageSize: number, today: string): string[] {
  const random = rng(42);
  const pages: string[] = [];
  for (let start = 0; start < total; start += pageSize) {
    const changes: RecordChange[] = [];
    for (let i = start; i < Math.min(total, start + pageSize); i++) {
      changes.push(wireChange(syntheticSignal(i, today, random)));
    }
    pages.push(
      JSON.stringify({
        changes,
        cursor: start + changes.length,
        hasMore: start + pageSize < total,
        reset: false,
        scopeVersion: 1,
        catalogueVersion: null,
      }),
    );
  }
  return pages;
}

/** The same record, as a plain Dexie row: no validation, no encryption. */
function plainRow(change: RecordChange): StoredRecord {
  const row: StoredRecord = {
    id: change.id,
    entityType: change.entityType,
    version: change.version,
    createdAt: change.createdAt,
    updatedAt: change.updatedAt,
    createdBy: change.ownerId,
    data: change.data,
  };
  if (change.wijk !== null) row.wijk = change.wijk;
  if (change.status !== null) row.status = change.status;
  if (change.assignedToUser !== null) row.assignedToUser = change.assignedToUser;
  if (change.assignedToTeam !== null) row.assignedToTeam = change.assignedToTeam;
  // The same clear index fields the client derives, so both write the same index entries.
  return Object.assign(row, derivedIndexFields(change.entityType, change.data));
}

/** A signed-in session on the bench database, so the sync client pulls as it does for a worker. */
async function signIn(database: DichtbijDb): Promise<void> {
  const far = new Date(Date.now() + 24 * 3600_000).toISOString();
  const session: StoredSession = {
    user: {
      id: 'demo-wijkteam',
      email: 'wijkteam@demo.dichtbij',
      name: 'Bench (fictief)',
      role: 'wijkteam',
      teamId: 'team-wijkteam-west',
      organisationId: null,
      wijken: ['wielwijk', 'crabbehof'],
    },
    deviceId: 'bench-device',
    needsLogin: false,
  };
  await database.meta.put({ key: META_SESSION, value: session });
  // As after a real sign-in: the access token in memory, the refresh token sealed by the vault.
  await keepSecrets(
    database,
    {
      accessToken: 'bench-token',
      accessExpiresAt: far,
      refreshToken: 'bench-refresh-token-not-used',
      refreshExpiresAt: far,
    },
    'wijkteam',
  );
}

/**
 * 10,000 pulled records in pages of 500: the sync client's own pull (`pullChanges`: zod parse
 * of each page, derived index fields, encryption, one transaction per page with its cursor,
 * as it runs for a worker) from an in-page transport that answers with the
 * JSON text, against a plain bulkPut of the same rows (same table, same index fields, no
 * validation, no encryption), page by page. Both parse the same JSON text.
 */
async function apply(total = 10_000, pageSize = 500): Promise<Record<string, number>> {
  const today = localDate(new Date());
  const pages = pullPages(total, pageSize, today);
  const client = freshDb('apply-client');
  const plain = freshDb('apply-plain');
  resetVault();
  await setUpPin(PIN, client);
  await signIn(client);
  await plain.open();
  let plainMs = 0;
  const plainPass = async () => {
    for (const text of pages) {
      const started = performance.now();
      const page = JSON.parse(text) as { changes: RecordChange[] };
      await plain.signals.bulkPut(page.changes.map(plainRow));
      plainMs += performance.now() - started;
    }
  };
  const transport: Transport = async (path, options) => {
    if (path !== '/api/sync/pull') throw new Error(`bench transport: ${path}`);
    const cursor = (options.body as { cursor: number | null }).cursor ?? 0;
    const text = pages[Math.floor(cursor / pageSize)];
    if (text === undefined) throw new Error(`bench transport: no page at ${cursor}`);
    return JSON.parse(text) as unknown;
  };
  let clientMs = 0;
  const clientPass = async () => {
    const started = performance.now();
    const result = await pullChanges(client, transport, pageSize);
    clientMs = performance.now() - started;
    if (result.pulled !== total) throw new Error(`pulled ${result.pulled} of ${total}`);
  };
  await plainPass();
  await clientPass();
  const stored = await client.signals.count();
  if (stored !== total || (await plain.signals.count()) !== total) {
    throw new Error(`apply stored ${stored} of ${total}`);
  }
  client.close();
  plain.close();
  await client.delete();
  await plain.delete();
  resetVault();
  return {
    apply_records: total,
    apply_page_size: pageSize,
    apply_client_ms: Math.round(clientMs),
    apply_plain_bulkput_ms: Math.round(plainMs),
    apply_client_records_per_s: Math.round(total / (clientMs / 1000)),
    apply_plain_records_per_s: Math.round(total / (plainMs / 1000)),
    // Throughput of the client's path as a share of the plain bulkPut's (target ≥ 0.8).
    apply_ratio_vs_plain: round(plainMs / clientMs),
  };
}

const WORKER: SignalWorker = {
  id: 'demo-wijkteam',
  role: 'wijkteam',
  teamId: 'team-wijkteam-west',
  wijken: ['wielwijk', 'crabbehof'],
};

/** 20,000 encrypted signals: the first list, the list index, then 180 filtered lists. */
async function filter(total = 20_000): Promise<Record<string, number>> {
  const database = freshDb('filter');
  resetVault();
  await setUpPin(PIN, database);
  const now = new Date();
  const today = localDate(now);
  const random = rng(42);
  const seedStarted = performance.now();
  for (let start = 0; start < total; start += 1000) {
    const rows: Promise<StoredRecord>[] = [];
    for (let i = start; i < Math.min(total, start + 1000); i++) {
      rows.push(sealRecordUnlocked(syntheticSignal(i, today, random)));
    }
    await database.signals.bulkPut(await Promise.all(rows));
  }
  const seedMs = performance.now() - seedStarted;
  // Reopen, so the first list pays what it pays after the app starts.
  database.close();
  await database.open();

  const openStarted = performance.now();
  await listSignals({ scope: 'mine', statuses: ['nieuw', 'opgepakt'] }, WORKER, { now }, database);
  const openMs = performance.now() - openStarted;
  const warmStarted = performance.now();
  await warmSignalList(database);
  const warmMs = performance.now() - warmStarted;

  const samples: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const q of listQueries()) {
      const started = performance.now();
      await listSignals(q, WORKER, { now }, database);
      samples.push(performance.now() - started);
    }
  }
  const list = summarise(samples);

  const saves: number[] = [];
  const directory = { teams: DEFAULT_TEAMS, organisations: [] };
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    const result = await createSignal(
      {
        category: 'achterstand-huur',
        wijk: 'wielwijk',
        urgency: 'hoog',
        consent: 'gegeven',
        residentName: `Bewoner bench ${i} (fictief)`,
        contactWay: 'via-vindplaats',
        contactValue: 'Geldpraatje-plek (fictief)',
        dueAt: addDays(today, 3),
        handoverTo: { kind: 'team', id: 'team-wijkteam-west' },
      },
      { worker: WORKER, directory, wijken: [], now },
      database,
    );
    if (i >= 5) saves.push(performance.now() - started);
    if (!result.ok) throw new Error('bench signal was refused');
  }
  const save = summarise(saves);
  database.close();
  await database.delete();
  resetVault();
  return {
    signals_count: total,
    signals_seed_ms: Math.round(seedMs),
    signals_list_first_ms: round(openMs),
    signals_list_index_build_ms: Math.round(warmMs),
    signals_list_filter_median_ms: round(list.median),
    signals_list_filter_p95_ms: round(list.p95),
    signals_list_filter_max_ms: round(list.max),
    signals_save_median_ms: round(save.median),
    signals_save_p95_ms: round(save.p95),
  };
}

/** A finished bestaanszekerheidscheck's size of data, saved through the repository (record + outbox). */
async function saveCheck(count = 60): Promise<Record<string, number>> {
  const database = freshDb('save-check');
  resetVault();
  await setUpPin(PIN, database);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date().toISOString();
    const data = {
      answers: Object.fromEntries(
        Array.from({ length: 40 }, (_, q) => [`q${q}`, q % 3 === 0 ? 'ja' : 'nee']),
      ),
      notes: 'Gesprek aan de keukentafel (fictief). '.repeat(12),
    };
    const started = performance.now();
    await writeRecords(
      [
        {
          record: {
            id: `check-${i}`,
            entityType: 'check',
            version: 0,
            createdAt: at,
            updatedAt: at,
            wijk: 'wielwijk',
            status: 'open',
            data,
          },
          op: 'put',
          payload: data,
        },
      ],
      database,
    );
    if (i >= 5) samples.push(performance.now() - started);
  }
  const s = summarise(samples);
  database.close();
  await database.delete();
  resetVault();
  return { save_check_median_ms: round(s.median), save_check_p95_ms: round(s.p95) };
}

/** Where the client's apply time goes: zod, sealing (WebCrypto), the transaction. */
async function applySteps(total = 10_000, pageSize = 500): Promise<Record<string, number>> {
  const today = localDate(new Date());
  const pages = pullPages(total, pageSize, today);
  const database = freshDb('apply-steps');
  resetVault();
  await setUpPin(PIN, database);
  let parseMs = 0;
  let sealMs = 0;
  let putMs = 0;
  for (const text of pages) {
    let t = performance.now();
    const page = pullResponseSchema.parse(JSON.parse(text));
    parseMs += performance.now() - t;
    t = performance.now();
    const rows = await Promise.all(
      page.changes.map((c) => sealRecord(plainRow(c as RecordChange))),
    );
    sealMs += performance.now() - t;
    t = performance.now();
    await database.signals.bulkPut(rows);
    putMs += performance.now() - t;
  }
  database.close();
  await database.delete();
  resetVault();
  return {
    apply_steps_parse_ms: Math.round(parseMs),
    apply_steps_seal_ms: Math.round(sealMs),
    apply_steps_put_sealed_ms: Math.round(putMs),
  };
}

const benches = { apply, applySteps, filter, saveCheck, toekomst, dayList };
(window as unknown as { deviceBench: typeof benches }).deviceBench = benches;
document.getElementById('state')!.textContent = 'ready';
