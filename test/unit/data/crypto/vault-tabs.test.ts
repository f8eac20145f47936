import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getVaultStatus,
  lock,
  resetVault,
  syncKey,
  unlock,
} from '../../../../src/data/crypto/vault';
import { DichtbijDb } from '../../../../src/data/db';
import { TEST_PIN, unlockVaultFor } from '../../helpers/unlocked-vault';

/** Issue 10, item 5: one tab locks, every tab of the device locks; unlocking stays per tab. */

let database: DichtbijDb;
let otherTab: BroadcastChannel;
let n = 0;
const heard: unknown[] = [];

beforeEach(async () => {
  database = new DichtbijDb(`vault-tabs-${n++}`);
  await unlockVaultFor(database);
  // Another tab of the same device: a channel of the same name in another context.
  otherTab = new BroadcastChannel(`dichtbij-vault:${database.name}`);
  heard.length = 0;
  otherTab.onmessage = (e: MessageEvent) => heard.push(e.data);
});
afterEach(async () => {
  otherTab.close();
  resetVault();
  await database.delete();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('locking across tabs', () => {
  it('locks this tab when another tab locks, and drops the key', async () => {
    expect(getVaultStatus()).toBe('unlocked');
    otherTab.postMessage({ type: 'lock', keepKeyForSyncMs: 0 });
    await until(() => getVaultStatus() === 'locked');
    expect(getVaultStatus()).toBe('locked');
    expect(() => syncKey()).toThrow();
    // Unlocking here does not need the other tab.
    expect(await unlock(TEST_PIN, database)).toBe(true);
  });

  it('tells the other tabs when this tab locks or is wiped', async () => {
    lock();
    await until(() => heard.length > 0);
    expect(heard).toEqual([{ type: 'lock', keepKeyForSyncMs: 0 }]);
    expect(await unlock(TEST_PIN, database)).toBe(true);
    resetVault();
    await until(() => heard.length > 1);
    expect(heard[1]).toEqual({ type: 'wiped' });
  });

  it('does not let another tab lock a vault of another database', async () => {
    const stranger = new BroadcastChannel('dichtbij-vault:some-other-db');
    stranger.postMessage({ type: 'lock', keepKeyForSyncMs: 0 });
    await new Promise((r) => setTimeout(r, 100));
    stranger.close();
    expect(getVaultStatus()).toBe('unlocked');
  });
});
