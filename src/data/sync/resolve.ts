import type { EntityType, MutationOp } from '../../domain/records/record-schema';
import { derivedIndexFields } from '../../domain/records/derived-index';
import type { ErrorReason } from '../../domain/sync/protocol';
import { errorReasonSchema, eventPayloadSchema } from '../../domain/sync/protocol';
import type { DichtbijDb, OutboxEntry, RejectedEntry, StoredConflict, StoredRecord } from '../db';
import { db } from '../db';
import type { PlainRecord } from '../crypto/record-crypto';
import { openOutboxEntry, openRecord, sealPayload } from '../crypto/record-crypto';
import { newId } from '../ids';
import { guardStorage } from '../lock/storage';
import { log } from '../log';
import { appendEvent, readRecord, tableFor, writeRecords } from '../repositories/records';
import { openConflict } from './apply';
import { currentSession } from './session-store';

/*
 * The worker's side of the conflict policy: fields that lost against a colleague's edit and
 * writes the server refused are listed readably, and a person decides what happens to each.
 * Nothing here drops a value unasked: the conflict row or refused write goes only after the
 * chosen value is safely in the outbox, or after an explicit "discard".
 */

/** Conflict field for an edit that met a delete (see the server's merge). */
export const DELETED_FIELD = '$deleted';

/**
 * What the worker recognises a record by: a signal's topic and resident, a check's status.
 * Read from the record on the device, or from the refused write when the record is gone.
 */
export interface RecordLabel {
  category: string | null;
  residentName: string | null;
  status: string | null;
}

export interface ConflictItem {
  id: string;
  /** `data.<name>`, `wijk`, `assignedToUser`, `assignedToTeam` or `$deleted`. */
  field: string;
  /** The value the server kept (now in use). */
  serverValue: unknown;
  /** This device's value that lost. */
  clientValue: unknown;
  /** False when the values cannot be decrypted: only "keep the server value" is possible. */
  readable: boolean;
  createdAt: string;
}

/** Refusal reasons the app explains: the server's codes plus what the device itself set aside. */
export type RejectedReason = ErrorReason | 'undecryptable' | 'unknown';

export interface RejectedItem {
  mutationId: string;
  op: MutationOp;
  reason: RejectedReason;
  rejectedAt: string;
  /**
   * What the device meant to write, in the clear: the changed data fields and list fields for
   * put/patch, `{ kind, status?, body? }` for an event, null for a delete or when unreadable.
   */
  values: Record<string, unknown> | null;
  readable: boolean;
}

export interface DifferenceGroup {
  entityType: EntityType;
  entityId: string;
  /** Whether the record is on this device (and not deleted), so the page can link to it. */
  onDevice: boolean;
  label: RecordLabel;
  conflicts: ConflictItem[];
  rejected: RejectedItem[];
}

