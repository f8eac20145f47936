import 'fake-indexeddb/auto';
import { DichtbijDb } from '../../src/data/db';
import type { LocalEvent, StoredRecord } from '../../src/data/db';
import { eventContext, sealRecordUnlocked } from '../../src/data/crypto/record-crypto';
import { encryptJson, resetVault, setUpPin } from '../../src/data/crypto/vault';
import { allTrajectoryFacts, listTrajectories } from '../../src/data/repositories/toekomst';
import { OFFERS } from '../../src/domain/toekomst/offers';
import { STEP_STATUSES } from '../../src/domain/toekomst/plan';
import { TOEKOMST_STATUSES } from '../../src/domain/toekomst/trajectory';
import { summarise } from './stats';

/**
 * The toekomstmakelaar's list on a full device: 2,000 residents and 20,000 plan events, every
 * record and event encrypted as in the field. Baseline in the same run: the same list with the
 * residents but no plan events, so the figure shows what the events cost (the list should not
 * read them). Runs in Node on fake-indexeddb; a Chromium figure waits for the browser bench
 * harness (see the issue 13 report).
 */
const RESIDENTS = 2_000;
const EVENTS = 20_000;

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)]!;
}

async function seedResidents(database: DichtbijDb, now: Date): Promise<void> {
  const random = rng(13);
  const batch: StoredRecord[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const updatedAt = new Date(
      now.getTime() - Math.floor(random() * 90) * 86_400_000,
    ).toISOString();
    const due =
      random() < 0.5
        ? new Date(now.getTime() + (Math.floor(random() * 40) - 20) * 86_400_000)
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
    batch.push(await sealRecordUnlocked(record));
  }
  await database.toekomst.bulkPut(batch);
}

async function seedEvents(database: DichtbijDb, now: Date): Promise<void> {
  const random = rng(99);
  const batch: LocalEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const id = `ev-${String(i).padStart(6, '0')}`;
    const body = {
      stepId: `s-${i % 3}`,
      offerId: pick(OFFERS, random()).id,
      from: null,
      to: pick(STEP_STATUSES, random()),
    };
    batch.push({
      id,
      entityType: 'toekomst',
      entityId: `tk-${String(i % RESIDENTS).padStart(5, '0')}`,
      kind: 'step',
      createdAt: new Date(now.getTime() - i * 60_000).toISOString(),
      createdBy: 'demo-toekomstmakelaar',
      version: i + 1,
      body: await encryptJson(body, eventContext(id)),
    });
    if (batch.length === 1000) await database.events.bulkPut(batch.splice(0));
  }
  if (batch.length > 0) await database.events.bulkPut(batch);
}

async function openListSamples(database: DichtbijDb, now: Date, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await listTrajectories({ now, offset: (i % 4) * 50 }, database);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function run(): Promise<Record<string, number>> {
  const database = new DichtbijDb(`bench-toekomst-${Date.now()}`);
  resetVault();
  await setUpPin('bench-pin-2468', database);
  const now = new Date();
  await seedResidents(database, now);
  // One unmeasured open first, so both series start warm (JIT, Dexie's schema cache).
  await listTrajectories({ now }, database);
  const baseline = summarise(await openListSamples(database, now, 40));
  await seedEvents(database, now);
  const full = summarise(await openListSamples(database, now, 40));
  const figuresStarted = performance.now();
  await allTrajectoryFacts(database);
  const figuresMs = performance.now() - figuresStarted;
  database.close();
  await database.delete();
  resetVault();
  return {
    toekomst_residents: RESIDENTS,
    toekomst_plan_events: EVENTS,
    toekomst_list_open_median_ms: full.median,
    toekomst_list_open_p95_ms: full.p95,
    toekomst_list_open_baseline_no_events_p95_ms: baseline.p95,
    toekomst_figures_all_plans_ms: Math.round(figuresMs),
  };
}
