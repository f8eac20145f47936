import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { DichtbijDb } from '../../../src/data/db';
import { lock, resetVault, setUpPin, unlock } from '../../../src/data/crypto/vault';
import { useSyncOnUnlock } from '../../../src/app/session/use-sync-on-unlock';

const database = new DichtbijDb('sync-on-unlock');
afterEach(async () => {
  resetVault();
  await database.delete();
});

describe('useSyncOnUnlock', () => {
  it('syncs when the PIN is first set and each time the vault is opened, not when it locks', async () => {
    const sync = vi.fn();
    renderHook(() => useSyncOnUnlock(sync));
    await setUpPin('246810', database);
    await waitFor(() => expect(sync).toHaveBeenCalledTimes(1));
    lock();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(await unlock('246810', database)).toBe(true);
    await waitFor(() => expect(sync).toHaveBeenCalledTimes(2));
  });
});
