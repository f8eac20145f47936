import Dexie from 'dexie';
import type { DichtbijDb } from '../db';
import { db, dropHandle, workerDb } from '../db';
import { activate } from './active';
import {
  DEFAULT_SYNC_KEY_TTL_MS,
  currentVaultDb,
  getVaultStatus,
  loadVaultStatus,
  lock,
} from '../crypto/vault';
import { dropPendingDrafts, flushDrafts } from '../drafts';
import { log } from '../log';
import type { UnlockOutcome, UnlockOptions } from '../lock/unlock-attempts';
import { attemptUnlock } from '../lock/unlock-attempts';
import { login } from '../sync/session';
import type { SessionInfo } from '../sync/session-store';
import { readSession } from '../sync/session-store';
import type { Transport } from '../sync/sync-error';
import type { WorkerEntry } from './registry';
import {
  findWorker,
  findWorkerByEmail,
  newWorkerDbName,
  registerWorker,
  touchWorker,
  writeActiveDbName,
} from './registry';

/**
 * Switching between the workers of a shared tablet (issue 16). The active worker's database is
 * what `db()` returns; the app remounts its tree on a switch (active.ts), so no screen or live
 * query keeps reading the previous worker's database.
 */

/** A device that had one worker before issue 16 lists her once someone looks. */
export async function ensureActiveRegistered(database: DichtbijDb = db()): Promise<void> {
  const session = await readSession(database);
  if (session && !(await findWorker(database.name)))
    await registerWorker(database.name, session.user);
}

/**
 * The worker at the screen steps away: her vault locks the way the idle lock does (her key
 * stays for her sync only, for the same time), so her outbox still goes out while another
 * works. Unsaved form text is written first while her key can still seal it.
 */
async function stepAway(current: DichtbijDb): Promise<void> {
  // Drafts are sealed with the CURRENT vault's key: only while that is still hers.
  if (currentVaultDb() === current.name && getVaultStatus(current) === 'unlocked')
    await flushDrafts(current);
  // Drafts of a locked worker wait in memory without a key that could seal them for her
  // database; they must not be sealed later with the next worker's key.
  dropPendingDrafts();
  lock({ keepKeyForSyncMs: DEFAULT_SYNC_KEY_TTL_MS }, current);
}

/**
 * Another worker of this tablet takes over with her PIN, offline: the PIN unwrapping her data
 * key is the verification. A wrong PIN counts against her own database only; the 10th wipes
 * only hers. On success the previous worker is locked and the app switches to her database.
 */
export async function switchToWorker(
  worker: Pick<WorkerEntry, 'dbName'>,
  pin: string,
  options: Omit<UnlockOptions, 'database'> = {},
): Promise<UnlockOutcome> {
  const current = db();
  const target = workerDb(worker.dbName);
  // Her unsaved text first, while her key is the current one (the next unlock replaces it).
  if (target.name !== current.name && getVaultStatus(current) === 'unlocked')
    await flushDrafts(current);
  const outcome = await attemptUnlock(pin, { ...options, database: target });
  if (outcome.outcome !== 'unlocked') return outcome;
  if (target.name !== current.name) {
    await ensureActiveRegistered(current).catch(() => undefined);
    await stepAway(current);
  }
  await writeActiveDbName(target.name);
  await touchWorker(target.name).catch(() => undefined);
  activate(target);
  log.info('workers.switched');
  return outcome;
}

/**
 * "Andere medewerker aanmelden": a sign-in (online, as always) for a worker who is not at the
 * screen. She gets a database of her own (or the empty one already active); a worker who
 * signed in here before goes to her own database, so her data and unsynced work are not split
 * over two. Only when the sign-in succeeds does the worker at the screen step away; a failed
 * one (offline, wrong password) changes nothing and leaves no new database behind.
 */
export async function signInOtherWorker(
  email: string,
  password: string,
  transport?: Transport,
): Promise<SessionInfo> {
  const current = db();
  const known = await findWorkerByEmail(email);
  let target: DichtbijDb;
  if (known) target = workerDb(known.dbName);
  else if (!(await readSession(current))) target = current;
  else target = workerDb(newWorkerDbName());
  const isNew = !known && target.name !== current.name;
  let session: SessionInfo;
  try {
    session = await login(email, password, target, transport);
  } catch (e) {
    if (isNew) {
      dropHandle(target.name);
      await Dexie.delete(target.name).catch(() => undefined);
    }
    throw e;
  }
  if (target.name !== current.name) {
    await ensureActiveRegistered(current).catch(() => undefined);
    await stepAway(current);
  }
  await writeActiveDbName(target.name);
  await loadVaultStatus(target);
  activate(target);
  return session;
}
