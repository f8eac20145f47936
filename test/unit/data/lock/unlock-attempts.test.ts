import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import { decryptPayload } from '../../../../src/data/crypto/record-crypto';
import { getVaultStatus, lock, readKeyring } from '../../../../src/data/crypto/vault';
import { writeRecords } from '../../../../src/data/repositories/records';
import { saveSetting, loadSetting } from '../../../../src/data/settings';
import { installCatalogue } from '../../../../src/data/catalogue/catalogue-store';
import {
  attemptUnlock,
  delayAfter,
  MAX_WRONG_PINS,
  readUnlockState,
} from '../../../../src/data/lock/unlock-attempts';
import type { UnlockOutcome } from '../../../../src/data/lock/unlock-attempts';
import { fixtureCatalogue } from '../../../fixtures/catalogue';
import { TEST_PIN, withUnlockedVault } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`attempts-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  await database.delete();
});

async function writeUnsynced(count: number): Promise<void> {
  const now = new Date().toISOString();
  await writeRecords(
    Array.from({ length: count }, (_, i) => ({
      record: {
        id: `c${i}`,
        entityType: 'check' as const,
        version: 0,
        createdAt: now,
        updatedAt: now,
        data: { name: `Bewoner ${i}` },
      },
      op: 'put' as const,
      payload: { name: `Bewoner ${i}` },
    })),
    database,
  );
}

/** Nine wrong PINs with a clock that jumps past every delay; returns the clock. */
async function strikeNine(): Promise<() => number> {
  let t = Date.now();
  const now = () => t;
  for (let i = 1; i < MAX_WRONG_PINS; i++) {
    const result = await attemptUnlock('000000', { database, now });
    expect(result).toMatchObject({
      outcome: 'wrong-pin',
      state: { attemptsLeft: MAX_WRONG_PINS - i },
    });
    t += delayAfter(i);
  }
  return now;
}

describe('attemptUnlock', () => {
  it('unlocks with the right PIN and resets the count', async () => {
    lock();
    await attemptUnlock('000000', { database });
    expect((await readUnlockState(database)).failedAttempts).toBe(1);
    expect(await attemptUnlock(TEST_PIN, { database })).toEqual({ outcome: 'unlocked' });
    expect(await readUnlockState(database)).toEqual({
      failedAttempts: 0,
      attemptsLeft: 10,
      retryAt: null,
    });
  });

  it('makes the worker wait longer after each wrong PIN from the fourth on, without counting waits', async () => {
    lock();
    let t = 1_000_000;
    const now = () => t;
    for (let i = 0; i < 3; i++) await attemptUnlock('000000', { database, now });
    const state = await readUnlockState(database, t);
    expect(state.retryAt).toBe(t + 5_000);
    // Even the right PIN is not tried during the wait.
    expect(await attemptUnlock(TEST_PIN, { database, now })).toMatchObject({ outcome: 'wait' });
    expect((await readUnlockState(database, t)).failedAttempts).toBe(3);
    t += 5_000;
    expect(await attemptUnlock(TEST_PIN, { database, now })).toEqual({ outcome: 'unlocked' });
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map(delayAfter).every((d, i, all) => i === 0 || d >= all[i - 1]!),
    ).toBe(true);
  });

  it('at the 10th wrong PIN pushes unsynced changes first when online, then wipes', async () => {
    await writeUnsynced(3);
    await installCatalogue(fixtureCatalogue(), 'shipped', 'fixture-1', database);
    await saveSetting('language', 'ar', database);
    // The idle lock keeps the key for sync, so the push can still read the outbox.
    lock({ keepKeyForSyncMs: 60_000 });
    const order: string[] = [];
    const pushPending = vi.fn(async () => {
      order.push('push');
      const entries = await database.outbox.toArray();
      expect(entries).toHaveLength(3);
      // What the sync client does: decrypt each payload and send it.
      expect(await decryptPayload(entries[0]!)).toEqual({ name: 'Bewoner 0' });
      await database.outbox.clear();
      return true;
    });
    const now = await strikeNine();
    expect(pushPending).not.toHaveBeenCalled();
    const result: UnlockOutcome = await attemptUnlock('000000', {
      database,
      now,
      pushPending,
      isOnline: () => true,
    });
    order.push('after');
    expect(pushPending).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['push', 'after']);
    expect(result).toEqual({ outcome: 'wiped', push: 'pushed', unsyncedBefore: 3, lostChanges: 0 });
    expect(await database.checks.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
    expect(await readKeyring(database)).toBeUndefined();
    expect(getVaultStatus()).toBe('no-pin');
    // The catalogue and the settings stay: the app still works offline for a new set-up.
    expect(await database.regelingen.count()).toBeGreaterThan(0);
    expect(await loadSetting('language', database)).toBe('ar');
    expect((await readUnlockState(database)).failedAttempts).toBe(0);
  });

  it('offline, does not try to push, wipes, and says how many changes were lost', async () => {
    await writeUnsynced(2);
    lock();
    const pushPending = vi.fn(async () => true);
    const now = await strikeNine();
    const result = await attemptUnlock('000000', {
      database,
      now,
      pushPending,
      isOnline: () => false,
    });
    expect(pushPending).not.toHaveBeenCalled();
    expect(result).toEqual({
      outcome: 'wiped',
      push: 'offline',
      unsyncedBefore: 2,
      lostChanges: 2,
    });
    expect(await database.checks.count()).toBe(0);
  });

  it('wipes even when the push fails, and reports it', async () => {
    await writeUnsynced(1);
    lock();
    const now = await strikeNine();
    const result = await attemptUnlock('000000', {
      database,
      now,
      pushPending: async () => {
        throw new Error('network');
      },
      isOnline: () => true,
    });
    expect(result).toMatchObject({ outcome: 'wiped', push: 'failed', lostChanges: 1 });
    expect(await database.outbox.count()).toBe(0);
  });
});
