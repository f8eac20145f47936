import type { DichtbijDb } from '../db';
import { db } from '../db';
import type { SyncErrorCode } from './sync-error';

/** The outcome of the last sync, kept in meta for the header and the account page. */
export interface StoredSyncStatus {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastErrorCode: SyncErrorCode | null;
}

/** Whether a sync runs in this tab, for the button's spinner; shared with `useSyncStatus`. */
const runningDbs = new Set<string>();
const listeners = new Set<() => void>();

export function isSyncRunning(database: DichtbijDb = db()): boolean {
  return runningDbs.has(database.name);
}

export function subscribeSyncRunning(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setRunning(name: string, running: boolean): void {
  if (running) runningDbs.add(name);
  else runningDbs.delete(name);
  for (const l of listeners) l();
}
