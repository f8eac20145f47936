import Dexie from 'dexie';
import { loginProofMessage, refreshProofMessage } from '../../domain/sync/device-proof';
import { PROTOCOL_VERSION, tokenResponseSchema } from '../../domain/sync/protocol';
import type { TokenResponse } from '../../domain/sync/protocol';
import { offerRecoveryKey } from '../crypto/vault';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import type { HttpOptions } from '../http';
import { newId } from '../ids';
import { log } from '../log';
import { wipePersonalData } from '../lock/wipe';
import { registerWorker } from '../workers/registry';
import {
  META_DEVICE_KEY,
  ensureDeviceKey,
  publicKeyJwk,
  readDeviceKey,
  signDeviceProof,
} from './device-key';
import { flushRevocations, queueRevocation, signRevocation } from './revocations';
import type { SessionSecrets } from './session-secrets';
import { keepSecrets, loadSecrets } from './session-secrets';
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
  if (error.code === 'deviceRevoked') await markNeedsLogin(database);
  return error;
}

/** Keeps the user and all local data; only syncing waits for a new sign-in. */
async function markNeedsLogin(database: DichtbijDb): Promise<void> {
  const session = await readSession(database);
  if (session && !session.needsLogin)
    await database.meta.put({ key: META_SESSION, value: { ...session, needsLogin: true } });
}

