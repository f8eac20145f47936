import type { EntityType } from '../../domain/records/record-schema';
import type {
  Change,
  EventChange,
  EvictChange,
  Mutation,
  PullResponse,
  PushResponse,
  RecordChange,
} from '../../domain/sync/protocol';
import { mutationSchema, parseMutationPayload } from '../../domain/sync/protocol';
import type { Conflict } from '../../domain/sync/protocol';
import type {
  DichtbijDb,
  LocalEvent,
  OutboxEntry,
  RejectedEntry,
  StoredConflict,
  StoredRecord,
} from '../db';
import type { PlainRecord } from '../crypto/record-crypto';
import { openOutboxEntry, openRecord, sealEvent, sealRecord } from '../crypto/record-crypto';
import { tableFor } from '../repositories/records';
import { derivedIndexFields } from '../../domain/records/derived-index';
import { META_CURSOR } from './session-store';

export interface CursorState {
  cursor: number | null;
  scopeVersion: number | null;
}

export async function readCursor(database: DichtbijDb): Promise<CursorState> {
  const row = await database.meta.get(META_CURSOR);
  const value = row?.value as Partial<CursorState> | undefined;
  return { cursor: value?.cursor ?? null, scopeVersion: value?.scopeVersion ?? null };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Record data travels as a JSON object; anything else is wrapped so nothing is dropped. */
function asData(payload: unknown): Record<string, unknown> {
  const json: unknown = payload === undefined ? {} : JSON.parse(JSON.stringify(payload));
  return isPlainObject(json) ? json : { value: json };
}

function definedMeta(entry: OutboxEntry): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(entry.meta ?? {})) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function wirePayload(entry: OutboxEntry): unknown {
  switch (entry.op) {
    case 'put': {
      const payload: Record<string, unknown> = {
        ...definedMeta(entry),
        data: asData(entry.payload),
      };
      if (entry.changedFields) payload.changed = entry.changedFields;
      return payload;
    }
    case 'patch':
      return { ...definedMeta(entry), data: asData(entry.payload) };
    case 'delete':
      return {};
    case 'event':
      return entry.payload === undefined ? {} : JSON.parse(JSON.stringify(entry.payload));
  }
}

/** Builds the wire form of an outbox entry; entries that could never be valid are reported instead. */
export function toWireMutation(
  entry: OutboxEntry,
): { ok: true; mutation: Mutation } | { ok: false; message: string } {
  const candidate = {
    mutationId: entry.mutationId,
    seq: entry.seq,
    entityType: entry.entityType,
    entityId: entry.entityId,
    op: entry.op,
    baseVersion: entry.baseVersion,
    schemaVersion: entry.schemaVersion,
    createdAt: entry.createdAt,
    payload: wirePayload(entry),
  };
  const parsed = mutationSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: parsed.error.message };
  const payload = parseMutationPayload(parsed.data);
  if (!payload.ok) return { ok: false, message: payload.message };
  return { ok: true, mutation: parsed.data };
}

function fromChange(change: RecordChange): PlainRecord {
  const record: PlainRecord = {
    id: change.id,
    entityType: change.entityType,
    version: change.version,
    createdAt: change.createdAt,
    updatedAt: change.updatedAt,
    createdBy: change.ownerId,
    data: change.data,
  };
  if (change.wijk !== null) record.wijk = change.wijk;
  if (change.status !== null) record.status = change.status;
  if (change.assignedToUser !== null) record.assignedToUser = change.assignedToUser;
  if (change.assignedToTeam !== null) record.assignedToTeam = change.assignedToTeam;
  if (change.deleted) record.deleted = true;
  return record;
}

function applyMeta(record: PlainRecord, entry: OutboxEntry): void {
  for (const [key, value] of Object.entries(entry.meta ?? {})) {
    if (value === undefined) continue;
    const k = key as 'wijk' | 'status' | 'assignedToUser' | 'assignedToTeam';
    if (value === null) Reflect.deleteProperty(record, k);
    else record[k] = value;
  }
}

/**
 * The record as this device should show it: the server's state with the device's own
 * unsynced changes replayed on top, so a pull never hides a write that is still on its way.
 */
export function localView(server: RecordChange, pending: readonly OutboxEntry[]): PlainRecord {
  const record = fromChange(server);
  for (const entry of pending) {
    const data = isPlainObject(record.data) ? { ...record.data } : {};
    switch (entry.op) {
      case 'put': {
        const next = asData(entry.payload);
        if (entry.changedFields) {
          for (const key of entry.changedFields) {
            if (next[key] === undefined || next[key] === null) Reflect.deleteProperty(data, key);
            else data[key] = next[key];
          }
          record.data = data;
        } else {
          record.data = next;
        }
        delete record.deleted;
        applyMeta(record, entry);
        break;
      }
      case 'patch':
        for (const [key, value] of Object.entries(asData(entry.payload))) {
          if (value === null) Reflect.deleteProperty(data, key);
          else data[key] = value;
        }
        record.data = data;
        applyMeta(record, entry);
        break;
      case 'delete':
        record.deleted = true;
        break;
      case 'event': {
        const p = entry.payload as { kind?: unknown; status?: unknown } | undefined;
        if (p?.kind === 'status' && typeof p.status === 'string') record.status = p.status;
        break;
      }
    }
  }
  return record;
}

