import type { DichtbijDb, LocalEvent, StoredRecord } from '../../../src/data/db';
import { eventContext, sealRecordUnlocked } from '../../../src/data/crypto/record-crypto';
import { encryptJson, resetVault, setUpPin } from '../../../src/data/crypto/vault';
import { loadDayList } from '../../../src/data/repositories/outreach';
import { signalIndexFromData } from '../../../src/domain/signals/signal-index';
import { ATTEMPT_KINDS } from '../../../src/domain/signals/outreach-values';
import type { DayListFilter } from '../../../src/domain/vroegsignalen/day-list';
import { filterDayList } from '../../../src/domain/vroegsignalen/day-list';
import {
  CREDITOR_TYPES,
  categoryForCreditor,
} from '../../../src/domain/vroegsignalen/vroegsignaal';
import { summarise } from '../stats';
import { freshDb, PIN, round } from './common';
import { rng } from './signal-fixtures';

/**
 * The wijkteam worker's day list on a full device, in Chromium: 2,000 vroegsignalen assigned to
 * her (plus 2,000 of her team on nobody's list), a third of them with an attempt, all encrypted
 * as in the field. Opening the list (loadDayList: index query, decrypt her rows and their
 * attempt events, walking order) next to a plain Dexie read of the same rows and events without
 * decrypting; filtering (wijk, kind of arrears, not visited: in memory over the opened list)
 * next to a plain Dexie read with the same filter. Interleaved in the same run.
 */
const ASSIGNED = 2_000;
const TEAM_ONLY = 2_000;
const WORKER = 'demo-wijkteam';
const WIJKEN = ['wielwijk', 'crabbehof'] as const;
const STREETS = ['Bedachtweg', 'Fictieflaan', 'Proefstraat', 'Verzonnenstraat', 'Testkade'];

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length)]!;
}

async function seed(database: DichtbijDb, now: Date): Promise<void> {
  const random = rng(17);
  const records: Promise<StoredRecord>[] = [];
  const events: Promise<LocalEvent>[] = [];
  for (let i = 0; i < ASSIGNED + TEAM_ONLY; i++) {
    const creditorType = pick(CREDITOR_TYPES, random());
    const street = pick(STREETS, random());
    const houseNumber = 1 + Math.floor(random() * 300);
    const suffix = random() < 0.2 ? pick(['A', 'B', '2'], random()) : undefined;
    const line = `${street} ${houseNumber}${suffix ?? ''}`;
    const data: Record<string, unknown> = {
      category: categoryForCreditor(creditorType),
      urgency: 'normaal',
      consent: 'wettelijke-taak',
      residentName: line,
      contactWay: 'adres',
      contactValue: line,
      dueAt: '2026-12-31',
      source: 'vroegsignaal',
      creditorType,
      arrearsCents: Math.floor(random() * 200_000),
      monthsInArrears: 1 + Math.floor(random() * 6),
      reportedOn: '2026-11-20',
      street,
      houseNumber,
      postcode: '3317AA',
      city: 'Dordrecht',
      externalRef: `bench-${i}`,
      importId: 'bench-import',
    };
    if (suffix) data.houseNumberSuffix = suffix;
    const id = `vs-${String(i).padStart(5, '0')}`;
    const record: StoredRecord = {
      id,
      entityType: 'signal',
      version: i + 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      createdBy: 'demo-coordinator',
      wijk: pick(WIJKEN, random()),
      status: 'nieuw',
      assignedToTeam: 'team-wijkteam-west',
      ...signalIndexFromData(data),
      data,
    };
    if (i < ASSIGNED) record.assignedToUser = WORKER;
    records.push(sealRecordUnlocked(record));
    if (i < ASSIGNED && i % 3 === 0) {
      const eventId = `ev-${id}`;
      const body = { attempt: pick(ATTEMPT_KINDS, random()), attemptAt: now.toISOString() };
      events.push(
        encryptJson(body, eventContext(eventId)).then((sealed) => ({
          id: eventId,
          entityType: 'signal',
          entityId: id,
          kind: 'attempt',
          createdAt: now.toISOString(),
          createdBy: WORKER,
          version: i + 1,
          body: sealed,
        })),
      );
    }
  }
  await database.signals.bulkPut(await Promise.all(records));
  await database.events.bulkPut(await Promise.all(events));
}

