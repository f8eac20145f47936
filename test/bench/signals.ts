import 'fake-indexeddb/auto';
import { DichtbijDb } from '../../src/data/db';
import type { StoredRecord } from '../../src/data/db';
import { sealRecordUnlocked } from '../../src/data/crypto/record-crypto';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import type { SignalWorker } from '../../src/data/repositories/signals';
import { createSignal } from '../../src/data/repositories/signals';
import { listSignals } from '../../src/data/repositories/signal-list';
import { warmSignalList } from '../../src/data/repositories/signal-list-index';
import { DEFAULT_TEAMS } from '../../src/domain/signals/handover';
import { addDays } from '../../src/domain/signals/signal-schema';
import { listQueries, rng, syntheticSignal } from './device/signal-fixtures';
import { summarise } from './stats';
import { localDate } from '../../src/domain/calendar';

const SIGNALS = 20_000;
/** The device bench's synthetic signals (pseudonyms, no real names or numbers), sealed. */
async function seed(database: DichtbijDb, today: string): Promise<void> {
  const random = rng(42);
  const batch: StoredRecord[] = [];
  for (let i = 0; i < SIGNALS; i++) {
    const record = syntheticSignal(i, today, random);
    batch.push(await sealRecordUnlocked(record));
    if (batch.length === 1000) {
      await database.signals.bulkPut(batch.splice(0));
    }
  }
  if (batch.length > 0) await database.signals.bulkPut(batch);
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
    for (const q of listQueries()) {
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
