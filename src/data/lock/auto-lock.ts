import type { DichtbijDb } from '../db';
import { db } from '../db';
import { DEFAULT_SYNC_KEY_TTL_MS, getVaultStatus, lock, subscribeVault } from '../crypto/vault';
import { loadSetting, saveSetting } from '../settings';

export const DEFAULT_IDLE_MINUTES = 5;
/** Hidden (other app, screen off, tab switched) longer than this locks at once on return. */
export const DEFAULT_HIDDEN_MS = 30_000;
const IDLE_SETTING = 'idle-lock-minutes';
const MIN_IDLE_MINUTES = 1;
const MAX_IDLE_MINUTES = 60;

/** The idle time in minutes, from the device settings (meta), within 1–60. */
export async function loadIdleMinutes(database: DichtbijDb = db()): Promise<number> {
  const raw = Number(await loadSetting(IDLE_SETTING, database));
  if (!Number.isFinite(raw) || raw <= 0) return DEFAULT_IDLE_MINUTES;
  return Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, Math.round(raw)));
}

export async function saveIdleMinutes(minutes: number, database: DichtbijDb = db()): Promise<void> {
  const clamped = Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, Math.round(minutes)));
  await saveSetting(IDLE_SETTING, String(clamped), database);
}

export interface AutoLockOptions {
  idleMs?: number;
  hiddenMs?: number;
  /**
   * While locked, keep the key for the sync client this long, so unsynced work can still be
   * pushed (and a 10-strike wipe can push first); 0 drops it at once (architecture §2.5).
   */
  keepKeyForSyncMs?: number;
  doc?: Document;
  now?: () => number;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

/**
 * Locks the vault after `idleMs` without input, and when the page was hidden longer than
 * `hiddenMs`. Timers are throttled in hidden pages, so the hidden time is also checked when the
 * page comes back. Returns a function that stops watching.
 */
export function startAutoLock(options: AutoLockOptions = {}): () => void {
  const doc = options.doc ?? document;
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MINUTES * 60_000;
  const hiddenMs = options.hiddenMs ?? DEFAULT_HIDDEN_MS;
  const keepKeyForSyncMs = options.keepKeyForSyncMs ?? DEFAULT_SYNC_KEY_TTL_MS;
  let lastActivity = now();
  let hiddenAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Drops a key kept for sync when its time is up, so it does not linger until next used. */
  let forgetTimer: ReturnType<typeof setTimeout> | undefined;

  const lockNow = () => lock({ keepKeyForSyncMs });

  const schedule = () => {
    clearTimeout(timer);
    if (getVaultStatus() !== 'unlocked') return;
    const left = lastActivity + idleMs - now();
    if (left <= 0) {
      lockNow();
      return;
    }
    timer = setTimeout(schedule, left);
  };

  const onActivity = () => {
    // Only the timestamp: rescheduling on every scroll event would cost more than it saves.
    lastActivity = now();
  };

  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') {
      hiddenAt = now();
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (getVaultStatus() === 'unlocked') lockNow();
      }, hiddenMs);
      return;
    }
    if (hiddenAt !== null && now() - hiddenAt >= hiddenMs && getVaultStatus() === 'unlocked') {
      lockNow();
    }
    hiddenAt = null;
    lastActivity = now();
    schedule();
  };

  const unsubscribe = subscribeVault(() => {
    if (getVaultStatus() === 'unlocked') {
      clearTimeout(forgetTimer);
      forgetTimer = undefined;
      lastActivity = now();
      schedule();
    } else {
      clearTimeout(timer);
      if (getVaultStatus() === 'locked' && forgetTimer === undefined && keepKeyForSyncMs > 0) {
        forgetTimer = setTimeout(() => lock(), keepKeyForSyncMs);
      }
    }
  });
  for (const type of ACTIVITY_EVENTS)
    doc.addEventListener(type, onActivity, { passive: true, capture: true });
  doc.addEventListener('visibilitychange', onVisibility);
  schedule();

  return () => {
    clearTimeout(timer);
    clearTimeout(forgetTimer);
    unsubscribe();
    for (const type of ACTIVITY_EVENTS)
      doc.removeEventListener(type, onActivity, { capture: true });
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