/** Pulled records carry the list fields their data implies, like records written here. */
function withDerivedIndex(record: PlainRecord): PlainRecord {
  return Object.assign(record, derivedIndexFields(record.entityType, record.data));
}

function fromEventChange(change: EventChange): LocalEvent {
  const event: LocalEvent = {
    id: change.id,
    entityType: change.entityType,
    entityId: change.entityId,
    kind: change.eventKind,
    createdAt: change.createdAt,
    createdBy: change.createdBy,
    version: change.version,
  };
  if (change.status !== null) event.status = change.status;
  if (change.body !== null) event.body = change.body;
  return event;
}

function key(entityType: EntityType, id: string): string {
  return `${entityType}\u0000${id}`;
}

function groupPending(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const k = key(entry.entityType, entry.entityId);
    const list = byRecord.get(k);
    if (list) list.push(entry);
    else byRecord.set(k, [entry]);
  }
  for (const list of byRecord.values()) list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return byRecord;
}

function recordTables(database: DichtbijDb) {
  return [database.checks, database.signals, database.toekomst];
}

/** Seqs of the outbox entries per record, to notice a local write made while we prepared. */
function seqsOf(pending: Map<string, OutboxEntry[]>, k: string): string {
  return (pending.get(k) ?? []).map((e) => e.seq).join(',');
}

/** Opens (decrypts) the pending entries of the given records, outside any transaction. */
async function openPending(
  pending: Map<string, OutboxEntry[]>,
  keys: Iterable<string>,
): Promise<Map<string, OutboxEntry[]>> {
  const opened = new Map<string, OutboxEntry[]>();
  for (const k of keys) {
    const list = pending.get(k);
    if (list) opened.set(k, await Promise.all(list.map((e) => openOutboxEntry(e))));
  }
  return opened;
}

/** How often a page is prepared again when the worker wrote to one of its records meanwhile. */
const MAX_ATTEMPTS = 3;

/**
 * Applies one pulled page and its cursor in one transaction: an interrupted sync either has
 * the whole page or none of it, and then asks for the same page again. Records are sealed
 * (encrypted) before the transaction, because WebCrypto is async and would end it early.
 */
export async function applyPullPage(database: DichtbijDb, page: PullResponse): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const before = groupPending(await database.outbox.toArray());
    const recordKeys = new Set<string>();
    for (const c of page.changes) if (c.kind !== 'event') recordKeys.add(key(c.entityType, c.id));
    const opened = await openPending(before, recordKeys);
    const puts = new Map<EntityType, Promise<StoredRecord>[]>();
    const deletes = new Map<EntityType, string[]>();
    const eventPromises: Promise<LocalEvent>[] = [];
    const evictions: EvictChange[] = [];
    for (const change of page.changes as readonly Change[]) {
      if (change.kind === 'event') {
        eventPromises.push(sealEvent(fromEventChange(change)));
        continue;
      }
      const mine = opened.get(key(change.entityType, change.id));
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
      list.push(sealRecord(withDerivedIndex(mine ? localView(change, mine) : fromChange(change))));
      puts.set(change.entityType, list);
    }
    const sealed = new Map<EntityType, StoredRecord[]>();
    for (const [entityType, list] of puts) sealed.set(entityType, await Promise.all(list));
    const events = await Promise.all(eventPromises);

    const done = await database.transaction(
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
              (id) => !pending.has(key(entityType, id)),
            );
            await table.bulkDelete(stale);
          }
          await database.events.where('version').above(0).delete();
        }
        for (const [entityType, rows] of sealed) await tableFor(database, entityType).bulkPut(rows);
        for (const [entityType, ids] of deletes)
          await tableFor(database, entityType).bulkDelete(ids);
        if (events.length > 0) await database.events.bulkPut(events);
        for (const e of evictions) {
          await tableFor(database, e.entityType).delete(e.id);
          await database.events
            .where('[entityType+entityId]')
            .equals([e.entityType, e.id])
            .delete();
        }
        await database.meta.put({
          key: META_CURSOR,
          value: { cursor: page.cursor, scopeVersion: page.scopeVersion },
        });
        return true;
      },
    );
    if (done) return;
  }
  throw new Error('Local writes kept changing the records being synced; sync again.');
}

/** Seals a conflict's two values like record data; the rest stays clear for lists. */
async function sealConflict(c: Conflict): Promise<StoredConflict> {
  const { serverValue, clientValue, ...rest } = c;
  const carrier = await sealRecord({
    id: c.id,
    entityType: c.entityType,
    version: 0,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
    data: { serverValue, clientValue },
  });
  return { ...rest, values: carrier.data };
}

