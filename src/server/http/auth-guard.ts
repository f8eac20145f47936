import type { Context } from 'hono';
import { verifyAccessToken } from '../auth/tokens';
import { log } from '../log';
import type { DeviceRecord, KnownStamps, SyncStorage, UserRecord } from '../storage/sync-storage';
import type { AuthGuard, Env } from './route-kit';
import { fail, isLost, scopeUser, wipeDevice } from './route-kit';

/**
 * Lets a request through only with a valid access token of a live device of an enabled user;
 * a device reported lost is told to wipe itself.
 */
export function authGuard(storage: SyncStorage, jwtSecret: Uint8Array, now: () => Date): AuthGuard {
  return async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match?.[1]) return fail(c, 401, 'unauthorized', 'Sign in first.');
    const verified = await verifyAccessToken(match[1], jwtSecret, now());
    if (!verified.ok) {
      return fail(
        c,
        401,
        verified.reason,
        verified.reason === 'tokenExpired'
          ? 'The session has expired; refresh it.'
          : 'The token is not valid.',
      );
    }
    const { user, device, stamps } = await sessionParties(
      storage,
      verified.claims.userId,
      verified.claims.deviceId,
    );
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    if (!user || user.disabled) return fail(c, 401, 'unauthorized', 'This account cannot sign in.');
    // Revocation takes effect at once, not only when the access token runs out, and stays:
    // a later sign-in raises the generation, so this token does not come back to life.
    if (
      !device ||
      device.userId !== user.id ||
      device.revokedAt !== null ||
      device.generation !== verified.claims.generation
    ) {
      return fail(c, 401, 'deviceRevoked', 'This device was signed out; sign in again.');
    }
    c.set('user', user);
    c.set('actor', { user: scopeUser(user), deviceId: device.id });
    if (stamps) c.set('stamps', stamps);
    await next();
    return undefined;
  };
}

/**
 * The token's account and device. Every request asks, so the usual case (a device bound to
 * the token's account) is one statement, which also brings the stamps a push checks against;
 * anything else reads both on their own, so the guard answers exactly as it would with two
 * separate reads.
 */
async function sessionParties(
  storage: SyncStorage,
  userId: string,
  deviceId: string,
): Promise<{
  user: UserRecord | undefined;
  device: DeviceRecord | undefined;
  stamps?: KnownStamps;
}> {
  const bound = await storage.getDeviceWithOwner(deviceId);
  if (bound && bound.owner.id === userId) {
    return { user: bound.owner, device: bound.device, stamps: bound.stamps };
  }
  const [user, device] = await Promise.all([storage.getUser(userId), storage.getDevice(deviceId)]);
  return { user, device };
}
