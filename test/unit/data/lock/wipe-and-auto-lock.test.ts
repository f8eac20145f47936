import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import { getVaultStatus, lock, readKeyring } from '../../../../src/data/crypto/vault';
import { canSync } from '../../../../src/data/crypto/vault';
import { saveDraft } from '../../../../src/data/drafts';
import { saveSetting } from '../../../../src/data/settings';
import { wipePersonalData } from '../../../../src/data/lock/wipe';
import {
  loadIdleMinutes,
  saveIdleMinutes,
  startAutoLock,
} from '../../../../src/data/lock/auto-lock';
import { requestPersistentStorage } from '../../../../src/data/lock/storage';
import { appendEvent, writeRecords } from '../../../../src/data/repositories/records';
import { withUnlockedVault } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;
beforeEach(() => {
  database = new DichtbijDb(`wipe-${n++}`);
});
withUnlockedVault(() => database);
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await database.delete();
});

describe('wipePersonalData', () => {
  it('empties every personal table and the keyring, session and cursor; keeps catalogue rows and settings', async () => {
    const now = new Date().toISOString();
    await writeRecords(
      [
        {
          record: {
            id: 's1',
            entityType: 'signal',
            version: 0,
            createdAt: now,
            updatedAt: now,
            data: { a: 1 },
          },
          op: 'put',
          payload: { a: 1 },
        },
      ],
      database,
    );
    await appendEvent('signal', 's1', { kind: 'note', body: 'x' }, database);
    await database.conflicts.put({
      id: 'k1',
      entityType: 'signal',
      entityId: 's1',
      field: 'data.a',
      values: { sealed: true },
      mutationId: 'm1',
      serverVersion: 1,
      createdAt: now,
    });
    await database.drafts.put({ key: 'check-form', value: { name: 'x' }, updatedAt: now });
    saveDraft('pending-form', { name: 'nog niet geschreven' }, database);
    await database.regelingen.put({ id: 'r1' } as never);
    await database.meta.bulkPut([
      { key: 'catalogue', value: { version: 'v1' } },
      { key: 'sync.session', value: { refreshToken: 'secret' } },
      { key: 'sync.cursor', value: { cursor: 10 } },
    ]);
    await saveSetting('language', 'en', database);

    const result = await wipePersonalData(database);

    expect(result.removed).toMatchObject({
      signals: 1,
      outbox: 2,
      events: 1,
      conflicts: 1,
      drafts: 1,
    });
    // The draft still waiting in memory is dropped, and never lands after the wipe.
    await new Promise((r) => setTimeout(r, 400));
    for (const t of [
      'checks',
      'signals',
      'outbox',
      'events',
      'conflicts',
      'drafts',
      'rejected',
    ] as const) {
      expect(await database.table(t).count()).toBe(0);
    }
    expect(await readKeyring(database)).toBeUndefined();
    expect((await database.meta.toCollection().primaryKeys()).sort()).toEqual([
      'catalogue',
      'setting:language',
    ]);
    expect(await database.regelingen.count()).toBe(1);
    expect(getVaultStatus()).toBe('no-pin');
  });
});

describe('startAutoLock', () => {
  it('locks after the idle time without input, and activity postpones it', async () => {
    vi.useFakeTimers();
    const stop = startAutoLock({ idleMs: 60_000, hiddenMs: 30_000, keepKeyForSyncMs: 0 });
    await vi.advanceTimersByTimeAsync(50_000);
    document.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(50_000);
    expect(getVaultStatus()).toBe('unlocked');
    await vi.advanceTimersByTimeAsync(11_000);
    expect(getVaultStatus()).toBe('locked');
    expect(canSync()).toBe(false);
    stop();
  });

  it('locks when the page was hidden longer than the limit, not for a short switch', async () => {
    vi.useFakeTimers();
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const stop = startAutoLock({ idleMs: 600_000, hiddenMs: 30_000 });
    const setVisibility = (v: DocumentVisibilityState) => {
      visibility = v;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(10_000);
    setVisibility('visible');
    expect(getVaultStatus()).toBe('unlocked');
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(31_000);
    setVisibility('visible');
    expect(getVaultStatus()).toBe('locked');
    // The key stays for background sync for a while (default 8 h), then goes.
    expect(canSync()).toBe(true);
    await vi.advanceTimersByTimeAsync(8 * 60 * 60 * 1000);
    expect(canSync()).toBe(false);
    stop();
  });

  it('stores the idle time as a device setting, within 1–60 minutes', async () => {
    expect(await loadIdleMinutes(database)).toBe(5);
    await saveIdleMinutes(2, database);
    expect(await loadIdleMinutes(database)).toBe(2);
    await saveIdleMinutes(500, database);
    expect(await loadIdleMinutes(database)).toBe(60);
  });
});

describe('requestPersistentStorage', () => {
  it('asks once and remembers the answer', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { ...navigator, storage: { persist, persisted: async () => true } });
    expect(await requestPersistentStorage(database)).toBe('granted');
    expect(await requestPersistentStorage(database)).toBe('asked-before');
    expect(persist).toHaveBeenCalledTimes(1);
    lock();
  });
});
