import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { META_STATUS } from './session-store';
import type { SyncErrorCode } from './sync-error';
import type { StoredSyncStatus } from './sync-running';
import { isSyncRunning, subscribeSyncRunning } from './sync-running';

export interface SyncStatus {
  /** Changes on this device not yet on the server. */
  pending: number;
  /** Fields that lost against another device's edit, waiting for a person to choose. */
  conflicts: number;
  /** Changes the server refused, kept with their reason. */
  rejected: number;
  lastSuccessAt: string | null;
  running: boolean;
  lastErrorCode: SyncErrorCode | null;
}

/** Live sync state for the "Nu synchroniseren" button and the header badge. */
export function useSyncStatus(database: DichtbijDb = db()): SyncStatus {
  const counts = useLiveQuery(
    async () => ({
      pending: await database.outbox.count(),
      conflicts: await database.conflicts.count(),
      rejected: await database.rejected.count(),
      status: (await database.meta.get(META_STATUS))?.value as StoredSyncStatus | undefined,
    }),
    [database],
  );
  const running = useSyncExternalStore(
    subscribeSyncRunning,
    () => isSyncRunning(database),
    () => false,
  );
  return {
    pending: counts?.pending ?? 0,
    conflicts: counts?.conflicts ?? 0,
    rejected: counts?.rejected ?? 0,
    lastSuccessAt: counts?.status?.lastSuccessAt ?? null,
    running,
    lastErrorCode: counts?.status?.lastErrorCode ?? null,
  };
}
