import type { Insertable, Selectable } from 'kysely';
import {
  addParts,
  checkParts,
  countsForSignal,
  foldSignalEvent,
  NO_EVENTS,
  placed,
  ROLLUP_METRICS,
  signalParts,
  type EventInput,
  type Placed,
  type RecordInput,
  type RollupCount,
  type RollupMetric,
  type RollupPart,
  type SignalEventState,
  tallyParts,
} from '../../domain/insight/rollup';
import { UNKNOWN_TALLY_WIJK, type QuickCheckTally } from '../../domain/spreekuur/tally';
import type { EventsTable, InsightFactsTable, InsightRollupTable, RecordsTable } from './database';
import type { Db, Executor } from './rows';
import { recordKey } from './rows';

/**
 * The coordinator's counts, maintained with the records (see domain/insight/rollup.ts).
 *
 * `insight_facts` holds per signal and check where it is counted and with which parts (and a
 * signal's first contact and last word on help), nothing else; `insight_rollup` holds the counts
 * per month × wijk × team × part. A push calls `updateInsightRollup` once, in its own
 * transaction, with the records it wrote and the events it added: each touched record takes its
 * old parts off and its new ones on. `rebuildInsightRollup` computes everything from scratch
 * (after the migration that adds the tables, and in tests as the brute force to compare with).
 */

const CHUNK = 400;
/** The record columns the counts are made of. */
const COUNTED_COLUMNS = [
  'entity_type',
  'id',
  'owner_id',
  'wijk',
  'status',
  'team_id',
  'assigned_team',
  'created_at',
  'deleted',
  'data',
] as const;
const COUNTED = new Set(['signal', 'check']);
const METRICS = new Set<string>(ROLLUP_METRICS);

/** A record as written (the scope columns may be left out of an insert: null). */
type RecordRow = RecordInput & Pick<Selectable<RecordsTable>, 'entity_type' | 'id' | 'owner_id'>;
type EventRow = Pick<
  Insertable<EventsTable>,
  'entity_type' | 'entity_id' | 'kind' | 'status' | 'body' | 'created_at' | 'version'
>;

interface Fact {
  placed: Placed | null;
  events: SignalEventState;
  /** A check's author's role when it was first counted; kept so an edit counts it the same. */
  role: string | null;
  /** Erased by retention: the record is gone, its parts stay counted as they were. */
  erased: boolean;
}

function toEvent(e: EventRow): EventInput {
  return {
    kind: e.kind,
    status: e.status ?? null,
    body: e.body ?? null,
    created_at: e.created_at,
    version: Number(e.version),
  };
}

function factOf(row: Selectable<InsightFactsTable>): Fact {
  let parts: RollupPart[];
  try {
    parts = (JSON.parse(row.parts) as [string, string][])
      .filter(([m]) => METRICS.has(m))
      .map(([metric, key]) => ({ metric: metric as RollupMetric, key }));
  } catch {
    parts = [];
  }
  return {
    placed: row.month === null ? null : { month: row.month, wijk: row.wijk, team: row.team, parts },
    events: {
      firstContact: row.first_contact,
      help: row.help === 'aanvaard' || row.help === 'geweigerd' ? row.help : null,
      helpAt: row.help_at,
      helpVersion: row.help_version === null ? null : Number(row.help_version),
    },
    role: row.role,
    erased: Number(row.erased ?? 0) === 1,
  };
}

function factRow(type: string, id: string, f: Fact): Insertable<InsightFactsTable> {
  return {
    entity_type: type,
    id,
    month: f.placed?.month ?? null,
    wijk: f.placed?.wijk ?? '',
    team: f.placed?.team ?? '',
    parts: JSON.stringify((f.placed?.parts ?? []).map((p) => [p.metric, p.key])),
    first_contact: f.events.firstContact,
    help: f.events.help,
    help_at: f.events.helpAt,
    help_version: f.events.helpVersion,
    role: f.role,
  };
}

function place(row: RecordRow, events: SignalEventState, role: string | null): Placed | null {
  if (row.entity_type === 'signal') return placed(row, signalParts(row, events));
  return placed(row, checkParts(row, role ?? ''));
}

async function rolesOf(db: Executor, owners: readonly string[]): Promise<Map<string, string>> {
  const roles = new Map<string, string>();
  const unique = [...new Set(owners)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) roles.set(r.id, r.role);
  }
  return roles;
}

/** A delta of counts (keyed as `addParts` keys them) as rollup rows, in key order, zeros left out. */
export function rollupRows(delta: ReadonlyMap<string, number>): Insertable<InsightRollupTable>[] {
  // In key order, so two pushes touching the same counts lock them in the same order.
  return [...delta.entries()]
    .filter(([, n]) => n !== 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, n]) => {
      const [month, wijk, team, metric, key] = JSON.parse(k) as string[];
      return {
        month: month ?? '',
        wijk: wijk ?? '',
        team: team ?? '',
        metric: metric ?? '',
        key: key ?? '',
        n,
      };
    });
}

