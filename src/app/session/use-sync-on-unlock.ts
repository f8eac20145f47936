import { useEffect } from 'react';
import { getVaultStatus, subscribeVault } from '../../data/crypto/vault';

/**
 * Sync cannot read the outbox while the vault is locked; once the PIN opens it (also right after
 * the first sign-in), bring the device up to date instead of waiting for the next tick.
 */
export function useSyncOnUnlock(sync: () => unknown): void {
  useEffect(
    () =>
      subscribeVault(() => {
        if (getVaultStatus() === 'unlocked') sync();
      }),
    [sync],
  );
}