/** The same rows and events as stored: what Dexie costs without decrypting or ordering. */
async function plainOpen(database: DichtbijDb): Promise<number> {
  const rows = await database.signals.where('assignedToUser').equals(WORKER).toArray();
  const events = await database.events
    .where('[entityType+entityId]')
    .anyOf(rows.map((r) => ['signal', r.id]))
    .toArray();
  return rows.length + events.length;
}

const FILTERS: DayListFilter[] = [
  { wijk: 'wielwijk' },
  { creditorType: 'energie' },
  { notVisited: true },
  { wijk: 'crabbehof', creditorType: 'huur' },
  { wijk: 'wielwijk', notVisited: true },
  {},
];

/** The plain read with the same filter on the clear index fields (not visited is left out: it needs the events). */
async function plainFilter(database: DichtbijDb, filter: DayListFilter): Promise<number> {
  const category = filter.creditorType ? categoryForCreditor(filter.creditorType) : undefined;
  const rows = await database.signals
    .where('assignedToUser')
    .equals(WORKER)
    .filter(
      (r) => (!filter.wijk || r.wijk === filter.wijk) && (!category || r.category === category),
    )
    .toArray();
  return rows.length;
}

export async function dayList(): Promise<Record<string, number>> {
  const database = freshDb('day-list');
  resetVault();
  await setUpPin(PIN, database);
  const now = new Date();
  const seedStarted = performance.now();
  await seed(database, now);
  const seedMs = performance.now() - seedStarted;
  database.close();
  await database.open();

  let started = performance.now();
  let list = await loadDayList({ id: WORKER }, database);
  const firstMs = performance.now() - started;
  if (list.length !== ASSIGNED) throw new Error(`day list bench: ${list.length} items`);

  const open: number[] = [];
  const openPlain: number[] = [];
  const openRows: number[] = [];
  for (let i = 0; i < 30; i++) {
    started = performance.now();
    list = await loadDayList({ id: WORKER }, database);
    open.push(performance.now() - started);
    started = performance.now();
    const n = await plainOpen(database);
    openPlain.push(performance.now() - started);
    if (n < ASSIGNED) throw new Error('day list bench: plain read incomplete');
    started = performance.now();
    await database.signals.where('assignedToUser').equals(WORKER).toArray();
    openRows.push(performance.now() - started);
  }

  const filter: number[] = [];
  const filterPlain: number[] = [];
  for (let i = 0; i < 120; i++) {
    const f = FILTERS[i % FILTERS.length]!;
    started = performance.now();
    const shown = filterDayList(list, f);
    filter.push(performance.now() - started);
    started = performance.now();
    await plainFilter(database, f);
    filterPlain.push(performance.now() - started);
    if (shown.length === 0) throw new Error('day list bench: empty filter result');
  }
  database.close();
  await database.delete();
  resetVault();
  const o = summarise(open);
  const op = summarise(openPlain);
  const or = summarise(openRows);
  const f = summarise(filter);
  const fp = summarise(filterPlain);
  return {
    day_list_assigned_signals: ASSIGNED,
    day_list_team_signals_not_listed: TEAM_ONLY,
    day_list_seed_ms: Math.round(seedMs),
    day_list_open_first_ms: round(firstMs),
    day_list_open_median_ms: round(o.median),
    day_list_open_p95_ms: round(o.p95),
    day_list_open_plain_dexie_median_ms: round(op.median),
    day_list_open_plain_dexie_p95_ms: round(op.p95),
    // Her rows alone, without their attempt events: the floor of any list of them.
    day_list_open_plain_rows_only_median_ms: round(or.median),
    day_list_open_plain_rows_only_p95_ms: round(or.p95),
    day_list_filter_median_ms: round(f.median),
    day_list_filter_p95_ms: round(f.p95),
    day_list_filter_plain_dexie_median_ms: round(fp.median),
    day_list_filter_plain_dexie_p95_ms: round(fp.p95),
  };
}
