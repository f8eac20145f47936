import type { ErrorReason } from '../../domain/sync/protocol';
import {
  loginRequestSchema,
  refreshRequestSchema,
  revokeRequestSchema,
} from '../../domain/sync/protocol';
import { checkRefreshProof, checkRevokeProof, decideLoginDevice } from '../auth/device-binding';
import { loginSucceeded, openLoginGate } from '../auth/login-rate-limit';
import { dummyHash, verifyPassword } from '../auth/passwords';
import {
  ACCESS_TTL_SECONDS,
  REFRESH_REUSE_SECONDS,
  REFRESH_TTL_SECONDS,
  hashToken,
  newRefreshToken,
  signAccessToken,
  successorRefreshToken,
} from '../auth/tokens';
import { log } from '../log';
import { clientAddress } from '../request-origin';
import type { UserRecord } from '../storage/sync-storage';
import type { RouteDeps } from './route-kit';
import {
  LIMITS,
  describe,
  fail,
  isLost,
  limit,
  protocolProblem,
  publicUser,
  readJson,
  wipeDevice,
} from './route-kit';

const DEVICE_TAKEN =
  'This device is signed in for another account. Sign out there first, or ask a beheerder to sign that device out.';

/** Sign-in, token refresh, queued revocation and sign-out. */
export function registerAuthRoutes({ app, options, storage, now, auth }: RouteDeps): void {
  const { jwtSecret } = options;
  const accessTtl = options.accessTtlSeconds ?? ACCESS_TTL_SECONDS;

  async function issueTokens(
    user: UserRecord,
    deviceId: string,
    generation: number,
    refreshToken: string,
  ) {
    const at = now();
    const access = await signAccessToken(
      { userId: user.id, deviceId, generation },
      jwtSecret,
      at,
      accessTtl,
    );
    return {
      accessToken: access.token,
      accessExpiresAt: access.expiresAt,
      refreshToken,
      refreshExpiresAt: new Date(at.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString(),
      user: publicUser(user),
    };
  }

  app.post('/api/auth/login', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const problem = protocolProblem(body.value);
    if (problem)
      return fail(
        c,
        409,
        problem,
        problem === 'clientTooOld' ? 'Update the app.' : 'The server is older than the app.',
      );
    const parsed = loginRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The login request is not valid.', describe(parsed.error));
    // Unknown addresses are limited too, so a 429 does not reveal which accounts exist.
    const gate = await openLoginGate(storage, jwtSecret, {
      email: parsed.data.email,
      address: clientAddress(c, options.trustProxy ?? false),
      now: now(),
      ...(options.loginLimits ? { limits: options.loginLimits } : {}),
    });
    if (!gate.ok) {
      log.warn('auth.login.limited', { retryAfter: gate.retryAfterSeconds });
      c.header('retry-after', String(gate.retryAfterSeconds));
      const seconds = gate.retryAfterSeconds;
      const minutes = Math.ceil(seconds / 60);
      const wait =
        seconds < 60
          ? `${seconds} second${seconds === 1 ? '' : 's'}`
          : `${minutes} minute${minutes === 1 ? '' : 's'}`;
      return c.json(
        {
          error: 'tooManyAttempts' satisfies ErrorReason,
          message: `Too many failed sign-ins. Try again in ${wait}.`,
          retryAfter: gate.retryAfterSeconds,
        },
        429,
      );
    }
    const user = await storage.findUserByEmail(parsed.data.email);
    // Verify against a dummy hash for unknown users, so the answer time does not reveal accounts.
    const ok = await verifyPassword(
      parsed.data.password,
      user?.passwordHash ?? (await dummyHash()),
    );
    if (!user || !ok || user.disabled) {
      log.info('auth.login.failed');
      return fail(c, 401, 'invalidCredentials', 'E-mail address or password is wrong.');
    }
    await loginSucceeded(storage, gate);
    // A lost device id never comes back: the device wipes itself and gets a new id.
    const device = await storage.getDevice(parsed.data.deviceId);
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    const binding = await decideLoginDevice(device, parsed.data, now());
    if (!binding.ok && device?.userId !== user.id) {
      // Device ids are per user: another user's live session on this id is not signed out.
      log.warn('auth.login.device-taken');
      return fail(c, 409, 'forbidden', DEVICE_TAKEN);
    }
    if (!binding.ok) {
      log.warn('auth.login.device-key-mismatch');
      return fail(c, 403, 'forbidden', 'This device id belongs to another signed-in device.');
    }
    const refreshToken = newRefreshToken();
    const refreshExpiresAt = new Date(now().getTime() + REFRESH_TTL_SECONDS * 1000).toISOString();
    const bound = await storage.saveDeviceLogin(
      parsed.data.deviceId,
      user.id,
      hashToken(refreshToken),
      refreshExpiresAt,
      now().toISOString(),
    );
    if (!bound.ok && bound.reason === 'lost') return wipeDevice(c);
    if (!bound.ok) {
      log.warn('auth.login.device-taken');
      return fail(c, 409, 'forbidden', DEVICE_TAKEN);
    }
    if (binding.bind)
      await storage.bindDeviceKey(
        parsed.data.deviceId,
        binding.bind.publicKey,
        binding.bind.recoveryKey,
      );
    const tokens = await issueTokens(user, parsed.data.deviceId, bound.generation, refreshToken);
    log.info('auth.login', { role: user.role, deviceKey: binding.bind ? 'registered' : 'kept' });
    return c.json(binding.recoveryKey ? { ...tokens, recoveryKey: binding.recoveryKey } : tokens);
  });

  app.post('/api/auth/refresh', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = refreshRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(
        c,
        400,
        'badRequest',
        'The refresh request is not valid.',
        describe(parsed.error),
      );
    const device = await storage.getDevice(parsed.data.deviceId);
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    const user = device ? await storage.getUser(device.userId) : undefined;
    if (!device || !user || user.disabled) return fail(c, 401, 'unauthorized', 'Sign in again.');
    // The token alone (e.g. read off a copied disk) is not enough: the device's key must sign.
    if (
      !(await checkRefreshProof(
        storage,
        device,
        parsed.data.refreshToken,
        parsed.data.proof,
        now(),
      ))
    ) {
      log.warn('auth.refresh.bad-proof');
      return fail(
        c,
        401,
        'unauthorized',
        'The refresh is not signed by this device; sign in again.',
      );
    }
    const successor = successorRefreshToken(parsed.data.refreshToken, jwtSecret);
    const at = now();
    const outcome = await storage.rotateRefresh(
      device.id,
      hashToken(parsed.data.refreshToken),
      hashToken(successor),
      new Date(at.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString(),
      at.toISOString(),
      new Date(at.getTime() + REFRESH_REUSE_SECONDS * 1000).toISOString(),
    );
    if (outcome === 'replayed') {
      log.warn('auth.refresh.replayed');
      return fail(c, 401, 'deviceRevoked', 'This sign-in was used twice; sign in again.');
    }
    if (outcome === 'refused') {
      log.info('auth.refresh.refused');
      return fail(c, 401, device.revokedAt ? 'deviceRevoked' : 'unauthorized', 'Sign in again.');
    }
    if (outcome === 'repeated') log.info('auth.refresh.repeated');
    return c.json(await issueTokens(user, device.id, device.generation, successor));
  });

  /**
   * A revocation the device queued when it signed out offline, signed by its key (which it then
   * deleted). No access token: the device no longer has one.
   */
  app.post('/api/auth/revoke', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', 'The body is not JSON.');
    const parsed = revokeRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The revocation is not valid.', describe(parsed.error));
    const device = await storage.getDevice(parsed.data.deviceId);
    if (!device || !(await checkRevokeProof(device, parsed.data.proof, now())))
      return fail(c, 401, 'unauthorized', 'The revocation is not signed by this device.');
    if (device.revokedAt === null) await storage.revokeDevice(device.id, now().toISOString());
    log.info('auth.revoke.queued');
    return c.json({ ok: true });
  });

  app.post('/api/auth/logout', limit(LIMITS.default), auth, async (c) => {
    await storage.revokeDevice(c.var.actor.deviceId, now().toISOString());
    log.info('auth.logout');
    return c.json({ ok: true });
  });
}
