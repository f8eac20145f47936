import type { EntityType } from '../../domain/records/record-schema';
import type { DichtbijDb, LocalEvent, OutboxEntry, StoredRecord } from '../db';
import type { EncryptedBlob } from './envelope';
import { decryptWithKey, encryptWithKey, encryptedBlobSchema } from './envelope';
import { UndecryptableError } from './errors';
import { decryptJson, encryptJson, syncKey } from './vault';

/**
 * How personal records and outbox entries are sealed for IndexedDB. The index fields of a record
 * stay in the clear (lists query them); `data` and the outbox `payload` are AES-GCM blobs bound
 * to their record or mutation, so a blob moved elsewhere does not decrypt.
 *
 * The sync client uses `openOutboxEntry(entry)` (or `decryptPayload`) before building a push,
 * and `sealRecord(record)` / `sealEvent(event)` BEFORE opening the Dexie transaction that
 * stores pulled records. These work while the vault is unlocked, and while it is locked with
 * the key kept for sync (see `lock({ keepKeyForSyncMs })`). They take the database they work
 * on: on a shared tablet the sync client also works for a worker who is not at the screen, with
 * her key (issue 16); without one they use the current vault.
 */

/** A record as the app sees it: index fields plus the personal data in the clear. */
export type PlainRecord = Omit<StoredRecord, 'data'> & { data: unknown };

export function recordContext(entityType: EntityType, id: string): string {
  return `record:${entityType}:${id}`;
}

export function outboxContext(mutationId: string): string {
  return `outbox:${mutationId}`;
}

export function eventContext(eventId: string): string {
  return `event:${eventId}`;
}

function asBlob(value: unknown): EncryptedBlob {
  const parsed = encryptedBlobSchema.safeParse(value);
  // Plaintext where a blob belongs means something wrote around the repository: refuse to show it.
  if (!parsed.success) throw new UndecryptableError('Stored value is not an encrypted blob.');
  return parsed.data;
}

async function decryptForSync(
  blob: EncryptedBlob,
  context: string,
  database: DichtbijDb | undefined,
): Promise<unknown> {
  try {
    return await decryptWithKey(syncKey(database), blob, context);
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    throw new UndecryptableError();
  }
}

/** For the UI path (repository writes): refuses while locked. */
export async function sealRecordUnlocked(record: PlainRecord): Promise<StoredRecord> {
  return {
    ...record,
    data: await encryptJson(record.data, recordContext(record.entityType, record.id)),
  };
}

/** For the sync client storing pulled records; works while locked with the key kept for sync. */
export async function sealRecord(
  record: PlainRecord,
  database?: DichtbijDb,
): Promise<StoredRecord> {
  return {
    ...record,
    data: await encryptWithKey(
      syncKey(database),
      record.data,
      recordContext(record.entityType, record.id),
    ),
  };
}

/** Decrypts a stored record for the app; refuses while locked. */
export async function openRecord(stored: StoredRecord): Promise<PlainRecord> {
  return {
    ...stored,
    data: await decryptJson(asBlob(stored.data), recordContext(stored.entityType, stored.id)),
  };
}

/** Encrypts an outbox payload for `mutationId` (repository writes; refuses while locked). */
export async function sealPayload(payload: unknown, mutationId: string): Promise<EncryptedBlob> {
  return encryptJson(payload, outboxContext(mutationId));
}

/** The clear payload of an outbox entry, to send to the server. */
export async function decryptPayload(
  entry: Pick<OutboxEntry, 'mutationId' | 'payload'>,
  database?: DichtbijDb,
): Promise<unknown> {
  return decryptForSync(asBlob(entry.payload), outboxContext(entry.mutationId), database);
}

/** A copy of an outbox entry with its payload in the clear, for `toWireMutation`. */
export async function openOutboxEntry(
  entry: OutboxEntry,
  database?: DichtbijDb,
): Promise<OutboxEntry> {
  return { ...entry, payload: await decryptPayload(entry, database) };
}

/** For the sync client storing pulled events: the body (a note) is encrypted, the rest stays clear. */
export async function sealEvent(event: LocalEvent, database?: DichtbijDb): Promise<LocalEvent> {
  if (event.body === undefined) return event;
  return {
    ...event,
    body: await encryptWithKey(syncKey(database), event.body, eventContext(event.id)),
  };
}

const SESSION_CONTEXT = 'session:secrets';

/**
 * Seals the session's refresh token with the data key, so reading it off the disk needs the
 * PIN. Works while the sync client may use the key (unlocked, or locked with the key kept).
 */
export async function sealSessionSecrets(
  value: unknown,
  database?: DichtbijDb,
): Promise<EncryptedBlob> {
  return encryptWithKey(syncKey(database), value, SESSION_CONTEXT);
}

export async function openSessionSecrets(value: unknown, database?: DichtbijDb): Promise<unknown> {
  return decryptForSync(asBlob(value), SESSION_CONTEXT, database);
}
