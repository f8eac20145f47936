import { errorBodySchema } from '../../domain/sync/protocol';
import { HttpError, OfflineError } from '../http';
import type { HttpOptions } from '../http';

/** What the app shows after a sync or login attempt; stable strings, translated by the app. */
export type SyncErrorCode =
  | 'offline'
  | 'locked'
  | 'notSignedIn'
  | 'invalidCredentials'
  | 'sessionExpired'
  /** Signed out from elsewhere (logout, beheerder): sign in again; unsynced work is kept. */
  | 'deviceRevoked'
  /** Reported lost by a beheerder: all personal data was removed from this device. */
  | 'deviceWiped'
  /** Too many failed sign-ins; `retryAfterSeconds` says how long to wait. */
  | 'tooManyAttempts'
  | 'clientTooOld'
  | 'serverTooOld'
  | 'badRequest'
  | 'server'
  | 'pendingChanges'
  | 'otherUsersPendingChanges'
  /** A "PIN vergeten?" sign-in by another worker than the one whose device this is. */
  | 'recoveryOtherUser';

export interface SyncErrorExtra {
  /** The server asked this device to wipe itself (it was reported lost). */
  wipe?: boolean;
  retryAfterSeconds?: number;
}

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly wipe: boolean;
  readonly retryAfterSeconds: number | undefined;
  constructor(code: SyncErrorCode, message: string = code, extra: SyncErrorExtra = {}) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.wipe = extra.wipe === true;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

/** The network call sync makes; tests and the benchmark swap in their own. */
export type Transport = (path: string, options: HttpOptions) => Promise<unknown>;

/** Maps a failed request to one code the device can act on (retry, sign in, update). */
export function toSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  // The vault is locked and no key was kept for sync: nothing can be sealed or opened.
  if (e instanceof Error && e.name === 'LockedError') return new SyncError('locked');
  if (e instanceof OfflineError) return new SyncError('offline');
  if (e instanceof HttpError) {
    const parsed = errorBodySchema.safeParse(e.body);
    const reason = parsed.success ? parsed.data.error : undefined;
    // 401 for a plain revoke, 403 with action "wipe" for a device reported lost.
    if (reason === 'deviceRevoked') {
      return new SyncError('deviceRevoked', 'deviceRevoked', {
        wipe: parsed.success && parsed.data.action === 'wipe',
      });
    }
    if (e.status === 429) {
      const retryAfterSeconds = parsed.success ? parsed.data.retryAfter : undefined;
      return new SyncError(
        'tooManyAttempts',
        'tooManyAttempts',
        retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
      );
    }
    if (e.status === 401) {
      if (reason === 'invalidCredentials') return new SyncError('invalidCredentials');
      return new SyncError('sessionExpired');
    }
    if (e.status === 409 && (reason === 'clientTooOld' || reason === 'serverTooOld')) {
      return new SyncError(reason === 'clientTooOld' ? 'clientTooOld' : 'serverTooOld');
    }
    if (e.status >= 400 && e.status < 500) return new SyncError('badRequest');
    return new SyncError('server');
  }
  return new SyncError('server', e instanceof Error ? e.message : String(e));
}
