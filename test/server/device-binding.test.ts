import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeProofMessage } from '../../src/domain/sync/device-proof';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import {
  PASSWORDS,
  STORES,
  loginAs,
  loginBody,
  makeServer,
  newDeviceKeys,
  openStore,
  post,
  refreshBody,
  signProof,
} from './helpers';

/**
 * Issue 10, item 1: a refresh token read off a disk must not open the server without the
 * device's non-extractable key; item 2: an offline logout's queued revocation is final; item 4:
 * the recovery key goes only to a password sign-in proven by the registered key.
 */
describe.each(STORES)('device-bound sessions on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let n = 0;
  const EMAIL = 'vrijwilliger@demo.dichtbij';

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
  });
  afterAll(async () => storage.close());

  const device = async () => loginAs(app, EMAIL, `bind-${kind}-${n++}`);
  const pull = (client: Client, token: string) =>
    post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: client.deviceId, cursor: null },
      token,
    );

  it('refuses a refresh with the right token but no, a foreign, a stale or a replayed signature', async () => {
    const vera = await device();
    // The attack of the issue: token and device id from the disk, no key.
    const bare = await post(app, '/api/auth/refresh', {
      deviceId: vera.deviceId,
      refreshToken: vera.refreshToken,
    });
    expect(bare.status).toBe(400);
    const thiefKeys = await newDeviceKeys();
    const foreign = await post(
      app,
      '/api/auth/refresh',
      await refreshBody(vera, { keys: thiefKeys }),
    );
    expect(foreign.status).toBe(401);
    const stale = await post(
      app,
      '/api/auth/refresh',
      await refreshBody(vera, { at: Date.now() - 60 * 60 * 1000 }),
    );
    expect(stale.status).toBe(401);
    // A signature over another token does not carry over.
    const signed = await refreshBody(vera);
    const swapped = await post(app, '/api/auth/refresh', {
      ...signed,
      refreshToken: `${vera.refreshToken.slice(0, -2)}AA`,
    });
    expect(swapped.status).toBe(401);
    // None of the refusals used up the token: the device's own signed refresh still works once.
    const ok = await post(app, '/api/auth/refresh', signed);
    expect(ok.status).toBe(200);
    const tokens = (await ok.json()) as { accessToken: string; refreshToken: string };
    expect((await pull(vera, tokens.accessToken)).status).toBe(200);
    // The same signed request sent again (captured in transit) is refused.
    expect((await post(app, '/api/auth/refresh', signed)).status).toBe(401);
    const replayNewToken = await post(app, '/api/auth/refresh', {
      ...signed,
      refreshToken: tokens.refreshToken,
    });
    expect(replayNewToken.status).toBe(401);
    const next = await post(
      app,
      '/api/auth/refresh',
      await refreshBody({ ...vera, refreshToken: tokens.refreshToken }),
    );
    expect(next.status).toBe(200);
  });

  it('refuses a refresh for a device that signed in without a key', async () => {
    const deviceId = `bind-${kind}-nokey`;
    const res = await post(app, '/api/auth/login', {
      email: EMAIL,
      password: PASSWORDS[EMAIL],
      deviceId,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { refreshToken: string; recoveryKey?: string };
    expect(body.recoveryKey).toBeUndefined();
    const anyKeys = await newDeviceKeys();
    const refreshed = await post(
      app,
      '/api/auth/refresh',
      await refreshBody({ deviceId, refreshToken: body.refreshToken, keys: anyKeys }),
    );
    expect(refreshed.status).toBe(401);
  });

  it('does not let a sign-in with another key take over an active device id', async () => {
    const vera = await device();
    const other = await newDeviceKeys();
    // The same user without the key: 403; another user: 409 (the id is taken by a live session).
    for (const [email, status] of [
      [EMAIL, 403],
      ['wijkteam@demo.dichtbij', 409],
    ] as const) {
      const res = await post(app, '/api/auth/login', await loginBody(email, vera.deviceId, other));
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
      const bare = await post(app, '/api/auth/login', {
        email,
        password: PASSWORDS[email],
        deviceId: vera.deviceId,
      });
      expect(bare.status).toBe(status);
    }
    // The owner was not signed out by those attempts.
    expect((await pull(vera, vera.token)).status).toBe(200);
    expect((await post(app, '/api/auth/refresh', await refreshBody(vera))).status).toBe(200);
  });

  it('releases the recovery key only to a password sign-in proven by the registered key', async () => {
    const vera = await device();
    expect(vera.recoveryKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await loginAs(app, EMAIL, vera.deviceId, { keys: vera.keys });
    expect(again.recoveryKey).toBe(vera.recoveryKey);
    // Wrong password with the right key: nothing.
    const wrong = await post(app, '/api/auth/login', {
      ...(await loginBody(EMAIL, vera.deviceId, vera.keys)),
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain(vera.recoveryKey);
    // After a revocation a new key may register, but it gets a new recovery key, never the old.
    expect((await post(app, '/api/auth/logout', {}, again.token)).status).toBe(200);
    const newKeys = await newDeviceKeys();
    const reRegistered = await loginAs(app, EMAIL, vera.deviceId, { keys: newKeys });
    expect(reRegistered.recoveryKey).toBeDefined();
    expect(reRegistered.recoveryKey).not.toBe(vera.recoveryKey);
    // And the old key no longer refreshes.
    const oldKeyRefresh = await post(
      app,
      '/api/auth/refresh',
      await refreshBody({ ...reRegistered, keys: vera.keys }),
    );
    expect(oldKeyRefresh.status).toBe(401);
  });

  it('makes a queued revocation final when signed by the device key, and only then', async () => {
    const vera = await device();
    const forged = await post(app, '/api/auth/revoke', {
      deviceId: vera.deviceId,
      proof: await signProof(await newDeviceKeys(), (p) => revokeProofMessage(vera.deviceId, p)),
    });
    expect(forged.status).toBe(401);
    expect((await pull(vera, vera.token)).status).toBe(200);
    // Signed at logout time, sent an hour later when the server is reachable again.
    const ticket = {
      deviceId: vera.deviceId,
      proof: await signProof(
        vera.keys,
        (p) => revokeProofMessage(vera.deviceId, p),
        Date.now() - 60 * 60 * 1000,
      ),
    };
    expect((await post(app, '/api/auth/revoke', ticket)).status).toBe(200);
    expect((await post(app, '/api/auth/revoke', ticket)).status).toBe(200);
    expect((await pull(vera, vera.token)).status).toBe(401);
    expect((await post(app, '/api/auth/refresh', await refreshBody(vera))).status).toBe(401);
    expect((await storage.getDevice(vera.deviceId))?.revokedAt).not.toBeNull();
  });
});
