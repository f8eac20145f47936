import type { DichtbijDb, LocalEvent, StoredRecord } from '../../../src/data/db';
import { eventContext, sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { encryptJson, resetVault, setUpPin } from '../../../src/data/crypto/vault';
import {
  NOT_SEEN_DAYS,
  allTrajectoryFacts,
  listTrajectories,
} from '../../../src/data/repositories/toekomst';
import { OFFERS } from '../../../src/domain/toekomst/offers';
import { STEP_STATUSES } from '../../../src/domain/toekomst/plan';
import { TOEKOMST_STATUSES } from '../../../src/domain/toekomst/trajectory';
import { summarise } from '../stats';
import { freshDb, PIN, round } from './common';
import { rng } from './signal-fixtures';

/**
 * The toekomstmakelaar's list on a full device, in Chromium: 2,000 residents and 20,000 plan
 * events, every record and event encrypted as in the field. Her list (listTrajectories: the
 * sections "new", "due", "not seen" and one page of everyone, decrypting the rows shown) next to
 * a plain Dexie read of the same rows by the same index queries, without decrypting, interleaved
 * in the same run. Her figures (every plan decrypted and folded) next to a plain read of all rows
 * and events.
 */
const RESIDENTS = 2_000;
const EVENTS = 20_000;
const DAY_MS = 86_400_000;

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)]!;
}

async function seedResidents(database: DichtbijDb, now: Date): Promise<void> {
  const random = rng(13);
  const batch: Promise<StoredRecord>[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const updatedAt = new Date(now.getTime() - Math.floor(random() * 90) * DAY_MS).toISOString();
    const due =
      random() < 0.5
        ? new Date(now.getTime() + (Math.floor(random() * 40) - 20) * DAY_MS)
            .toISOString()
            .slice(0, 10)
        : undefined;
    const data: Record<string, unknown> = {
      residentName: `Bewoner ${i} (fictief)`,
      contact: 'Buurthuis (fictief)',
      consent: true,
      referredFrom: 'check',
      wishes: ['werk'],
      barriers: ['taal'],
      hoursPerWeek: 12,
      qualification: 'onbekend',
      drivingLicence: null,
      intakeAt: updatedAt,
    };
    if (due) data.planDueAt = due;
    const record: StoredRecord = {
      id: `tk-${String(i).padStart(5, '0')}`,
      entityType: 'toekomst',
      version: 1,
      createdAt: updatedAt,
      updatedAt,
      createdBy: 'demo-vrijwilliger',
      status: pick(TOEKOMST_STATUSES, random()),
      assignedToTeam: 'team-toekomstmakelaars',
      data,
    };
    if (due) record.dueAt = due;
    batch.push(sealRecordUnlocked(record));
  }
  await database.toekomst.bulkPut(await Promise.all(batch));
}

async function seedEvents(database: DichtbijDb, now: Date): Promise<void> {
  const random = rng(99);
  let batch: Promise<LocalEvent>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const id = `ev-${String(i).padStart(6, '0')}`;
    const body = {
      stepId: `s-${i % 3}`,
      offerId: pick(OFFERS, random()).id,
      from: null,
      to: pick(STEP_STATUSES, random()),
    };
    batch.push(
      encryptJson(body, eventContext(id)).then((sealed) => ({
        id,
        entityType: 'toekomst',
        entityId: `tk-${String(i % RESIDENTS).padStart(5, '0')}`,
        kind: 'step',
        createdAt: new Date(now.getTime() - i * 60_000).toISOString(),
        createdBy: 'demo-toekomstmakelaar',
        version: i + 1,
        body: sealed,
      })),
    );
    if (batch.length === 1000) {
      await database.events.bulkPut(await Promise.all(batch));
      batch = [];
    }
  }
  if (batch.length > 0) await database.events.bulkPut(await Promise.all(batch));
}

/** The list's own index queries, rows as stored: what Dexie costs without the repository. */
async function plainList(database: DichtbijDb, now: Date, offset: number): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const cutoff = new Date(now.getTime() - NOT_SEEN_DAYS * DAY_MS).toISOString();
  const table = database.toekomst;
  const active = new Set<string>(['opgepakt', 'in-traject']);
  const parts = await Promise.all([
    table.where('status').equals('verwezen').limit(20).toArray(),
    table.where('dueAt').belowOrEqual(today).limit(20).toArray(),
    table
      .where('updatedAt')
      .below(cutoff)
      .filter((r) => active.has(r.status ?? ''))
      .limit(20)
      .toArray(),
    table.count().then(() => []),
    table.orderBy('updatedAt').reverse().offset(offset).limit(50).toArray(),
  ]);
  return parts.reduce((a, p) => a + p.length, 0);
}

export async function toekomst(): Promise<Record<string, number>> {
  const database = freshDb('toekomst');
  resetVault();
  await setUpPin(PIN, database);
  const now = new Date();
  const seedStarted = performance.now();
  await seedResidents(database, now);
  await seedEvents(database, now);
  const seedMs = performance.now() - seedStarted;
  if ((await database.events.count()) !== EVENTS) throw new Error('toekomst bench: events missing');
  // Reopen, so the first list pays what it pays after the app starts.
  database.close();
  await database.open();
  let started = performance.now();
  await listTrajectories({ now }, database);
  const firstMs = performance.now() - started;

  // Opening her list and paging through everyone, interleaved with the plain read of the same
  // rows, so both series run under the same conditions.
  const list: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 80; i++) {
    const offset = (i % 4) * 50;
    started = performance.now();
    const shown = await listTrajectories({ now, offset }, database);
    list.push(performance.now() - started);
    started = performance.now();
    const rows = await plainList(database, now, offset);
    plain.push(performance.now() - started);
    if (shown.all.items.length !== 50 || rows === 0) throw new Error('toekomst bench: empty list');
  }
  started = performance.now();
  const facts = await allTrajectoryFacts(database);
  const figuresMs = performance.now() - started;
  started = performance.now();
  await Promise.all([database.toekomst.toArray(), database.events.toArray()]);
  const figuresPlainMs = performance.now() - started;
  if (facts.length !== RESIDENTS) throw new Error('toekomst bench: figures incomplete');
  database.close();
  await database.delete();
  resetVault();
  const a = summarise(list);
  const b = summarise(plain);
  return {
    toekomst_residents: RESIDENTS,
    toekomst_plan_events: EVENTS,
    toekomst_seed_ms: Math.round(seedMs),
    toekomst_list_first_ms: round(firstMs),
    toekomst_list_median_ms: round(a.median),
    toekomst_list_p95_ms: round(a.p95),
    toekomst_list_plain_dexie_median_ms: round(b.median),
    toekomst_list_plain_dexie_p95_ms: round(b.p95),
    toekomst_figures_all_plans_ms: Math.round(figuresMs),
    toekomst_figures_plain_read_ms: Math.round(figuresPlainMs),
  };
}