function secretsOf(tokens: TokenResponse): SessionSecrets {
  return {
    accessToken: tokens.accessToken,
    accessExpiresAt: tokens.accessExpiresAt,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: tokens.refreshExpiresAt,
  };
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

export interface LoginOptions {
  /**
   * A sign-in to recover a forgotten PIN: it must be the same worker (another one's sign-in
   * must not replace hers on a locked device), and nothing is wiped.
   */
  recovery?: boolean;
}

/**
 * Signs in (needs a connection once), registering the device's key and proving it holds it.
 * Refuses when another user's changes are still waiting on this device: they must not be sent
 * under the new user's name.
 */
export async function login(
  email: string,
  password: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
  options: LoginOptions = {},
): Promise<SessionInfo> {
  // Revocations queued by an offline logout go first: the server is reachable now.
  await flushRevocations(database, transport).catch(() => 0);
  const id = await deviceId(database);
  const keys = await ensureDeviceKey(database);
  const previous = await readSession(database);
  let body: unknown;
  try {
    body = await transport('/api/auth/login', {
      body: {
        email,
        password,
        deviceId: id,
        protocolVersion: PROTOCOL_VERSION,
        publicKey: await publicKeyJwk(keys),
        proof: await signDeviceProof(keys, (p) => loginProofMessage(id, email, p)),
      },
    });
  } catch (e) {
    const error = toSyncError(e);
    // A lost device id is refused even with the right password; the device wipes itself.
    throw error.wipe ? await wipeLostDevice(database) : error;
  }
  const tokens = tokenResponseSchema.parse(body);
  if (previous && previous.user.id !== tokens.user.id) {
    if (options.recovery) throw new SyncError('recoveryOtherUser');
    const pending = (await database.outbox.count()) + (await database.rejected.count());
    if (pending > 0) throw new SyncError('otherUsersPendingChanges');
    // The previous worker's records, keyring and drafts must not stay for the next one.
    await wipePersonalData(database);
    // The device (its id and registered key) stays the same.
    await database.meta.bulkPut([
      { key: META_DEVICE_ID, value: id },
      { key: META_DEVICE_KEY, value: keys },
    ]);
  }
  // Kept in memory until the PIN is set or typed: then the data key is also wrapped with it.
  if (tokens.recoveryKey) offerRecoveryKey(tokens.recoveryKey, database);
  await keepSecrets(database, secretsOf(tokens), tokens.user.role);
  const session: StoredSession = { user: tokens.user, deviceId: id, needsLogin: false };
  await database.meta.put({ key: META_SESSION, value: session });
  // Listed on this tablet's "Wissel van medewerker" (public facts only; issue 16).
  await registerWorker(database.name, tokens.user).catch((e: unknown) =>
    log.warn('workers.register-failed', { name: e instanceof Error ? e.name : 'unknown' }),
  );
  log.info('sync.login', { role: tokens.user.role });
  return { user: session.user, deviceId: id, needsLogin: false };
}

/**
 * Signs out and removes personal data from the device, the device key included. Unsynced or
 * refused changes would be lost, so that needs `discardPending: true` (the app asks first).
 * When the server cannot be told now, a revocation signed by the key (just before it goes) is
 * queued and sent when the server is reachable, so the session ends there too.
 */
export async function logout(
  options: { discardPending?: boolean } = {},
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<{ revoked: 'now' | 'queued' | 'nothing-to-revoke' }> {
  const pending = (await database.outbox.count()) + (await database.rejected.count());
  if (pending > 0 && !options.discardPending) throw new SyncError('pendingChanges');
  const session = await readSession(database);
  let revokedNow = false;
  if (session && !session.needsLogin) {
    try {
      await requestWithSession(database, transport, '/api/auth/logout', {
        method: 'POST',
        body: {},
      });
      revokedNow = true;
    } catch (e) {
      log.info('sync.logout.server-unreachable', { code: toSyncError(e).code });
    }
  }
  const keys = await readDeviceKey(database);
  const ticket =
    !revokedNow && session && keys ? await signRevocation(session.deviceId, keys) : undefined;
  // Removes the records, the sealed secrets, the device key and the session (and forgets the
  // tokens in memory); the queued revocation is kept through it.
  await wipePersonalData(database);
  if (ticket) await queueRevocation(database, ticket);
  if (ticket) void flushRevocations(database, transport).catch(() => 0);
  return { revoked: revokedNow ? 'now' : ticket ? 'queued' : 'nothing-to-revoke' };
}

async function refresh(
  database: DichtbijDb,
  transport: Transport,
  session: StoredSession,
  secrets: SessionSecrets,
): Promise<SessionSecrets> {
  const keys = await readDeviceKey(database);
  if (!keys) {
    await markNeedsLogin(database);
    throw new SyncError('sessionExpired');
  }
  let body: unknown;
  try {
    body = await transport('/api/auth/refresh', {
      body: {
        deviceId: session.deviceId,
        refreshToken: secrets.refreshToken,
        proof: await signDeviceProof(keys, (p) =>
          refreshProofMessage(session.deviceId, secrets.refreshToken, p),
        ),
      },
    });
  } catch (e) {
    const error = toSyncError(e);
    if (error.wipe) throw error;
    if (
      error.code === 'sessionExpired' ||
      error.code === 'deviceRevoked' ||
      error.code === 'badRequest'
    ) {
      await markNeedsLogin(database);
      throw new SyncError(error.code === 'deviceRevoked' ? 'deviceRevoked' : 'sessionExpired');
    }
    throw error;
  }
  const next = secretsOf(tokenResponseSchema.parse(body));
  await keepSecrets(database, next, session.user.role);
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
  const session = await readSession(database);
  if (!session) throw new SyncError('notSignedIn');
  if (session.needsLogin) throw new SyncError('sessionExpired');
  // Throws LockedError (code `locked`) when the vault cannot open the sealed token now.
  let secrets = await loadSecrets(database);
  if (!secrets) {
    // Nothing usable on this device (e.g. a reload before the PIN was set): sign in again.
    await markNeedsLogin(database);
    throw new SyncError('sessionExpired');
  }
  if (!secrets.accessToken || Date.parse(secrets.accessExpiresAt) - Date.now() < 30_000)
    secrets = await refresh(database, transport, session, secrets);
  try {
    return await transport(path, { ...options, token: secrets.accessToken });
  } catch (e) {
    const error = toSyncError(e);
    if (error.code !== 'sessionExpired') throw error;
  }
  secrets = await refresh(database, transport, session, secrets);
  try {
    return await transport(path, { ...options, token: secrets.accessToken });
  } catch (e) {
    throw toSyncError(e);
  }
}

export async function sessionDeviceId(database: DichtbijDb): Promise<string> {
  const session = await readSession(database);
  if (!session) throw new SyncError('notSignedIn');
  return session.deviceId;
}