/** Adds a delta of counts (keyed as `addParts` keys them) to the rollup. */
export async function applyRollupDelta(
  db: Executor,
  delta: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = rollupRows(delta);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('insight_rollup')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['month', 'wijk', 'team', 'metric', 'key'])
          .doUpdateSet((eb) => ({ n: eb('insight_rollup.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

async function saveFacts(db: Executor, rows: readonly Insertable<InsightFactsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('insight_facts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['entity_type', 'id']).doUpdateSet((eb) => ({
          month: eb.ref('excluded.month'),
          wijk: eb.ref('excluded.wijk'),
          team: eb.ref('excluded.team'),
          parts: eb.ref('excluded.parts'),
          first_contact: eb.ref('excluded.first_contact'),
          help: eb.ref('excluded.help'),
          help_at: eb.ref('excluded.help_at'),
          help_version: eb.ref('excluded.help_version'),
          role: eb.ref('excluded.role'),
        })),
      )
      .execute();
  }
}

/** What a write moves in the coordinator's counts: the facts to save and the count delta. */
export interface RollupWrites {
  facts: Insertable<InsightFactsTable>[];
  delta: Map<string, number>;
}

/**
 * Moves the counts of the signals and checks a write touched, in that write's transaction.
 * `records` are the rows it wrote (as written), `events` the events it added, with real versions.
 */
export async function updateInsightRollup(
  trx: Executor,
  records: readonly RecordRow[],
  events: readonly EventRow[],
): Promise<void> {
  await writeRollup(trx, await planInsightRollup(trx, records, events));
}

/** Saves the facts and adds the delta (a push on PostgreSQL does this in its write statement). */
export async function writeRollup(trx: Executor, writes: RollupWrites): Promise<void> {
  await saveFacts(trx, writes.facts);
  await applyRollupDelta(trx, writes.delta);
}

/** Reads what the counts were for these records and works out how they move; writes nothing. */
export async function planInsightRollup(
  trx: Executor,
  records: readonly RecordRow[],
  events: readonly EventRow[],
): Promise<RollupWrites> {
  const rows = new Map<string, RecordRow>();
  for (const r of records)
    if (COUNTED.has(r.entity_type)) rows.set(recordKey(r.entity_type, r.id), r);
  const newEvents = new Map<string, EventInput[]>();
  for (const e of events) {
    if (e.entity_type !== 'signal' || !countsForSignal({ kind: e.kind, status: e.status ?? null }))
      continue;
    const key = recordKey('signal', e.entity_id);
    newEvents.set(key, [...(newEvents.get(key) ?? []), toEvent(e)]);
  }
  // A help event changes no record column, so its signal may not be among the written rows.
  const missing = [...newEvents.keys()].filter((k) => !rows.has(k));
  const signalIds = (keys: readonly string[]) =>
    events.filter((e) => keys.includes(recordKey('signal', e.entity_id))).map((e) => e.entity_id);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const found = await trx
      .selectFrom('records')
      .select(COUNTED_COLUMNS)
      .where('entity_type', '=', 'signal')
      .where('id', 'in', signalIds(missing.slice(i, i + CHUNK)))
      .execute();
    for (const r of found) rows.set(recordKey(r.entity_type, r.id), r);
  }
  if (rows.size === 0) return { facts: [], delta: new Map() };

  const all = [...rows.values()];
  const facts = new Map<string, Fact>();
  for (const type of ['signal', 'check']) {
    const ids = all.filter((r) => r.entity_type === type).map((r) => r.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await trx
        .selectFrom('insight_facts')
        .selectAll()
        .where('entity_type', '=', type)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const f of found) facts.set(recordKey(f.entity_type, f.id), factOf(f));
    }
  }
  const needRoles = all.filter(
    (r) =>
      r.entity_type === 'check' && (facts.get(recordKey('check', r.id))?.role ?? null) === null,
  );
  const roles = await rolesOf(
    trx,
    needRoles.map((r) => r.owner_id),
  );

  const delta = new Map<string, number>();
  const saved: Insertable<InsightFactsTable>[] = [];
  for (const [key, row] of rows) {
    const old = facts.get(key);
    // The server refuses every write to an erased record; should one get here, its counts stay.
    if (old?.erased) continue;
    let state = old?.events ?? NO_EVENTS;
    const added = (newEvents.get(key) ?? []).sort((a, b) => a.version - b.version);
    for (const e of added) state = foldSignalEvent(state, e);
    const role = row.entity_type === 'check' ? (old?.role ?? roles.get(row.owner_id) ?? '') : null;
    const next: Fact = { placed: place(row, state, role), events: state, role, erased: false };
    addParts(delta, old?.placed ?? null, -1);
    addParts(delta, next.placed, 1);
    saved.push(factRow(row.entity_type, row.id, next));
  }
  return { facts: saved, delta };
}

