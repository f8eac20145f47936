/**
 * The signal lists: one page of signals for a query and the start page's overdue count. Filters
 * read clear index fields only (Dexie's indexes on a first query, the in-memory copy after);
 * only the rows on a page are decrypted.
 */
import type { SignalCategoryId } from '../../domain/signals/categories';
import { isSignalCategoryId } from '../../domain/signals/categories';
import type { SignalStatus } from '../../domain/signals/lifecycle';
import { OPEN_STATUSES, isOverdue, isSignalStatus } from '../../domain/signals/lifecycle';
import type { Urgency } from '../../domain/signals/signal-schema';
import { URGENCIES, parseSignalData } from '../../domain/signals/signal-schema';
import { localDate } from '../../domain/calendar';
import { openRecord } from '../crypto/record-crypto';
import type { DichtbijDb, StoredRecord } from '../db';
import { db } from '../db';
import type { IndexRow } from './signal-list-index';
import { buildListIndex, byDueThenNewest, listIndexFor, warmRows } from './signal-list-index';
import type { SignalWorker } from './signals';

export type SignalScope = 'mine' | 'team' | 'all';

export interface SignalListQuery {
  scope: SignalScope;
  /** Statuses to show; `open` and `closed` are the usual groups. Empty or undefined: all. */
  statuses?: readonly SignalStatus[];
  category?: SignalCategoryId;
  urgency?: Urgency;
  wijk?: string;
  overdue?: boolean;
  offset?: number;
  limit?: number;
}

export interface SignalListItem {
  id: string;
  status: SignalStatus;
  category: SignalCategoryId | null;
  urgency: Urgency | null;
  wijk: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  createdBy: string | null;
  assignedToTeam: string | null;
  assignedToUser: string | null;
  /** From the decrypted data; null when the data could not be read. */
  residentName: string | null;
}

type Keys = Set<string>;

function intersect(sets: Keys[]): Keys {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  if (!smallest) return out;
  for (const k of smallest) if (rest.every((s) => s.has(k))) out.add(k);
  return out;
}

async function keysWhere(
  database: DichtbijDb,
  index: string,
  values: readonly string[],
): Promise<Keys> {
  const table = database.signals;
  const lists = await Promise.all(
    values.map((v) => table.where(index).equals(v).primaryKeys() as Promise<string[]>),
  );
  const out = new Set<string>();
  for (const list of lists) for (const k of list) out.add(k);
  return out;
}

/**
 * The candidate ids for a query, by intersecting index key lists. Only keys are read, never
 * records, so a filter over 20,000 signals costs a few index scans and no decryption.
 */
async function candidateKeys(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
  database: DichtbijDb,
): Promise<Keys | 'all'> {
  const sets: Promise<Keys>[] = [];
  if (query.scope === 'mine') {
    sets.push(
      Promise.all([
        keysWhere(database, 'createdBy', [worker.id]),
        keysWhere(database, 'assignedToUser', [worker.id]),
      ]).then(([a, b]) => new Set([...a, ...b])),
    );
  } else if (query.scope === 'team') {
    sets.push(
      Promise.all([
        worker.teamId ? keysWhere(database, 'assignedToTeam', [worker.teamId]) : new Set<string>(),
        keysWhere(database, 'wijk', worker.wijken),
      ]).then(([a, b]) => new Set([...a, ...b])),
    );
  }
  const statuses = query.overdue
    ? (query.statuses?.length ? query.statuses : OPEN_STATUSES).filter((s) =>
        OPEN_STATUSES.includes(s),
      )
    : query.statuses;
  if (statuses && statuses.length > 0) sets.push(keysWhere(database, 'status', statuses));
  if (query.category) sets.push(keysWhere(database, 'category', [query.category]));
  if (query.urgency) sets.push(keysWhere(database, 'urgency', [query.urgency]));
  if (query.wijk) sets.push(keysWhere(database, 'wijk', [query.wijk]));
  if (query.overdue) {
    sets.push(
      database.signals
        .where('dueAt')
        .below(today)
        .primaryKeys()
        .then((keys) => new Set(keys as string[])),
    );
  }
  if (sets.length === 0) return 'all';
  return intersect(await Promise.all(sets));
}

/** Below this many matches the page is sorted from the records themselves; above it, from the dueAt index. */
const SMALL_RESULT = 300;

async function toListItem(stored: StoredRecord, today: string): Promise<SignalListItem> {
  const status = isSignalStatus(stored.status) ? stored.status : 'nieuw';
  let residentName: string | null = null;
  try {
    const data = parseSignalData((await openRecord(stored)).data);
    residentName = data?.residentName ?? null;
  } catch {
    // Locked or unreadable: the list still shows the clear fields.
  }
  return {
    id: stored.id,
    status,
    category: isSignalCategoryId(stored.category) ? stored.category : null,
    urgency: URGENCIES.find((u) => u === stored.urgency) ?? null,
    wijk: stored.wijk ?? null,
    dueAt: stored.dueAt ?? null,
    overdue: isOverdue(status, stored.dueAt, today),
    createdAt: stored.createdAt,
    createdBy: stored.createdBy ?? null,
    assignedToTeam: stored.assignedToTeam ?? null,
    assignedToUser: stored.assignedToUser ?? null,
    residentName,
  };
}

