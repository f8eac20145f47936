/**
 * The signal list's copy of the clear index fields in memory (see ListIndex), kept apart from the
 * queries that read it (signal-list.ts) because it has its own job: following every committed
 * change to the signals table so a change of filter never reads IndexedDB again.
 */
import type { IntervalTree, ObservabilitySet } from 'dexie';
import { Dexie } from 'dexie';
import type { DichtbijDb, StoredRecord } from '../db';
import { db } from '../db';

/** Order of every list: soonest due first, no due date last, then newest first (ids are ULIDs). */
export function byDueThenNewest(a: IndexRow, b: IndexRow): number {
  const da = a.dueAt ?? '9999-99-99';
  const dbb = b.dueAt ?? '9999-99-99';
  if (da !== dbb) return da < dbb ? -1 : 1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One signal as the in-memory list index keeps it: the stored row itself, clear index fields
 * and the still encrypted data, so a page of a list is decrypted without reading IndexedDB again.
 */
export type IndexRow = StoredRecord;

/**
 * A copy of the signals' clear index fields in memory, sorted in list order, so a change of
 * filter is a scan of small objects instead of several IndexedDB index scans. It follows every
 * committed change to the signals table (this tab and, through Dexie, other tabs): changed keys
 * are re-read on the next query; a clear or range delete drops the copy. Personal data never
 * enters it.
 */
interface ListIndex {
  rows: Map<string, IndexRow> | null;
  sorted: IndexRow[] | null;
  dirty: Set<string>;
  invalidated: boolean;
  building: Promise<void> | null;
}

const listIndexes = new WeakMap<DichtbijDb, ListIndex>();

/** Adds the single keys of a mutated-keys tree to `into`; false when it holds a range (rebuild). */
function collectKeys(tree: IntervalTree, into: Set<string>): boolean {
  const stack: IntervalTree[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('from' in node)) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return false;
    into.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}

export function listIndexFor(database: DichtbijDb): ListIndex {
  const existing = listIndexes.get(database);
  if (existing) return existing;
  const index: ListIndex = {
    rows: null,
    sorted: null,
    dirty: new Set(),
    invalidated: false,
    building: null,
  };
  const prefix = `idb://${database.name}/signals/`;
  const listener = (parts: ObservabilitySet) => {
    const keys = parts[prefix];
    if (!keys) return;
    if (!collectKeys(keys, index.dirty)) {
      index.invalidated = true;
      index.rows = null;
      index.sorted = null;
    }
  };
  Dexie.on.storagemutated.subscribe(listener);
  database.on('close', () => Dexie.on.storagemutated.unsubscribe(listener));
  listIndexes.set(database, index);
  return index;
}

export function buildListIndex(database: DichtbijDb, index: ListIndex): Promise<void> {
  index.building ??= (async () => {
    index.invalidated = false;
    index.dirty.clear();
    const rows = new Map<string, IndexRow>();
    for (const r of await database.signals.toArray()) if (!r.deleted) rows.set(r.id, r);
    // A clear or range delete during the read makes this copy unreliable: read again next time.
    if (!index.invalidated) {
      index.rows = rows;
      index.sorted = [...rows.values()].sort(byDueThenNewest);
    }
  })().finally(() => {
    index.building = null;
  });
  return index.building;
}

/** Builds the in-memory list index now (e.g. while the start page shows), so the first filter is fast too. */
export async function warmSignalList(database: DichtbijDb = db()): Promise<void> {
  const index = listIndexFor(database);
  if (index.rows === null) await buildListIndex(database, index);
}

/** The sorted rows when the in-memory index is ready; undefined while it is still being built. */
export async function warmRows(database: DichtbijDb): Promise<IndexRow[] | undefined> {
  const index = listIndexFor(database);
  if (index.rows === null) return undefined;
  if (index.dirty.size > 0) {
    const ids = [...index.dirty];
    index.dirty.clear();
    const records = await database.signals.bulkGet(ids);
    const rows = index.rows;
    if (rows === null) return undefined;
    ids.forEach((id, i) => {
      const r = records[i];
      if (r && !r.deleted) rows.set(id, r);
      else rows.delete(id);
    });
    index.sorted = null;
  }
  index.sorted ??= [...index.rows.values()].sort(byDueThenNewest);
  return index.sorted;
}
