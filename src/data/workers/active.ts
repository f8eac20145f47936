import type { DichtbijDb } from '../db';
import { activeDbName, setActiveDbName } from '../db';
import { log } from '../log';
import { readActiveDbName } from './registry';

/**
 * Which worker's database the app shows (issue 16). Kept apart from switch.ts so the start-up
 * bundle carries only this: no vault, no sync client.
 */

const listeners = new Set<() => void>();

/** For the app root: it remounts its tree when another worker's database becomes active. */
export function subscribeActiveWorker(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getActiveWorkerDb(): string {
  return activeDbName();
}

export function activate(target: DichtbijDb): void {
  setActiveDbName(target.name);
  for (const listener of listeners) listener();
}

/** At start, before anything reads `db()`: the database of the worker who was active last. */
export async function restoreActiveWorker(): Promise<string> {
  try {
    const name = await readActiveDbName();
    if (name) setActiveDbName(name);
  } catch (e) {
    // No device registry (private mode): the one database, as before.
    log.warn('workers.restore-failed', { name: e instanceof Error ? e.name : 'unknown' });
  }
  return activeDbName();
}
