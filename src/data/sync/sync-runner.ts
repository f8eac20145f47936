import type { DichtbijDb } from '../db';
import { db, workerDb } from '../db';
import { canSync } from '../crypto/vault';
import { listWorkers } from '../workers/registry';
import { log } from '../log';
import { requestJson } from '../http';
import {
  CLOSED_STATUSES,
  DEFAULT_RETENTION_DAYS,
  removeExpiredClosedRecords,
} from '../lock/retention';
import { flushRevocations } from './revocations';
import { META_SESSION, META_STATUS } from './session-store';
import type { SyncErrorCode } from './sync-error';
import { toSyncError } from './sync-error';
import type { SyncOptions, SyncReport } from './sync-engine';
import { runSync } from './sync-engine';
import { setRunning, type StoredSyncStatus } from './sync-running';
import { notifyCatalogueInstalled } from '../catalogue/catalogue-events';
import { sendTallies } from '../spreekuur/tallies';

export type SyncOutcome = { ok: true; report: SyncReport } | { ok: false; code: SyncErrorCode };

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** One tab syncs at a time: Web Locks when the browser has them, else one sync per page. */
function withTabLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? locks.request(`dichtbij-sync:${name}`, fn) : fn();
}

async function writeStatus(database: DichtbijDb, patch: Partial<StoredSyncStatus>): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const current = ((await database.meta.get(META_STATUS))?.value as
      StoredSyncStatus | undefined) ?? {
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastErrorCode: null,
    };
    await database.meta.put({ key: META_STATUS, value: { ...current, ...patch } });
  });
}

const inFlight = new Map<string, Promise<SyncOutcome>>();

/**
 * Syncs now (the "Nu synchroniseren" button, start-up, `online`). Calls while one runs share
 * it. Never throws: the outcome carries a code the app can show.
 */
export function syncNow(
  database: DichtbijDb = db(),
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const existing = inFlight.get(database.name);
  if (existing) return existing;
  const run = (async (): Promise<SyncOutcome> => {
    setRunning(database.name, true);
    const startedAt = new Date().toISOString();
    try {
      const report = await withTabLock(database.name, () => runSync(database, options));
      await writeStatus(database, {
        lastSuccessAt: new Date().toISOString(),
        lastAttemptAt: startedAt,
        lastErrorCode: null,
      });
      // Closed records the server now holds leave the device after the retention period.
      await removeExpiredClosedRecords(
        new Date(),
        DEFAULT_RETENTION_DAYS,
        CLOSED_STATUSES,
        database,
      ).catch((e: unknown) =>
        log.warn('retention.failed', { error: e instanceof Error ? e.name : 'unknown' }),
      );
      if (report.catalogueUpdated) notifyCatalogueInstalled();
      // Anonymous quick-check tallies travel with each sync; a failure leaves them queued.
      await sendTallies(database, options.transport ?? requestJson).catch((e: unknown) =>
        log.warn('spreekuur.tallies-failed', { error: e instanceof Error ? e.name : 'unknown' }),
      );
      log.info('sync.done', {
        pushed: report.pushed,
        pulled: report.pulled,
        conflicts: report.conflicts,
        rejected: report.rejected,
      });
      return { ok: true, report };
    } catch (e) {
      const error = toSyncError(e);
      await writeStatus(database, { lastAttemptAt: startedAt, lastErrorCode: error.code }).catch(
        () => undefined,
      );
      log.warn('sync.failed', { code: error.code });
      return { ok: false, code: error.code };
    } finally {
      setRunning(database.name, false);
      inFlight.delete(database.name);
    }
  })();
  inFlight.set(database.name, run);
  return run;
}

/**
 * Syncs every worker of this tablet who can sync now (issue 16): the worker at the screen, and
 * each other one whose key is still kept for sync, each with her own database, token and device
 * key. They run side by side and one failing (refused, expired) does not hold up the others.
 */
export async function syncAllWorkers(
  options: SyncOptions = {},
): Promise<{ dbName: string; outcome: SyncOutcome }[]> {
  const active = db();
  const others = await listWorkers().catch(() => []);
  const targets = [
    active,
    ...others.filter((w) => w.dbName !== active.name).map((w) => workerDb(w.dbName)),
  ];
  const runs = targets.map(async (database) => {
    // Another worker's database is only synced with her key in memory (kept when she stepped
    // away); without it her outbox cannot be read and her sealed token not opened.
    if (database !== active && !canSync(database)) return undefined;
    if (!(await database.meta.get(META_SESSION))) return undefined;
    return { dbName: database.name, outcome: await syncNow(database, options) };
  });
  return (await Promise.all(runs)).filter((r) => r !== undefined);
}

export interface AutoSyncOptions extends SyncOptions {
  /** How often to sync while online and visible (default one minute). */
  intervalMs?: number;
}

/**
 * Syncs on start, when the connection returns, when the app becomes visible and periodically
 * while online. Returns a function that stops it. Does nothing until someone is signed in.
 * Revocations queued by a logout live in the database that logged out; the active one's are
 * sent here (a logged-out worker's database is the active one right after her logout).
 */
export function startAutoSync(database?: DichtbijDb, options: AutoSyncOptions = {}): () => void {
  const { intervalMs = 60_000, ...syncOptions } = options;
  const trigger = () => {
    // A logout that could not reach the server left a signed revocation: deliver it first.
    void flushRevocations(database ?? db(), syncOptions.transport ?? requestJson).catch(() => 0);
    // Without a database: every worker of the tablet (the app); with one: that one (tests).
    if (!database) {
      void syncAllWorkers(syncOptions);
      return;
    }
    void database.meta.get(META_SESSION).then((row) => {
      if (row) void syncNow(database, syncOptions);
    });
  };
  const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
  const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
  const onVisibility = () => {
    if (visible() && online()) trigger();
  };
  trigger();
  const timer = setInterval(() => {
    if (online() && visible()) trigger();
  }, intervalMs);
  if (typeof window !== 'undefined') window.addEventListener('online', trigger);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', trigger);
    if (typeof document !== 'undefined')
      document.removeEventListener('visibilitychange', onVisibility);
  };
}
