import type { EntityType } from '../../domain/records/record-schema';
import type { EventChange, RecordChange } from '../../domain/sync/protocol';
import type { DichtbijDb, LocalEvent, OutboxEntry } from '../db';
import type { PlainRecord } from '../crypto/record-crypto';
import { openOutboxEntry } from '../crypto/record-crypto';
import { derivedIndexFields } from '../../domain/records/derived-index';

/**
 * What applying the server's answer needs on both paths (a pulled page, a push's results): the
 * server's record with this device's unsynced writes replayed on top, and the outbox grouped per
 * record to notice a write made while a page was being prepared.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Record data travels as a JSON object; anything else is wrapped so nothing is dropped. */
export function asData(payload: unknown): Record<string, unknown> {
  const json: unknown = payload === undefined ? {} : JSON.parse(JSON.stringify(payload));
  return isPlainObject(json) ? json : { value: json };
}

export function fromChange(change: RecordChange): PlainRecord {
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
export function withDerivedIndex(record: PlainRecord): PlainRecord {
  return Object.assign(record, derivedIndexFields(record.entityType, record.data));
}

export function fromEventChange(change: EventChange): LocalEvent {
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

/** How often a page or a push's results are prepared again when the worker wrote to one of its records meanwhile. */
export const MAX_PREPARE_ATTEMPTS = 3;

export function recordKey(entityType: EntityType, id: string): string {
  return `${entityType}\u0000${id}`;
}

export function groupPending(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const k = recordKey(entry.entityType, entry.entityId);
    const list = byRecord.get(k);
    if (list) list.push(entry);
    else byRecord.set(k, [entry]);
  }
  for (const list of byRecord.values()) list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return byRecord;
}

export function recordTables(database: DichtbijDb) {
  return [database.checks, database.signals, database.toekomst];
}

/** Seqs of the outbox entries per record, to notice a local write made while we prepared. */
export function seqsOf(pending: Map<string, OutboxEntry[]>, k: string): string {
  return (pending.get(k) ?? []).map((e) => e.seq).join(',');
}

/** Opens (decrypts) the pending entries of the given records, outside any transaction. */
export async function openPending(
  pending: Map<string, OutboxEntry[]>,
  keys: Iterable<string>,
  database?: DichtbijDb,
): Promise<Map<string, OutboxEntry[]>> {
  const opened = new Map<string, OutboxEntry[]>();
  for (const k of keys) {
    const list = pending.get(k);
    if (list) opened.set(k, await Promise.all(list.map((e) => openOutboxEntry(e, database))));
  }
  return opened;
}
