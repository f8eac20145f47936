import type { EntityType, MutationOp } from '../../domain/records/record-schema';
import { RECORD_SCHEMA_VERSION } from '../../domain/records/record-schema';
import type { DichtbijDb, LocalEvent, OutboxEntry, OutboxMeta, StoredRecord } from '../db';
import { db } from '../db';
import { newId } from '../ids';
import type { EncryptedBlob } from '../crypto/envelope';
import { isEncryptedBlob } from '../crypto/envelope';
import { LockedError, UndecryptableError } from '../crypto/errors';
import type { PlainRecord } from '../crypto/record-crypto';
import { eventContext, openRecord, sealPayload, sealRecordUnlocked } from '../crypto/record-crypto';
import { decryptJson, encryptJson, isLocked } from '../crypto/vault';
import { guardStorage } from '../lock/storage';

/** The Dexie table that holds each kind of personal record. */
export function tableFor(database: DichtbijDb, entityType: EntityType) {
  switch (entityType) {
    case 'check':
      return database.checks;
    case 'signal':
      return database.signals;
    case 'toekomst':
      return database.toekomst;
  }
}

export interface RecordWrite {
  /** The record with its data in the clear; it is encrypted before it is stored. */
  record: PlainRecord;
  op: MutationOp;
  /**
   * What the server needs to apply the change. put: the whole record data (an object of
   * fields); patch: the changed data fields (null clears one); delete: ignored;
   * event: `{ kind, status?, body? }` (prefer `appendEvent`).
   */
  payload: unknown;
}

const META_KEYS = ['wijk', 'status', 'assignedToUser', 'assignedToTeam'] as const;

