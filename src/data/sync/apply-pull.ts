import type { EntityType } from '../../domain/records/record-schema';
import type { Change, EvictChange, PullResponse } from '../../domain/sync/protocol';
import type { DichtbijDb, LocalEvent, OutboxEntry, StoredRecord } from '../db';
import { sealEvent, sealRecord } from '../crypto/record-crypto';
import { tableFor } from '../repositories/records';
import { META_CURSOR } from './session-store';
import {
  fromChange,
  fromEventChange,
  groupPending,
  localView,
  MAX_PREPARE_ATTEMPTS,
  openPending,
  recordKey,
  recordTables,
  seqsOf,
  withDerivedIndex,
} from './local-view';

/** A pulled page made ready for its transaction: everything sealed, nothing written yet. */
export interface PreparedPullPage {
  page: PullResponse;
  /** The outbox as it was while preparing: a local write since then means preparing again. */
  before: Map<string, OutboxEntry[]>;
  recordKeys: Set<string>;
  sealed: Map<EntityType, StoredRecord[]>;
  deletes: Map<EntityType, string[]>;
  events: LocalEvent[];
  evictions: EvictChange[];
}

/**
 * Seals (encrypts) a page's records and events outside any transaction, because WebCrypto is
 * async and would end an IndexedDB transaction early. It writes nothing, so it may run while
 * the previous page's transaction is still busy (see pullChanges).
 *
 * `outbox` is a snapshot of the outbox to prepare against; without it the outbox is read now.
 * Any snapshot is safe, however old: the commit compares it with the outbox inside its own
 * transaction and prepares again when one of the page's records has a write since. pullChanges
 * passes the previous page's, because reading the outbox here would wait for the previous
 * page's transaction (it holds the outbox) and the sealing would no longer overlap it.
 */
export async function preparePullPage(
  database: DichtbijDb,
  page: PullResponse,
  outbox?: Map<string, OutboxEntry[]>,
): Promise<PreparedPullPage> {
  const before = outbox ?? groupPending(await database.outbox.toArray());
  const recordKeys = new Set<string>();
  for (const c of page.changes)
    if (c.kind !== 'event') recordKeys.add(recordKey(c.entityType, c.id));
  const opened = await openPending(before, recordKeys, database);
  const puts = new Map<EntityType, Promise<StoredRecord>[]>();
  const deletes = new Map<EntityType, string[]>();
  const eventPromises: Promise<LocalEvent>[] = [];
  const evictions: EvictChange[] = [];
  for (const change of page.changes as readonly Change[]) {
    if (change.kind === 'event') {
      eventPromises.push(sealEvent(fromEventChange(change), database));
      continue;
    }
    const mine = opened.get(recordKey(change.entityType, change.id));
    if (change.kind === 'evict') {
      // Out of this worker's scope now. Unsynced writes keep the copy: the server refuses
      // them on the next push, the refusal (with the write) is kept in `rejected` and only
      // then is the copy dropped (see applyPushResults), so nothing typed here is lost.
      if (!mine) evictions.push(change);
      continue;
    }
    if (!mine && change.deleted) {
      const list = deletes.get(change.entityType) ?? [];
      list.push(change.id);
      deletes.set(change.entityType, list);
      continue;
    }
    const list = puts.get(change.entityType) ?? [];
    list.push(
      sealRecord(withDerivedIndex(mine ? localView(change, mine) : fromChange(change)), database),
    );
    puts.set(change.entityType, list);
  }
  const sealed = new Map<EntityType, StoredRecord[]>();
  for (const [entityType, list] of puts) sealed.set(entityType, await Promise.all(list));
  const events = await Promise.all(eventPromises);
  return { page, before, recordKeys, sealed, deletes, events, evictions };
}

/**
 * Writes a prepared page and its cursor in one transaction: an interrupted sync either has the
 * whole page or none of it, and then asks for the same page again. False when the worker wrote
 * to one of the page's records since it was prepared (prepare again).
 */
export async function commitPullPage(
  database: DichtbijDb,
  prepared: PreparedPullPage,
): Promise<boolean> {
  const { page, before, recordKeys, sealed, deletes, events, evictions } = prepared;
  return database.transaction(
    'rw',
    [...recordTables(database), database.events, database.outbox, database.meta],
    async () => {
      const pending = groupPending(await database.outbox.toArray());
      for (const k of recordKeys) if (seqsOf(pending, k) !== seqsOf(before, k)) return false;
      if (page.reset) {
        // Keep only what still has to be sent; the snapshot that follows brings the rest back.
        for (const [entityType, table] of [
          ['check', database.checks],
          ['signal', database.signals],
          ['toekomst', database.toekomst],
        ] as const) {
          const stale = (await table.toCollection().primaryKeys()).filter(
            (id) => !pending.has(recordKey(entityType, id)),
          );
          await table.bulkDelete(stale);
        }
        await database.events.where('version').above(0).delete();
      }
      for (const [entityType, rows] of sealed) await tableFor(database, entityType).bulkPut(rows);
      if (events.length > 0) await database.events.bulkPut(events);
      for (const [entityType, ids] of deletes) {
        await tableFor(database, entityType).bulkDelete(ids);
        // A tombstone (a delete, or a vroegsignaal erased by retention) takes the record's
        // history with it, also events that came in this same page: nothing stays behind.
        await database.events
          .where('[entityType+entityId]')
          .anyOf(ids.map((id) => [entityType, id]))
          .delete();
      }
      for (const e of evictions) {
        await tableFor(database, e.entityType).delete(e.id);
        await database.events.where('[entityType+entityId]').equals([e.entityType, e.id]).delete();
      }
      await database.meta.put({
        key: META_CURSOR,
        value: { cursor: page.cursor, scopeVersion: page.scopeVersion },
      });
      return true;
    },
  );
}

/** Commits a prepared page, preparing it again while the worker keeps writing to its records. */
export async function commitWithRetry(
  database: DichtbijDb,
  prepared: PreparedPullPage,
): Promise<void> {
  let current = prepared;
  for (let attempt = 1; attempt <= MAX_PREPARE_ATTEMPTS; attempt += 1) {
    if (await commitPullPage(database, current)) return;
    if (attempt < MAX_PREPARE_ATTEMPTS) current = await preparePullPage(database, current.page);
  }
  throw new Error('Local writes kept changing the records being synced; sync again.');
}

/** Applies one pulled page: prepare, then commit in one transaction (see above). */
export async function applyPullPage(database: DichtbijDb, page: PullResponse): Promise<void> {
  await commitWithRetry(database, await preparePullPage(database, page));
}