async function pageItems(
  database: DichtbijDb,
  ids: readonly string[],
  today: string,
): Promise<SignalListItem[]> {
  const page = (await database.signals.bulkGet([...ids])).filter(
    (r): r is StoredRecord => r !== undefined && !r.deleted,
  );
  return Promise.all(page.map((r) => toListItem(r, today)));
}

function matcher(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
): (row: IndexRow) => boolean {
  const statuses = query.overdue
    ? (query.statuses?.length ? query.statuses : OPEN_STATUSES).filter((s) =>
        OPEN_STATUSES.includes(s),
      )
    : (query.statuses ?? []);
  const statusSet = new Set<string>(statuses);
  const wijken = new Set(worker.wijken);
  return (row) => {
    if (query.scope === 'mine' && row.createdBy !== worker.id && row.assignedToUser !== worker.id) {
      return false;
    }
    if (
      query.scope === 'team' &&
      !(worker.teamId !== null && row.assignedToTeam === worker.teamId) &&
      !(row.wijk !== undefined && wijken.has(row.wijk))
    ) {
      return false;
    }
    if (statusSet.size > 0 && (row.status === undefined || !statusSet.has(row.status)))
      return false;
    if (query.category && row.category !== query.category) return false;
    if (query.urgency && row.urgency !== query.urgency) return false;
    if (query.wijk && row.wijk !== query.wijk) return false;
    if (query.overdue && (row.dueAt === undefined || row.dueAt >= today)) return false;
    return true;
  };
}

/**
 * One page of signals for a list, soonest due first (no due date last, then newest), with the
 * total count. Filters run on the clear index fields only; only the page is decrypted.
 *
 * The first query after start-up is answered from the Dexie indexes (intersecting key lists,
 * no records read) while the in-memory list index is built; later queries use that index.
 */
export async function listSignals(
  query: SignalListQuery,
  worker: SignalWorker,
  options: { now?: Date } = {},
  database: DichtbijDb = db(),
): Promise<{ total: number; items: SignalListItem[] }> {
  const today = localDate(options.now ?? new Date());
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const rows = await warmRows(database);
  if (rows) {
    const matches = matcher(query, worker, today);
    let total = 0;
    const page: IndexRow[] = [];
    for (const row of rows) {
      if (!matches(row)) continue;
      if (total >= offset && page.length < limit) page.push(row);
      total += 1;
    }
    // Only the rows on the page are decrypted, from the copy in memory (no IndexedDB read).
    return { total, items: await Promise.all(page.map((r) => toListItem(r, today))) };
  }
  const first = await listFromIndexes(query, worker, today, offset, limit, database);
  // Built after the first page is on screen, so it does not slow that page down.
  buildListIndex(database, listIndexFor(database)).catch(() => {
    // A closed database: the next query answers from the indexes again and retries.
  });
  return first;
}

async function listFromIndexes(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
  offset: number,
  limit: number,
  database: DichtbijDb,
): Promise<{ total: number; items: SignalListItem[] }> {
  const candidates = await candidateKeys(query, worker, today, database);
  const table = database.signals;
  if (candidates !== 'all' && candidates.size <= SMALL_RESULT) {
    const records = (await table.bulkGet([...candidates])).filter(
      (r): r is StoredRecord => r !== undefined && !r.deleted,
    );
    records.sort(byDueThenNewest);
    const page = records.slice(offset, offset + limit);
    return {
      total: records.length,
      items: await Promise.all(page.map((r) => toListItem(r, today))),
    };
  }
  // Large result: walk the dueAt index in order and keep the candidates; signals without a due
  // date (not in that index) come after, newest first.
  const ordered = (await table.orderBy('dueAt').primaryKeys()) as string[];
  const all =
    candidates === 'all'
      ? new Set((await table.toCollection().primaryKeys()) as string[])
      : candidates;
  const inOrder = candidates === 'all' ? ordered : ordered.filter((k) => candidates.has(k));
  let rest: string[] = [];
  if (inOrder.length < all.size) {
    const withDue = new Set(inOrder);
    rest = [...all].filter((k) => !withDue.has(k)).sort((a, b) => (a < b ? 1 : -1));
  }
  const pageIds = [...inOrder, ...rest].slice(offset, offset + limit);
  return { total: all.size, items: await pageItems(database, pageIds, today) };
}

/** The number of the worker's open signals past their due date (mine and my team's), for the start page. */
export async function countOverdueSignals(
  worker: SignalWorker,
  options: { now?: Date } = {},
  database: DichtbijDb = db(),
): Promise<number> {
  const today = localDate(options.now ?? new Date());
  const rows = await warmRows(database);
  if (rows) {
    const mine = matcher({ scope: 'mine', overdue: true }, worker, today);
    const team = matcher({ scope: 'team', overdue: true }, worker, today);
    return rows.filter((r) => mine(r) || team(r)).length;
  }
  const [mine, team] = await Promise.all([
    candidateKeys({ scope: 'mine', overdue: true }, worker, today, database),
    candidateKeys({ scope: 'team', overdue: true }, worker, today, database),
  ]);
  const ids = new Set<string>();
  for (const set of [mine, team]) if (set !== 'all') for (const k of set) ids.add(k);
  return ids.size;
}
