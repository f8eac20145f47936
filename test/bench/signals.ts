import 'fake-indexeddb/auto';
import { DichtbijDb } from '../../src/data/db';
import type { StoredRecord } from '../../src/data/db';
import { sealRecordUnlocked } from '../../src/data/crypto/record-crypto';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import type { SignalListQuery, SignalWorker } from '../../src/data/repositories/signals';
import {
  createSignal,
  listSignals,
  localDate,
  warmSignalList,
} from '../../src/data/repositories/signals';
import { SIGNAL_CATEGORY_IDS } from '../../src/domain/signals/categories';
import { DEFAULT_TEAMS } from '../../src/domain/signals/handover';
import { SIGNAL_STATUSES } from '../../src/domain/signals/lifecycle';
import { URGENCIES, addDays } from '../../src/domain/signals/signal-schema';
import { summarise } from './stats';

const SIGNALS = 20_000;
const WIJKEN = ['wielwijk', 'crabbehof', 'oud-krispijn', 'nieuw-krispijn', 'sterrenburg'];
const WORKERS = ['demo-vrijwilliger', 'demo-wijkteam', 'demo-wijkteam-2', 'worker-4', 'worker-5'];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
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

/** Synthetic signals: pseudonyms "Bewoner 123", no real names or numbers. */
async function seed(database: DichtbijDb, today: string): Promise<void> {
  const random = rng(42);
  const batch: StoredRecord[] = [];
  for (let i = 0; i < SIGNALS; i++) {
    const category = pick(SIGNAL_CATEGORY_IDS, random());
    const urgency = pick(URGENCIES, random());
    const dueAt = addDays(today, Math.floor(random() * 40) - 20);
    const createdAt = new Date(Date.parse(`${today}T09:00:00Z`) - i * 60_000).toISOString();
    const data = {
      category,
      urgency,
      consent: 'gegeven',
      residentName: `Bewoner ${i} (fictief)`,
      contactWay: 'via-vindplaats',
      contactValue: 'Geldpraatje-plek (fictief)',
      dueAt,
    };
    const record: StoredRecord = {
      id: `sig-${String(i).padStart(6, '0')}`,
      entityType: 'signal',
      version: 0,
      createdAt,
      updatedAt: createdAt,
      createdBy: pick(WORKERS, random()),
      wijk: pick(WIJKEN, random()),
      status: pick(SIGNAL_STATUSES, random()),
      category,
      urgency,
      dueAt,
      data,
    };
    if (random() < 0.3) record.assignedToTeam = 'team-wijkteam-west';
    if (random() < 0.2) record.assignedToUser = pick(WORKERS, random());
    batch.push(await sealRecordUnlocked(record));
    if (batch.length === 1000) {
      await database.signals.bulkPut(batch.splice(0));
    }
  }
  if (batch.length > 0) await database.signals.bulkPut(batch);
}

function queries(): SignalListQuery[] {
  const random = rng(7);
  const out: SignalListQuery[] = [];
  const scopes = ['mine', 'team', 'all'] as const;
  const statusGroups = [
    undefined,
    ['nieuw'],
    ['nieuw', 'opgepakt', 'contact-gelegd', 'doorverwezen'],
    ['afgerond'],
  ] as const;
  for (let i = 0; i < 60; i++) {
    const q: SignalListQuery = { scope: pick(scopes, random()), limit: 50 };
    const statuses = pick(statusGroups, random());
    if (statuses) q.statuses = [...statuses];
    if (random() < 0.4) q.category = pick(SIGNAL_CATEGORY_IDS, random());
    if (random() < 0.4) q.urgency = pick(URGENCIES, random());
    if (random() < 0.4) q.wijk = pick(WIJKEN, random());
    if (random() < 0.3) q.overdue = true;
    if (random() < 0.2) q.offset = 50;
    out.push(q);
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  const database = new DichtbijDb(`bench-signals-${Date.now()}`);
  resetVault();
  await setUpPin('bench-pin-2468', database);
  const now = new Date();
  const today = localDate(now);
  const seedStarted = performance.now();
  await seed(database, today);
  const seedMs = performance.now() - seedStarted;
  const worker: SignalWorker = {
    id: 'demo-wijkteam',
    role: 'wijkteam',
    teamId: 'team-wijkteam-west',
    wijken: ['wielwijk', 'crabbehof'],
  };

  // The first list after opening the database: what a worker waits for on the Signalen page.
  const openStarted = performance.now();
  await listSignals({ scope: 'mine', statuses: ['nieuw', 'opgepakt'] }, worker, { now }, database);
  const openMs = performance.now() - openStarted;
  // The in-memory list index that later filters use (built in the background after opening).
  const warmStarted = performance.now();
  await warmSignalList(database);
  const warmMs = performance.now() - warmStarted;

  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries()) {
      const started = performance.now();
      await listSignals(q, worker, { now }, database);
      samples.push(performance.now() - started);
    }
  }
  const list = summarise(samples);

  const saves: number[] = [];
  const directory = { teams: DEFAULT_TEAMS, organisations: [] };
  for (let i = 0; i < 30; i++) {
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
      { worker, directory, wijken: [], now },
      database,
    );
    saves.push(performance.now() - started);
    if (!result.ok) throw new Error('bench signal was refused');
  }
  const save = summarise(saves);
  database.close();
  await database.delete();
  resetVault();
  return {
    signals_count: SIGNALS,
    signals_seed_ms: Math.round(seedMs),
    signals_list_open_ms: Math.round(openMs * 10) / 10,
    signals_list_index_build_ms: Math.round(warmMs),
    signals_list_filter_median_ms: list.median,
    signals_list_filter_p95_ms: list.p95,
    signals_list_filter_max_ms: list.max,
    signals_save_median_ms: save.median,
    signals_save_p95_ms: save.p95,
  };
}
