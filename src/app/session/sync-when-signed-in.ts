import { liveQuery } from 'dexie';
import { db } from '../../data/db';
import { META_SESSION } from '../../data/sync/session-store';

/**
 * Starts automatic sync once someone is signed in on this device: at start when a session is
 * stored, else at sign-in. Until then the sync client (protocol, zod schemas, apply, vault) is
 * not even downloaded, so the first screen waits for none of it.
 */
export function startSyncWhenSignedIn(): void {
  let started = false;
  const subscription = liveQuery(() => db().meta.get(META_SESSION)).subscribe({
    next: (row) => {
      if (!row || started) return;
      started = true;
      // liveQuery answers asynchronously, so the subscription exists by now.
      subscription.unsubscribe();
      void import('../../data/sync/sync-runner').then(({ startAutoSync }) => startAutoSync());
    },
    // No database (private mode, full disk): nothing to sync; the app says so where it matters.
    error: () => undefined,
  });
}