/** The list/scope fields to send: all of them for a put, only the changed ones for a patch. */
function metaFor(
  op: MutationOp,
  record: PlainRecord,
  previous: PlainRecord | undefined,
): OutboxMeta {
  const meta: OutboxMeta = {};
  for (const key of META_KEYS) {
    const value = record[key] ?? null;
    if (op === 'put' || !previous || (previous[key] ?? null) !== value) meta[key] = value;
  }
  return meta;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For a put over a known record: the data fields that differ, so the server merges per field. */
function changedFields(previous: PlainRecord | undefined, payload: unknown): string[] | undefined {
  if (
    !previous ||
    previous.version === 0 ||
    !isPlainObject(previous.data) ||
    !isPlainObject(payload)
  ) {
    return undefined;
  }
  const before = previous.data;
  const keys = new Set([...Object.keys(before), ...Object.keys(payload)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(payload[k])).sort();
}

/** Identifies one stored state of a record: every write has a fresh IV, so any change shows. */
function fingerprint(stored: StoredRecord | undefined): string {
  if (!stored) return 'none';
  const iv = isEncryptedBlob(stored.data) ? [...stored.data.iv].join('.') : 'clear';
  return `${stored.version}|${stored.updatedAt}|${iv}`;
}

interface PreparedWrite {
  table: ReturnType<typeof tableFor>;
  stored: StoredRecord;
  entry: OutboxEntry;
  /** Set on the first write of a record in the batch: the state the preparation was based on. */
  expected?: string;
}

/**
 * Encrypts a batch outside any transaction (WebCrypto is async and would let Dexie commit
 * early). Reads and decrypts the previous versions first, because the outbox entry needs the
 * fields that changed.
 */
async function prepareWrites(
  writes: readonly RecordWrite[],
  database: DichtbijDb,
): Promise<PreparedWrite[]> {
  const latest = new Map<string, PlainRecord | undefined>();
  const prepared: PreparedWrite[] = [];
  for (const w of writes) {
    const table = tableFor(database, w.record.entityType);
    const k = `${w.record.entityType}\u0000${w.record.id}`;
    let expected: string | undefined;
    let previous: PlainRecord | undefined;
    if (latest.has(k)) {
      previous = latest.get(k);
    } else {
      const stored = await table.get(w.record.id);
      expected = fingerprint(stored);
      previous = stored ? await openRecord(stored) : undefined;
    }
    latest.set(k, w.record);
    const mutationId = newId();
    const entry: OutboxEntry = {
      mutationId,
      entityType: w.record.entityType,
      entityId: w.record.id,
      op: w.op,
      baseVersion: previous?.version ?? 0,
      payload: await sealPayload(w.payload, mutationId),
      schemaVersion: RECORD_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      attempts: 0,
      meta: metaFor(w.op, w.record, previous),
    };
    const changed = w.op === 'put' ? changedFields(previous, w.payload) : undefined;
    if (changed) entry.changedFields = changed;
    const item: PreparedWrite = { table, stored: await sealRecordUnlocked(w.record), entry };
    if (expected !== undefined) item.expected = expected;
    prepared.push(item);
  }
  return prepared;
}

/** How often a batch is prepared again when another write (e.g. a pull) changed its records meanwhile. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * The one place personal records are written: the record and its outbox entry in one
 * transaction, so a crash between the two cannot lose a change or sync one that was not saved.
 * Data and payload are stored encrypted. Throws LockedError while the vault is locked and
 * StorageFullError when the disk is full; in both cases nothing was stored.
 */
export async function writeRecords(writes: readonly RecordWrite[], database = db()): Promise<void> {
  if (isLocked()) throw new LockedError();
  const tables = [...new Set(writes.map((w) => tableFor(database, w.record.entityType)))];
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const prepared = await prepareWrites(writes, database);
    const written = await guardStorage(() =>
      database.transaction('rw', [...tables, database.outbox], async () => {
        for (const p of prepared) {
          if (
            p.expected !== undefined &&
            fingerprint(await p.table.get(p.stored.id)) !== p.expected
          ) {
            return false;
          }
        }
        for (const p of prepared) {
          await p.table.put(p.stored);
          await database.outbox.add(p.entry);
        }
        return true;
      }),
    );
    if (written) return;
  }
  throw new Error('Records kept changing while being written; try again.');
}

export interface NewEvent {
  /** `status`, `note`, `history`, … (lowercase, letters and dashes). */
  kind: string;
  /** For kind `status`: the new status; the record's status follows it. */
  status?: string;
  body?: unknown;
  createdBy?: string;
}

/**
 * Appends a status change, note or history entry. Events are never edited, so two devices
 * adding events to the same record never conflict. Returns the event id.
 */
export async function appendEvent(
  entityType: EntityType,
  entityId: string,
  event: NewEvent,
  database = db(),
): Promise<string> {
  if (isLocked()) throw new LockedError();
  const table = tableFor(database, entityType);
  const id = newId();
  const createdAt = new Date().toISOString();
  const payload: Record<string, unknown> = { kind: event.kind };
  if (event.status !== undefined) payload.status = event.status;
  if (event.body !== undefined) payload.body = event.body;
  // Encrypt before the transaction: a note's body is personal, in the event and in the outbox.
  const sealedPayload = await sealPayload(payload, id);
  const sealedBody =
    event.body !== undefined ? await encryptJson(event.body, eventContext(id)) : undefined;
  return guardStorage(() =>
    database.transaction('rw', [table, database.outbox, database.events], async () => {
      const record = await table.get(entityId);
      if (!record) throw new Error(`No ${entityType} record ${entityId} on this device`);
      const local: LocalEvent = {
        id,
        entityType,
        entityId,
        kind: event.kind,
        createdAt,
        version: 0,
      };
      if (event.status !== undefined) local.status = event.status;
      if (sealedBody !== undefined) local.body = sealedBody;
      if (event.createdBy !== undefined) local.createdBy = event.createdBy;
      await database.events.add(local);
      if (event.kind === 'status' && event.status) {
        await table.put({ ...record, status: event.status, updatedAt: createdAt });
      }
      await database.outbox.add({
        mutationId: id,
        entityType,
        entityId,
        op: 'event',
        baseVersion: record.version,
        payload: sealedPayload,
        schemaVersion: RECORD_SCHEMA_VERSION,
        createdAt,
        attempts: 0,
      });
      return id;
    }),
  );
}

/** The events of a record, oldest first, with their bodies decrypted. Refuses while locked. */
export async function listEvents(
  entityType: EntityType,
  entityId: string,
  database = db(),
): Promise<LocalEvent[]> {
  const events = await database.events
    .where('[entityType+entityId]')
    .equals([entityType, entityId])
    .toArray();
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return Promise.all(
    events.map(async (e) => {
      if (e.body === undefined) return e;
      if (!isEncryptedBlob(e.body)) throw new UndecryptableError('Event body is not encrypted.');
      const body: EncryptedBlob = e.body;
      return { ...e, body: await decryptJson(body, eventContext(e.id)) };
    }),
  );
}

/** One record with its data decrypted. Refuses (LockedError) while the vault is locked. */
export async function readRecord(
  entityType: EntityType,
  id: string,
  database = db(),
): Promise<PlainRecord | undefined> {
  if (isLocked()) throw new LockedError();
  const stored = await tableFor(database, entityType).get(id);
  return stored ? openRecord(stored) : undefined;
}

/** Index fields lists may filter on; they are stored in the clear. */
export type RecordIndexName = 'status' | 'wijk' | 'createdBy' | 'updatedAt';

export interface ListQuery {
  /** Filter on one index (equality); without it, all records newest first. */
  where?: { index: Exclude<RecordIndexName, 'updatedAt'>; equals: string };
  offset?: number;
  limit?: number;
}

/**
 * One page of records for a list: the index is queried in the clear, and only the page is
 * decrypted, so opening a list of thousands costs one page of decryption.
 */
export async function listRecords(
  entityType: EntityType,
  query: ListQuery = {},
  database = db(),
): Promise<{ total: number; items: PlainRecord[] }> {
  if (isLocked()) throw new LockedError();
  const table = tableFor(database, entityType);
  const collection = query.where
    ? table.where(query.where.index).equals(query.where.equals)
    : table.orderBy('updatedAt').reverse();
  const [total, page] = await Promise.all([
    collection.clone().count(),
    collection
      .clone()
      .offset(query.offset ?? 0)
      .limit(query.limit ?? 50)
      .toArray(),
  ]);
  return { total, items: await Promise.all(page.map((r) => openRecord(r))) };
}

export async function pendingChangeCount(database = db()): Promise<number> {
  return database.outbox.count();
}
