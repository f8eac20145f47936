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

/** Tokens live in the device database (not localStorage), next to the data they unlock. */
export interface StoredSession {
  user: PublicUser;
  deviceId: string;
  accessToken: string;
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  /** The server refused the refresh: the device keeps working offline but must sign in to sync. */
  needsLogin: boolean;
}

/** What the app may know about the session: never the tokens. */
export interface SessionInfo {
  user: PublicUser;
  deviceId: string;
  needsLogin: boolean;
  accessExpiresAt: string;
}

export async function readSession(database: DichtbijDb): Promise<StoredSession | undefined> {
  const row = await database.meta.get(META_SESSION);
  return row?.value as StoredSession | undefined;
}

export async function currentSession(database: DichtbijDb = db()): Promise<SessionInfo | null> {
  const s = await readSession(database);
  if (!s) return null;
  return {
    user: s.user,
    deviceId: s.deviceId,
    needsLogin: s.needsLogin,
    accessExpiresAt: s.accessExpiresAt,
  };
}