/** A stored conflict with both values readable, for the screen where a person resolves it. */
export async function openConflict(stored: StoredConflict): Promise<Conflict> {
  const { values, ...rest } = stored;
  const opened = await openRecord({
    id: stored.id,
    entityType: stored.entityType,
    version: 0,
    createdAt: stored.createdAt,
    updatedAt: stored.createdAt,
    data: values,
  });
  const data = opened.data as {
    serverValue: Conflict['serverValue'];
    clientValue: Conflict['clientValue'];
  };
  return { ...rest, serverValue: data.serverValue, clientValue: data.clientValue };
}

export interface PushTally {
  applied: number;
  conflicts: number;
  rejected: number;
}

/**
 * Applies the server's answers in one transaction: applied and duplicate entries leave the
 * outbox, refused ones move to `rejected` and lost fields to `conflicts`, both kept for a person.
 * Records whose change did not go through as sent are reset to the server's state (with any
 * newer local changes replayed on top).
 */
export async function applyPushResults(
  database: DichtbijDb,
  sent: readonly OutboxEntry[],
  response: PushResponse,
  now = new Date().toISOString(),
): Promise<PushTally> {
  const byId = new Map(sent.map((e) => [e.mutationId, e]));
  for (let attempt = 1; attempt <= MAX_ATTEMPTS + 1; attempt += 1) {
    // Prepared outside the transaction: sealing is async (see applyPullPage).
    const answered = new Set(
      response.results.map((r) => r.mutationId).filter((id) => byId.has(id)),
    );
    const before = groupPending(
      (await database.outbox.toArray()).filter((e) => !answered.has(e.mutationId)),
    );
    const touched = new Map<
      string,
      { entityType: EntityType; id: string; record: RecordChange | null }
    >();
    const conflicts: Promise<StoredConflict>[] = [];
    for (const result of response.results) {
      const entry = byId.get(result.mutationId);
      if (!entry) continue;
      if (result.status === 'conflict')
        conflicts.push(...(result.conflicts ?? []).map(sealConflict));
      if (result.status !== 'applied' && result.record !== undefined) {
        touched.set(key(entry.entityType, entry.entityId), {
          entityType: entry.entityType,
          id: entry.entityId,
          record: result.record,
        });
      }
    }
    const opened = await openPending(before, touched.keys());
    const views = new Map<string, StoredRecord | null>();
    for (const [k, t] of touched) {
      const mine = opened.get(k);
      if (t.record && (mine || !t.record.deleted)) {
        views.set(
          k,
          await sealRecord(
            withDerivedIndex(mine ? localView(t.record, mine) : fromChange(t.record)),
          ),
        );
      } else if (!mine) {
        views.set(k, null);
      }
    }
    const sealedConflicts = await Promise.all(conflicts);
    const lastTry = attempt > MAX_ATTEMPTS;

    const tally = await database.transaction(
      'rw',
      [
        ...recordTables(database),
        database.events,
        database.outbox,
        database.conflicts,
        database.rejected,
      ],
      async (): Promise<PushTally | undefined> => {
        const pending = groupPending(
          (await database.outbox.toArray()).filter((e) => !answered.has(e.mutationId)),
        );
        const stale = [...touched.keys()].some((k) => seqsOf(pending, k) !== seqsOf(before, k));
        if (stale && !lastTry) return undefined;
        const counts: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
        for (const result of response.results) {
          const entry = byId.get(result.mutationId);
          if (!entry || entry.seq === undefined) continue;
          await database.outbox.delete(entry.seq);
          if (result.status === 'applied') {
            counts.applied += 1;
          } else if (result.status === 'conflict') {
            counts.conflicts += 1;
          } else {
            counts.rejected += 1;
            const rejected: RejectedEntry = {
              mutationId: entry.mutationId,
              entityType: entry.entityType,
              entityId: entry.entityId,
              entry,
              reason: result.reason ?? 'rejected',
              rejectedAt: now,
            };
            if (result.message) rejected.message = result.message;
            await database.rejected.put(rejected);
            if (entry.op === 'event') await database.events.delete(entry.mutationId);
          }
        }
        if (sealedConflicts.length > 0) await database.conflicts.bulkPut(sealedConflicts);
        if (stale) return counts;
        for (const [k, view] of views) {
          const t = touched.get(k);
          if (!t) continue;
          const table = tableFor(database, t.entityType);
          if (view === null) {
            // The server has no record this user may see; the refused write is kept in `rejected`.
            await table.delete(t.id);
            continue;
          }
          const local = await table.get(t.id);
          if (local && local.version > view.version) continue;
          await table.put(view);
        }
        return counts;
      },
    );
    if (tally) return tally;
  }
  throw new Error('unreachable: the last attempt always applies');
}
