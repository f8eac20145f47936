import Dexie from 'dexie';
import { PROTOCOL_VERSION, tokenResponseSchema } from '../../domain/sync/protocol';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import type { HttpOptions } from '../http';
import { newId } from '../ids';
import { log } from '../log';
import { wipePersonalData } from '../lock/wipe';
import type { Transport } from './sync-error';
import { SyncError, toSyncError } from './sync-error';
import {
  META_DEVICE_ID,
  META_SESSION,
  readSession,
  type SessionInfo,
  type StoredSession,
} from './session-store';

/**
 * The server says this device was reported lost: remove every personal record, the keyring,
 * the tokens and the device id (a later sign-in registers as a new device). Unsynced work goes
 * too: from a lost device it cannot be trusted. If the wipe fails (the browser may already be
 * clearing storage because of Clear-Site-Data), the whole database is deleted instead.
 */
async function wipeLostDevice(database: DichtbijDb): Promise<SyncError> {
  try {
    await wipePersonalData(database);
  } catch (e) {
    log.warn('sync.wipe.fallback', { name: e instanceof Error ? e.name : 'unknown' });
    try {
      database.close();
      await Dexie.delete(database.name);
    } catch (again) {
      // Nothing was confirmed removed; the server keeps answering "wipe", so the next contact retries.
      log.error('sync.wipe.failed', { name: again instanceof Error ? again.name : 'unknown' });
      return new SyncError('server', 'wipe failed');
    }
  }
  log.warn('sync.device.wiped');
  return new SyncError('deviceWiped');
}

/**
 * What follows a refused request: a lost device wipes itself; a plain revoke keeps all local
 * data and only asks for a new sign-in before syncing again.
 */
async function afterRefusal(database: DichtbijDb, e: unknown): Promise<SyncError> {
  const error = toSyncError(e);
  if (error.wipe) return wipeLostDevice(database);
  if (error.code === 'deviceRevoked') {
    const session = await readSession(database);
    if (session && !session.needsLogin)
      await database.meta.put({ key: META_SESSION, value: { ...session, needsLogin: true } });
  }
  return error;
}

/** The device's id: made once, kept for the life of this database (one per browser profile). */
export async function deviceId(database: DichtbijDb = db()): Promise<string> {
  return database.transaction('rw', database.meta, async () => {
    const row = await database.meta.get(META_DEVICE_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = newId();
    await database.meta.put({ key: META_DEVICE_ID, value: id });
    return id;
  });
}

/**
 * Signs in (needs a connection once). Refuses when another user's changes are still waiting on
 * this device: they must not be sent under the new user's name.
 */
export async function login(
  email: string,
  password: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<SessionInfo> {
  const id = await deviceId(database);
  const previous = await readSession(database);
  let body: unknown;
  try {
    body = await transport('/api/auth/login', {
      body: { email, password, deviceId: id, protocolVersion: PROTOCOL_VERSION },
    });
  } catch (e) {
    const error = toSyncError(e);
    // A lost device id is refused even with the right password; the device wipes itself.
    throw error.wipe ? await wipeLostDevice(database) : error;
  }
  const tokens = tokenResponseSchema.parse(body);
  if (previous && previous.user.id !== tokens.user.id) {
    const pending = (await database.outbox.count()) + (await database.rejected.count());
    if (pending > 0) throw new SyncError('otherUsersPendingChanges');
    // The previous worker's records, keyring and drafts must not stay for the next one.
    await wipePersonalData(database);
    await database.meta.put({ key: META_DEVICE_ID, value: id });
  }
  const session: StoredSession = { ...tokens, deviceId: id, needsLogin: false };
  await database.meta.put({ key: META_SESSION, value: session });
  log.info('sync.login', { role: tokens.user.role });
  return {
    user: session.user,
    deviceId: id,
    needsLogin: false,
    accessExpiresAt: session.accessExpiresAt,
  };
}

/**
 * Signs out and removes personal data from the device. Unsynced or refused changes would be
 * lost, so that needs `discardPending: true` (the app asks first).
 */
export async function logout(
  options: { discardPending?: boolean } = {},
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<void> {
  const pending = (await database.outbox.count()) + (await database.rejected.count());
  if (pending > 0 && !options.discardPending) throw new SyncError('pendingChanges');
  const session = await readSession(database);
  if (session && !session.needsLogin) {
    try {
      await transport('/api/auth/logout', { method: 'POST', body: {}, token: session.accessToken });
    } catch (e) {
      // Offline or already expired: the server-side session runs out by itself.
      log.info('sync.logout.server-unreachable', { code: toSyncError(e).code });
    }
  }
  await wipePersonalData(database);
  await database.meta.delete(META_SESSION);
}

async function refresh(
  database: DichtbijDb,
  transport: Transport,
  session: StoredSession,
): Promise<StoredSession> {
  let body: unknown;
  try {
    body = await transport('/api/auth/refresh', {
      body: { deviceId: session.deviceId, refreshToken: session.refreshToken },
    });
  } catch (e) {
    const error = toSyncError(e);
    if (error.wipe) throw error;
    if (
      error.code === 'sessionExpired' ||
      error.code === 'deviceRevoked' ||
      error.code === 'badRequest'
    ) {
      // Keep the user and all local data; only syncing waits for a new sign-in.
      await database.meta.put({ key: META_SESSION, value: { ...session, needsLogin: true } });
      throw new SyncError(error.code === 'deviceRevoked' ? 'deviceRevoked' : 'sessionExpired');
    }
    throw error;
  }
  const tokens = tokenResponseSchema.parse(body);
  const next: StoredSession = { ...session, ...tokens, needsLogin: false };
  await database.meta.put({ key: META_SESSION, value: next });
  return next;
}

/**
 * A request with the access token; refreshes once when it has run out. A device reported lost
 * is wiped here (push, pull and refresh all pass through), and fails with `deviceWiped`.
 */
export async function authorizedRequest(
  database: DichtbijDb,
  transport: Transport,
  path: string,
  options: HttpOptions,
): Promise<unknown> {
  try {
    return await requestWithSession(database, transport, path, options);
  } catch (e) {
    throw await afterRefusal(database, e);
  }
}

async function requestWithSession(
  database: DichtbijDb,
  transport: Transport,
  path: string,
  options: HttpOptions,
): Promise<unknown> {
  let session = await readSession(database);
  if (!session) throw new SyncError('notSignedIn');
  if (session.needsLogin) throw new SyncError('sessionExpired');
  if (Date.parse(session.accessExpiresAt) - Date.now() < 30_000)
    session = await refresh(database, transport, session);
  try {
    return await transport(path, { ...options, token: session.accessToken });
  } catch (e) {
    const error = toSyncError(e);
    if (error.code !== 'sessionExpired') throw error;
  }
  session = await refresh(database, transport, session);
  try {
    return await transport(path, { ...options, token: session.accessToken });
  } catch (e) {
    throw toSyncError(e);
  }
}

export async function sessionDeviceId(database: DichtbijDb): Promise<string> {
  const session = await readSession(database);
  if (!session) throw new SyncError('notSignedIn');
  return session.deviceId;
}