/**
 * Recomputes every fact and count from the records and their events: for the migration that
 * adds the rollup to a store with data, and as the brute force the tests compare the maintained
 * counts with. Reads signals and checks in pages of ids; only status and help events of signals.
 */
export async function rebuildInsightRollup(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('insight_rollup').execute();
    // Erased vroegsignalen have no record to count from any more: their kept facts count.
    await trx.deleteFrom('insight_facts').where('erased', '=', 0).execute();
    const delta = new Map<string, number>();
    const erased = new Set<string>();
    for (const row of await trx.selectFrom('insight_facts').selectAll().execute()) {
      erased.add(recordKey(row.entity_type, row.id));
      addParts(delta, factOf(row).placed, 1);
    }
    const roles = new Map(
      (await trx.selectFrom('users').select(['id', 'role']).execute()).map((u) => [u.id, u.role]),
    );
    for (const type of ['signal', 'check'] as const) {
      let after = '';
      for (;;) {
        const page = await trx
          .selectFrom('records')
          .select(COUNTED_COLUMNS)
          .where('entity_type', '=', type)
          .where('id', '>', after)
          .orderBy('id')
          .limit(5_000)
          .execute();
        if (page.length === 0) break;
        after = page[page.length - 1]?.id ?? after;
        const states = new Map<string, SignalEventState>();
        if (type === 'signal') {
          const events = await trx
            .selectFrom('events')
            .select(['entity_id', 'kind', 'status', 'body', 'created_at', 'version'])
            .where('entity_type', '=', 'signal')
            .where('entity_id', '>=', page[0]?.id ?? '')
            .where('entity_id', '<=', after)
            .where((eb) =>
              eb.or([
                eb('kind', '=', 'help'),
                eb.and([eb('kind', '=', 'status'), eb('status', '=', 'contact-gelegd')]),
              ]),
            )
            .execute();
          events.sort((a, b) => Number(a.version) - Number(b.version));
          for (const e of events) {
            states.set(
              e.entity_id,
              foldSignalEvent(
                states.get(e.entity_id) ?? NO_EVENTS,
                toEvent({ ...e, entity_type: 'signal' }),
              ),
            );
          }
        }
        const saved: Insertable<InsightFactsTable>[] = [];
        for (const row of page) {
          if (erased.has(recordKey(type, row.id))) continue;
          const state = states.get(row.id) ?? NO_EVENTS;
          const role = type === 'check' ? (roles.get(row.owner_id) ?? '') : null;
          const fact: Fact = {
            placed: place(row, state, role),
            events: state,
            role,
            erased: false,
          };
          addParts(delta, fact.placed, 1);
          saved.push(factRow(type, row.id, fact));
        }
        await saveFacts(trx, saved);
      }
    }
    // Anonymous quick checks have no record: their tallies are counted from their own table.
    await addAllTallies(trx, delta);
    await applyRollupDelta(trx, delta);
  });
}

/** The counts of one month, all wijken and teams. */
export async function insightCounts(db: Db, month: string): Promise<RollupCount[]> {
  const rows = await db
    .selectFrom('insight_rollup')
    .select(['wijk', 'team', 'metric', 'key', 'n'])
    .where('month', '=', month)
    .where('n', '>', 0)
    .execute();
  return rows
    .filter((r) => METRICS.has(r.metric))
    .map((r) => ({
      wijk: r.wijk,
      team: r.team,
      metric: r.metric as RollupMetric,
      key: r.key,
      n: Number(r.n),
    }));
}

/** Where a tally counts: the month of its day, its wijk ('' when unknown), the sender's team. */
export function placedTally(row: {
  day: string;
  wijk: string;
  team: string;
  body: string;
}): Placed | null {
  let tally: Pick<QuickCheckTally, 'suggested' | 'applied' | 'summaryLanguage'>;
  try {
    tally = JSON.parse(row.body) as QuickCheckTally;
  } catch {
    return null;
  }
  return {
    month: row.day.slice(0, 7),
    wijk: row.wijk === UNKNOWN_TALLY_WIJK ? '' : row.wijk,
    team: row.team,
    parts: tallyParts(tally),
  };
}

/** Adds every stored tally to `delta` (the rollup's rebuild). */
export async function addAllTallies(db: Executor, delta: Map<string, number>): Promise<void> {
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('quick_check_tallies')
      .select(['id', 'day', 'wijk', 'team', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(5_000)
      .execute();
    if (page.length === 0) return;
    after = page[page.length - 1]?.id ?? after;
    for (const row of page) addParts(delta, placedTally(row), 1);
  }
}