export type ResolveProblem = 'notFound' | 'recordMissing' | 'unreadable' | 'needsConfirmation';
export type ResolveOutcome = { ok: true } | { ok: false; problem: ResolveProblem };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(entityType: EntityType, id: string): string {
  return `${entityType}\u0000${id}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function labelFrom(data: unknown, index: { category?: string; status?: string }): RecordLabel {
  const fields = isPlainObject(data) ? data : {};
  return {
    category: text(fields.category) ?? index.category ?? null,
    residentName: text(fields.residentName),
    status: index.status ?? null,
  };
}

function reasonOf(entry: RejectedEntry): RejectedReason {
  // The sync engine sets entries it cannot decrypt aside as invalidPayload/'undecryptable'.
  if (entry.reason === 'invalidPayload' && entry.message === 'undecryptable')
    return 'undecryptable';
  const parsed = errorReasonSchema.safeParse(entry.reason);
  return parsed.success ? parsed.data : 'unknown';
}

/** The fields a put or patch meant to set: a put over a known record only its changed ones. */
function intendedData(entry: OutboxEntry, payload: unknown): Record<string, unknown> {
  const data = isPlainObject(payload) ? payload : {};
  if (entry.op !== 'put' || !entry.changedFields) return data;
  return Object.fromEntries(entry.changedFields.map((k) => [k, data[k] ?? null]));
}

function rejectedValues(entry: OutboxEntry, payload: unknown): Record<string, unknown> | null {
  switch (entry.op) {
    case 'delete':
      return null;
    case 'event':
      return isPlainObject(payload) ? payload : null;
    case 'put':
    case 'patch': {
      const values: Record<string, unknown> = { ...intendedData(entry, payload) };
      for (const [k, v] of Object.entries(entry.meta ?? {})) {
        // Status follows events; wijk and assignment are what a worker may have changed.
        if (k !== 'status' && v !== undefined && v !== null) values[k] = v;
      }
      return values;
    }
  }
}

async function openRejected(entry: RejectedEntry): Promise<{ item: RejectedItem; data: unknown }> {
  const base = {
    mutationId: entry.mutationId,
    op: entry.entry.op,
    reason: reasonOf(entry),
    rejectedAt: entry.rejectedAt,
  };
  try {
    const opened = await openOutboxEntry(entry.entry);
    return {
      item: { ...base, values: rejectedValues(entry.entry, opened.payload), readable: true },
      data: opened.payload,
    };
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    return { item: { ...base, values: null, readable: false }, data: undefined };
  }
}

async function openConflictItem(stored: StoredConflict): Promise<ConflictItem> {
  const base = { id: stored.id, field: stored.field, createdAt: stored.createdAt };
  try {
    const c = await openConflict(stored);
    return { ...base, serverValue: c.serverValue, clientValue: c.clientValue, readable: true };
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    return { ...base, serverValue: null, clientValue: null, readable: false };
  }
}

async function openStored(stored: StoredRecord | undefined): Promise<PlainRecord | undefined> {
  if (!stored) return undefined;
  try {
    return await openRecord(stored);
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    // Unreadable data: the clear index fields still name the record.
    return { ...stored, data: undefined };
  }
}

/**
 * Every open conflict and refused write, decrypted and grouped per record, the most recent
 * first. Needs the unlocked vault (throws LockedError otherwise).
 */
export async function listDifferences(database: DichtbijDb = db()): Promise<DifferenceGroup[]> {
  const [conflicts, rejected] = await Promise.all([
    database.conflicts.toArray(),
    database.rejected.toArray(),
  ]);
  const groups = new Map<string, DifferenceGroup & { latest: string; fallback: unknown }>();
  const groupFor = (entityType: EntityType, entityId: string) => {
    const k = key(entityType, entityId);
    let group = groups.get(k);
    if (!group) {
      group = {
        entityType,
        entityId,
        onDevice: false,
        label: { category: null, residentName: null, status: null },
        conflicts: [],
        rejected: [],
        latest: '',
        fallback: undefined,
      };
      groups.set(k, group);
    }
    return group;
  };
  for (const stored of conflicts) {
    const group = groupFor(stored.entityType, stored.entityId);
    group.conflicts.push(await openConflictItem(stored));
    if (stored.createdAt > group.latest) group.latest = stored.createdAt;
  }
  for (const stored of rejected) {
    const group = groupFor(stored.entityType, stored.entityId);
    const { item, data } = await openRejected(stored);
    group.rejected.push(item);
    if (stored.rejectedAt > group.latest) group.latest = stored.rejectedAt;
    if (group.fallback === undefined && (item.op === 'put' || item.op === 'patch')) {
      group.fallback = { data, status: stored.entry.meta?.status ?? undefined };
    }
  }
  const out: (DifferenceGroup & { latest: string })[] = [];
  for (const { fallback, ...group } of groups.values()) {
    const record = await openStored(await tableFor(database, group.entityType).get(group.entityId));
    if (record) {
      group.onDevice = record.deleted !== true;
      group.label = labelFrom(record.data, record);
    } else if (isPlainObject(fallback)) {
      const status = text(fallback.status);
      group.label = labelFrom(fallback.data, status ? { status } : {});
    }
    group.conflicts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    group.rejected.sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt));
    out.push(group);
  }
  out.sort((a, b) => b.latest.localeCompare(a.latest));
  return out.map(({ latest: _latest, ...group }) => group);
}

/** How a person settles a conflict: the server's value stays, hers replaces it, or the record goes. */
export type ConflictChoice = 'keepServer' | 'useMine' | 'deleteRecord';

function withField(record: PlainRecord, field: string, value: unknown): PlainRecord | null {
  const next: PlainRecord = { ...record };
  if (field.startsWith('data.')) {
    const data = isPlainObject(record.data) ? { ...record.data } : {};
    const name = field.slice('data.'.length);
    if (value === null || value === undefined) Reflect.deleteProperty(data, name);
    else data[name] = value;
    next.data = data;
    return Object.assign(next, derivedIndexFields(next.entityType, data));
  }
  if (field === 'wijk' || field === 'assignedToUser' || field === 'assignedToTeam') {
    if (value === null || value === undefined) Reflect.deleteProperty(next, field);
    else if (typeof value === 'string') next[field] = value;
    else return null;
    return next;
  }
  return null;
}

/** The device's value of a conflict in the clear; null when it cannot be read. */
async function clientValueOf(stored: StoredConflict): Promise<{ value: unknown } | null> {
  try {
    return { value: (await openConflict(stored)).clientValue };
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    return null;
  }
}

/**
 * Settles one conflict. `keepServer` only removes the conflict: the server's value is already
 * on the device. `useMine` writes the device's value again as a patch on the current version,
 * through the repository (record and outbox in one transaction), so the server takes it on the
 * next sync. For `$deleted`, `useMine` repeats the device's delete (when it had deleted) and
 * `deleteRecord` deletes the record either way. The conflict row is removed only after that
 * write is stored: the repository offers no shared transaction, so a crash in between leaves
 * the conflict to choose again, and writing the same value twice is harmless.
 */
export async function resolveConflict(
  conflictId: string,
  choice: ConflictChoice,
  database: DichtbijDb = db(),
): Promise<ResolveOutcome> {
  const stored = await database.conflicts.get(conflictId);
  if (!stored) return { ok: false, problem: 'notFound' };
  const deletedField = stored.field === DELETED_FIELD;
  if (choice === 'deleteRecord' && !deletedField) return { ok: false, problem: 'notFound' };
  if (choice !== 'keepServer') {
    const mine = choice === 'useMine' ? await clientValueOf(stored) : { value: true };
    if (!mine) return { ok: false, problem: 'unreadable' };
    // An edit that met a delete keeps the record: the device's "not deleted" is already in use.
    const write = !(deletedField && mine.value !== true);
    if (write) {
      const current = await readRecord(stored.entityType, stored.entityId, database);
      if (!current || current.deleted) return { ok: false, problem: 'recordMissing' };
      const updatedAt = new Date().toISOString();
      if (deletedField) {
        await writeRecords(
          [{ record: { ...current, deleted: true, updatedAt }, op: 'delete', payload: {} }],
          database,
        );
      } else {
        const next = withField({ ...current, updatedAt }, stored.field, mine.value);
        if (!next) return { ok: false, problem: 'unreadable' };
        const payload = stored.field.startsWith('data.')
          ? { [stored.field.slice('data.'.length)]: mine.value }
          : {};
        await writeRecords([{ record: next, op: 'patch', payload }], database);
      }
    }
  }
  await database.conflicts.delete(conflictId);
  log.info('sync.conflictResolved', { choice });
  return { ok: true };
}

const META_KEYS = ['wijk', 'status', 'assignedToUser', 'assignedToTeam'] as const;

function withMeta(record: PlainRecord, entry: OutboxEntry, includeStatus: boolean): PlainRecord {
  const next: PlainRecord = { ...record };
  for (const k of META_KEYS) {
    const value = entry.meta?.[k];
    // Over a record the device has, status follows its events: an old put must not turn it back.
    if (value === undefined || (k === 'status' && !includeStatus)) continue;
    if (value === null) Reflect.deleteProperty(next, k);
    else next[k] = value;
  }
  return next;
}

/** The record with a refused put or patch applied again, as the repository should store it. */
function reapplied(current: PlainRecord, entry: OutboxEntry, payload: unknown): PlainRecord {
  let data: Record<string, unknown>;
  if (entry.op === 'put' && !entry.changedFields) {
    // A put of the whole record: it was new when written, so all of it is the worker's.
    data = isPlainObject(payload) ? { ...payload } : {};
  } else {
    data = isPlainObject(current.data) ? { ...current.data } : {};
    for (const [k, v] of Object.entries(intendedData(entry, payload))) {
      if (v === null || v === undefined) Reflect.deleteProperty(data, k);
      else data[k] = v;
    }
  }
  const next = withMeta({ ...current, data }, entry, false);
  return Object.assign(next, derivedIndexFields(next.entityType, data));
}

/** A new outbox entry with the refused one's content, for a record the device no longer has. */
async function requeueCopy(
  stored: RejectedEntry,
  payload: unknown,
  database: DichtbijDb,
): Promise<void> {
  // A new id: the server answers a mutation id it has seen with its old answer.
  const mutationId = newId();
  const { seq: _seq, lastError: _lastError, ...rest } = stored.entry;
  const entry: OutboxEntry = {
    ...rest,
    mutationId,
    payload: await sealPayload(payload, mutationId),
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
  await guardStorage(() =>
    database.transaction('rw', database.outbox, database.rejected, async () => {
      await database.outbox.add(entry);
      await database.rejected.delete(stored.mutationId);
    }),
  );
}

/**
 * Sends a refused write again, e.g. after the worker was given access or the record was
 * restored. Where the record is on the device the change is written again through the
 * repository on its current version (so the device shows it too); otherwise a copy goes into
 * the outbox as it was. The refused entry is removed only once the copy is stored.
 */
export async function retryRejected(
  mutationId: string,
  database: DichtbijDb = db(),
): Promise<ResolveOutcome> {
  const stored = await database.rejected.get(mutationId);
  if (!stored) return { ok: false, problem: 'notFound' };
  const entry = stored.entry;
  let payload: unknown;
  try {
    payload = (await openOutboxEntry(entry)).payload;
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    return { ok: false, problem: 'unreadable' };
  }
  const found = await readRecord(entry.entityType, entry.entityId, database);
  const current = found && !found.deleted ? found : undefined;
  const updatedAt = new Date().toISOString();
  let written = true;
  if (current && (entry.op === 'put' || entry.op === 'patch')) {
    const next = { ...reapplied(current, entry, payload), updatedAt };
    const wirePayload = entry.op === 'put' ? next.data : intendedData(entry, payload);
    await writeRecords([{ record: next, op: entry.op, payload: wirePayload }], database);
  } else if (current && entry.op === 'delete') {
    await writeRecords(
      [{ record: { ...current, deleted: true, updatedAt }, op: 'delete', payload: {} }],
      database,
    );
  } else if (current && entry.op === 'event') {
    const event = eventPayloadSchema.safeParse(payload);
    if (!event.success) return { ok: false, problem: 'unreadable' };
    const session = await currentSession(database);
    await appendEvent(
      entry.entityType,
      entry.entityId,
      {
        kind: event.data.kind,
        ...(event.data.status !== undefined ? { status: event.data.status } : {}),
        ...(event.data.body !== undefined ? { body: event.data.body } : {}),
        ...(session ? { createdBy: session.user.id } : {}),
      },
      database,
    );
  } else if (entry.op === 'put' && !found) {
    // A new record the server refused (and the device then dropped): write it again as new.
    const session = await currentSession(database);
    const data = isPlainObject(payload) ? payload : {};
    const record = withMeta(
      {
        id: entry.entityId,
        entityType: entry.entityType,
        version: 0,
        createdAt: entry.createdAt,
        updatedAt,
        ...(session ? { createdBy: session.user.id } : {}),
        data,
      },
      entry,
      true,
    );
    Object.assign(record, derivedIndexFields(record.entityType, data));
    await writeRecords([{ record, op: 'put', payload: data }], database);
  } else {
    await requeueCopy(stored, payload, database);
    written = false;
  }
  if (written) await database.rejected.delete(mutationId);
  log.info('sync.rejectedRetried', { op: entry.op });
  return { ok: true };
}

/**
 * Throws a refused write away for good. Only with `confirmed: true`, which the page passes
 * after the worker said so in a second step: a refused write is never dropped by one tap.
 */
export async function discardRejected(
  mutationId: string,
  options: { confirmed: boolean },
  database: DichtbijDb = db(),
): Promise<ResolveOutcome> {
  if (!options.confirmed) return { ok: false, problem: 'needsConfirmation' };
  const stored = await database.rejected.get(mutationId);
  if (!stored) return { ok: false, problem: 'notFound' };
  await database.rejected.delete(mutationId);
  log.info('sync.rejectedDiscarded', { op: stored.entry.op, reason: stored.reason });
  return { ok: true };
}
