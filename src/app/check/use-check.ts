import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { LockedError } from '../../data/crypto/errors';
import { getVaultStatus, loadVaultStatus, subscribeVault } from '../../data/crypto/vault';
import { CheckDataError, getCheck, type CheckRecord } from '../../data/repositories/checks';
import { log } from '../../data/log';

export type CheckLoad =
  | { status: 'loading' }
  | { status: 'locked' }
  | { status: 'not-found' }
  | { status: 'error' }
  | { status: 'ready'; check: CheckRecord };

/** Whether personal data may be shown now; re-renders when the app locks or unlocks. */
export function useVaultStatus() {
  const status = useSyncExternalStore(subscribeVault, getVaultStatus, getVaultStatus);
  useEffect(() => {
    // Normally the lock screen reads this at start-up; a deep link may arrive before it did.
    if (status === 'unknown') void loadVaultStatus().catch(() => undefined);
  }, [status]);
  return status;
}

/**
 * One check, decrypted. Loads again when the vault unlocks; `replace` lets a page show the record
 * a write returned without reading it back.
 */
export function useCheck(id: string | undefined): {
  load: CheckLoad;
  replace: (check: CheckRecord) => void;
} {
  const vault = useVaultStatus();
  const [load, setLoad] = useState<CheckLoad>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    if (id === undefined) {
      setLoad({ status: 'not-found' });
      return;
    }
    if (vault !== 'unlocked') {
      setLoad(vault === 'unknown' ? { status: 'loading' } : { status: 'locked' });
      return;
    }
    getCheck(id).then(
      (check) => {
        if (!cancelled) setLoad(check ? { status: 'ready', check } : { status: 'not-found' });
      },
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof LockedError) setLoad({ status: 'locked' });
        else {
          log.warn('check.load-failed', { reason: e instanceof CheckDataError ? 'data' : 'other' });
          setLoad({ status: 'error' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, vault]);

  const replace = useCallback((check: CheckRecord) => setLoad({ status: 'ready', check }), []);
  return { load, replace };
}
