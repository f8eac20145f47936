import type { PublicUser } from '../../domain/sync/roles';
import type { DichtbijDb } from '../db';
import { db } from '../db';

/*
 * The session as stored on the device, readable without the sync client: the header, the
 * session gate and the check need who is signed in on every start, the protocol code not.
 */

export const META_DEVICE_ID = 'sync.deviceId';
export const META_SESSION = 'sync.session';
export const META_CURSOR = 'sync.cursor';
export const META_STATUS = 'sync.status';

/**
 * Who is signed in, in the clear (the header shows it while locked). No token is stored here:
 * the access token lives in memory only and the refresh token is sealed by the vault
 * (session-secrets.ts); the device id alone opens nothing without the device's key.
 */
export interface StoredSession {
  user: PublicUser;
  deviceId: string;
  /** The server refused the refresh: the device keeps working offline but must sign in to sync. */
  needsLogin: boolean;
}

/** What the app may know about the session: never the tokens. */
export interface SessionInfo {
  user: PublicUser;
  deviceId: string;
  needsLogin: boolean;
}

export async function readSession(database: DichtbijDb): Promise<StoredSession | undefined> {
  const row = await database.meta.get(META_SESSION);
  const value = row?.value as StoredSession | undefined;
  return value && { user: value.user, deviceId: value.deviceId, needsLogin: value.needsLogin };
}

export async function currentSession(database: DichtbijDb = db()): Promise<SessionInfo | null> {
  const s = await readSession(database);
  if (!s) return null;
  return {
    user: s.user,
    deviceId: s.deviceId,
    needsLogin: s.needsLogin,
  };
}
