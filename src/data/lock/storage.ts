import type { DichtbijDb } from '../db';
import { db } from '../db';
import { log } from '../log';

/**
 * The disk is full: the write was NOT stored and must not be acknowledged to the worker. The app
 * says so and keeps the form open, so nothing is lost silently.
 */
export class StorageFullError extends Error {
  readonly reason = 'storage-full';
  constructor(options?: { cause?: unknown }) {
    super('The device has no room left to store this change.', options);
    this.name = 'StorageFullError';
  }
}

/** Dexie wraps the DOMException; browsers name it QuotaExceededError (Firefox once used NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs a write and turns a quota failure into StorageFullError; other errors pass unchanged. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) {
      log.warn('storage.full');
      throw new StorageFullError({ cause: e });
    }
    throw e;
  }
}

const PERSIST_META_KEY = 'storage-persist';

export type PersistOutcome = 'granted' | 'denied' | 'unsupported' | 'asked-before';

/**
 * Asks the browser once not to evict our data (unsynced changes would be lost). Called after
 * the PIN is set up; the answer is kept so the app can show it and does not ask again.
 */
export async function requestPersistentStorage(
  database: DichtbijDb = db(),
): Promise<PersistOutcome> {
  const earlier = await database.meta.get(PERSIST_META_KEY);
  if (earlier) return 'asked-before';
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  // Some browsers reject instead of answering false (e.g. in private mode): same meaning.
  const granted = await storage.persist().catch(() => false);
  await database.meta.put({
    key: PERSIST_META_KEY,
    value: { granted, askedAt: new Date().toISOString() },
  });
  log.info('storage.persist', { granted });
  return granted ? 'granted' : 'denied';
}

/** Whether the browser currently promises to keep our data. */
export async function isStoragePersisted(): Promise<boolean | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persisted !== 'function') return undefined;
  return storage.persisted();
}
