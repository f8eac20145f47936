import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { VaultStatus } from '../../data/crypto/vault';
import { getVaultStatus, loadVaultStatus, lock, subscribeVault } from '../../data/crypto/vault';
import type { UnlockOutcome, UnlockState } from '../../data/lock/unlock-attempts';
import { attemptUnlock, readUnlockState } from '../../data/lock/unlock-attempts';
import type { PersistOutcome } from '../../data/lock/storage';
import { setUpVault } from '../../data/lock/set-up';
import { log } from '../../data/log';

export type WipedOutcome = Extract<UnlockOutcome, { outcome: 'wiped' }>;

export interface VaultApi {
  status: VaultStatus;
  /** Tries left and any waiting time; null until read (only while locked). */
  unlockState: UnlockState | null;
  /** Set after a 10-strike wipe, so the screen can say what happened; cleared by `acknowledgeWipe`. */
  wiped: WipedOutcome | null;
  setUp: (pin: string) => Promise<PersistOutcome>;
  unlock: (pin: string) => Promise<UnlockOutcome>;
  lock: () => void;
  acknowledgeWipe: () => void;
}

export interface UseVaultOptions {
  /** The sync client's push, so unsynced work is saved before a 10-strike wipe. */
  pushPending?: () => Promise<boolean>;
}

/** The vault for React: its status (re-renders on lock/unlock) and the actions of the lock screens. */
export function useVault(options: UseVaultOptions = {}): VaultApi {
  const { pushPending } = options;
  const status = useSyncExternalStore(subscribeVault, getVaultStatus, getVaultStatus);
  const [unlockState, setUnlockState] = useState<UnlockState | null>(null);
  const [wiped, setWiped] = useState<WipedOutcome | null>(null);

  useEffect(() => {
    if (status !== 'unknown') return;
    loadVaultStatus().catch(() => log.error('vault.load-failed'));
  }, [status]);

  useEffect(() => {
    if (status !== 'locked') return;
    let live = true;
    void readUnlockState().then((s) => {
      if (live) setUnlockState(s);
    });
    return () => {
      live = false;
    };
  }, [status]);

  const setUp = useCallback(async (pin: string) => (await setUpVault(pin)).persistence, []);

  const unlock = useCallback(
    async (pin: string) => {
      const result = await attemptUnlock(pin, pushPending ? { pushPending } : {});
      if (result.outcome === 'wiped') setWiped(result);
      else if (result.outcome !== 'unlocked') setUnlockState(result.state);
      return result;
    },
    [pushPending],
  );

  return {
    status,
    unlockState,
    wiped,
    setUp,
    unlock,
    lock: () => lock(),
    acknowledgeWipe: () => setWiped(null),
  };
}
