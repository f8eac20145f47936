import { z } from 'zod';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { readKeyring, unlock } from '../crypto/vault';
import { log } from '../log';
import { wipePersonalData } from './wipe';

/** After this many wrong PINs in a row the device's personal data is wiped. */
export const MAX_WRONG_PINS = 10;

/**
 * Waiting time before the next try, by the number of wrong PINs so far. The first few are free
 * (typos); then it grows, so guessing 10 PINs takes over 15 minutes.
 */
const DELAY_MS_AFTER = [0, 0, 0, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 300_000];

export function delayAfter(failed: number): number {
  return DELAY_MS_AFTER[Math.min(failed, DELAY_MS_AFTER.length - 1)] ?? 0;
}

export const ATTEMPTS_META_KEY = 'lock.attempts';
const attemptsSchema = z.object({
  failed: z.number().int().nonnegative(),
  lastFailedAt: z.number(),
});
type Attempts = z.infer<typeof attemptsSchema>;

async function readAttempts(database: DichtbijDb): Promise<Attempts> {
  const row = await database.meta.get(ATTEMPTS_META_KEY);
  const parsed = attemptsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { failed: 0, lastFailedAt: 0 };
}

export interface UnlockState {
  failedAttempts: number;
  attemptsLeft: number;
  /** ms since epoch before which no PIN is tried; null when the worker may try now. */
  retryAt: number | null;
}

/** For the lock screen: how many tries are left and whether it must wait. Kept across reloads. */
export async function readUnlockState(
  database: DichtbijDb = db(),
  now: number = Date.now(),
): Promise<UnlockState> {
  const a = await readAttempts(database);
  const retryAt = a.failed > 0 ? a.lastFailedAt + delayAfter(a.failed) : 0;
  return {
    failedAttempts: a.failed,
    attemptsLeft: Math.max(0, MAX_WRONG_PINS - a.failed),
    retryAt: retryAt > now ? retryAt : null,
  };
}

/** What happened to unsynced changes before a wipe; the lock screen phrases each case. */
export type PushBeforeWipe =
  /** There was nothing unsynced. */
  | 'nothing-to-push'
  /** Everything unsynced reached the server first. */
  | 'pushed'
  /** No connection: the unsynced changes are lost. */
  | 'offline'
  /** Connected, but the push failed or left changes behind: those are lost. */
  | 'failed'
  /** No sync client was plugged in. */
  | 'no-sync';

export type UnlockOutcome =
  | { outcome: 'unlocked' }
  | { outcome: 'wrong-pin'; state: UnlockState }
  | { outcome: 'wait'; state: UnlockState }
  | { outcome: 'wiped'; push: PushBeforeWipe; unsyncedBefore: number; lostChanges: number };

export interface UnlockOptions {
  database?: DichtbijDb;
  /** The sync client's push of the outbox; resolves true when the outbox was sent. */
  pushPending?: () => Promise<boolean>;
  isOnline?: () => boolean;
  now?: () => number;
}

async function unsyncedCount(database: DichtbijDb): Promise<number> {
  return database.outbox.count();
}

/** The 10th wrong PIN: try to save unsynced work to the server, then wipe, and say what happened. */
async function wipeAfterStrikes(
  database: DichtbijDb,
  options: UnlockOptions,
): Promise<Extract<UnlockOutcome, { outcome: 'wiped' }>> {
  const unsyncedBefore = await unsyncedCount(database);
  let push: PushBeforeWipe = 'nothing-to-push';
  if (unsyncedBefore > 0) {
    const online = (options.isOnline ?? (() => navigator.onLine))();
    if (!options.pushPending) push = 'no-sync';
    else if (!online) push = 'offline';
    else {
      try {
        const ok = await options.pushPending();
        push = ok && (await unsyncedCount(database)) === 0 ? 'pushed' : 'failed';
      } catch {
        push = 'failed';
      }
    }
  }
  const lostChanges = await unsyncedCount(database);
  await wipePersonalData(database);
  log.warn('lock.strikes-wipe', { push, lostChanges });
  return { outcome: 'wiped', push, unsyncedBefore, lostChanges };
}

/**
 * The lock screen's unlock: enforces the growing delay between wrong PINs, counts them on the
 * device (so a reload does not reset them) and wipes after MAX_WRONG_PINS.
 */
export async function attemptUnlock(
  pin: string,
  options: UnlockOptions = {},
): Promise<UnlockOutcome> {
  const database = options.database ?? db();
  const now = options.now ?? Date.now;
  const before = await readUnlockState(database, now());
  if (before.retryAt !== null) return { outcome: 'wait', state: before };
  if (!(await readKeyring(database))) {
    // Nothing to unlock (e.g. wiped in another tab): report as wiped with nothing lost.
    return { outcome: 'wiped', push: 'nothing-to-push', unsyncedBefore: 0, lostChanges: 0 };
  }
  if (await unlock(pin, database)) {
    await database.meta.delete(ATTEMPTS_META_KEY);
    return { outcome: 'unlocked' };
  }
  const failed = before.failedAttempts + 1;
  await database.meta.put({ key: ATTEMPTS_META_KEY, value: { failed, lastFailedAt: now() } });
  log.info('lock.wrong-pin', { failed });
  if (failed >= MAX_WRONG_PINS) return wipeAfterStrikes(database, options);
  return { outcome: 'wrong-pin', state: await readUnlockState(database, now()) };
}
