import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { PASSWORDS, STORES, loginAs, makeServer, openStore, post, refreshBody } from './helpers';

/** Issue 10: revocation is final, device ids are per user, a lost refresh answer is retried. */
describe.each(STORES)('sessions on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let bea: Client;
  let clock = Date.parse('2026-11-24T09:00:00.000Z');

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => new Date(clock));
    bea = await loginAs(app, 'beheerder@demo.dichtbij', `sess-${kind}-bea`, { at: clock });
  });
  afterAll(async () => storage.close());

  function pull(client: Pick<Client, 'deviceId' | 'token'>) {
    return post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: client.deviceId, cursor: null },
      client.token,
    );
  }

  // Each proof is signed at the test's clock and strictly newer than the one before.
  let proofs = 0;
  async function refresh(client: Pick<Client, 'deviceId' | 'keys'>, refreshToken: string) {
    const signed = await refreshBody({ ...client, refreshToken }, { at: clock + (proofs += 1) });
    const res = await post(app, '/api/auth/refresh', signed);
    const body = (await res.json()) as {
      accessToken?: string;
      refreshToken?: string;
      error?: string;
    };
    return { status: res.status, body };
  }

  it('keeps an access token dead after its device is revoked and the same user signs in again', async () => {
    const first = await loginAs(app, 'vrijwilliger@demo.dichtbij', `sess-${kind}-revive`, {
      at: clock,
    });
    expect((await pull(first)).status).toBe(200);
    const revoked = await post(app, `/api/admin/devices/${first.deviceId}/revoke`, {}, bea.token);
    expect(revoked.status).toBe(200);
    expect((await pull(first)).status).toBe(401);

    clock += 1000;
    const second = await loginAs(app, 'vrijwilliger@demo.dichtbij', first.deviceId, { at: clock });
    expect((await pull(second)).status).toBe(200);
    // The token from before the revocation is still within its 15 minutes, and stays dead.
    const old = await pull(first);
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ error: 'deviceRevoked' });
    // Its refresh token is dead too, even signed by the key now registered for the device.
    expect((await refresh(second, first.refreshToken)).status).toBe(401);
  });

  it('does not sign a user out when someone else signs in with her device id', async () => {
    const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `sess-${kind}-vera`, {
      at: clock,
    });
    const res = await post(app, '/api/auth/login', {
      email: 'vrijwilliger2@demo.dichtbij',
      password: PASSWORDS['vrijwilliger2@demo.dichtbij'],
      deviceId: vera.deviceId,
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
    expect((await pull(vera)).status).toBe(200);
    const again = await refresh(vera, vera.refreshToken);
    expect(again.status).toBe(200);

    // A shared tablet: once she has signed out, a colleague may sign in on it.
    const out = await post(app, '/api/auth/logout', {}, again.body.accessToken);
    expect(out.status).toBe(200);
    const colleague = await loginAs(app, 'vrijwilliger2@demo.dichtbij', vera.deviceId, {
      at: clock,
    });
    expect((await pull(colleague)).status).toBe(200);
    expect((await pull({ deviceId: vera.deviceId, token: again.body.accessToken! })).status).toBe(
      401,
    );
  });

  it('hands out the same successor when a refresh is retried within a minute', async () => {
    const wim = await loginAs(app, 'wijkteam@demo.dichtbij', `sess-${kind}-retry`, { at: clock });
    const first = await refresh(wim, wim.refreshToken);
    expect(first.status).toBe(200);
    // The answer got lost; the device tries again with the token it still holds.
    clock += 20_000;
    const retried = await refresh(wim, wim.refreshToken);
    expect(retried.status).toBe(200);
    expect(retried.body.refreshToken).toBe(first.body.refreshToken);
    expect((await pull({ deviceId: wim.deviceId, token: retried.body.accessToken! })).status).toBe(
      200,
    );
    // The successor goes on working.
    const next = await refresh(wim, retried.body.refreshToken!);
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(first.body.refreshToken);
  });

  it('revokes the device when a replaced refresh token comes back after the window', async () => {
    const wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `sess-${kind}-late`, { at: clock });
    const first = await refresh(wendy, wendy.refreshToken);
    expect(first.status).toBe(200);
    clock += 61_000;
    const replay = await refresh(wendy, wendy.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('deviceRevoked');
    // Both copies are dead now: the thief's and the worker's.
    expect((await refresh(wendy, first.body.refreshToken!)).status).toBe(401);
    expect((await pull({ deviceId: wendy.deviceId, token: first.body.accessToken! })).status).toBe(
      401,
    );
    expect((await storage.getDevice(wendy.deviceId))?.revokedAt).not.toBeNull();
  });

  it('refuses a token two rotations old without touching the current one', async () => {
    const tom = await loginAs(app, 'toekomstmakelaar@demo.dichtbij', `sess-${kind}-chain`, {
      at: clock,
    });
    const first = await refresh(tom, tom.refreshToken);
    const second = await refresh(tom, first.body.refreshToken!);
    expect(second.status).toBe(200);
    expect((await refresh(tom, tom.refreshToken)).status).toBe(401);
    expect((await refresh(tom, second.body.refreshToken!)).status).toBe(200);
  });

  it('does not revoke a device for a refresh token it never issued', async () => {
    const vera2 = await loginAs(app, 'vrijwilliger2@demo.dichtbij', `sess-${kind}-guess`, {
      at: clock,
    });
    const guess = await refresh(vera2, 'x'.repeat(43));
    expect(guess.status).toBe(401);
    expect((await storage.getDevice(vera2.deviceId))?.revokedAt).toBeNull();
    expect((await refresh(vera2, vera2.refreshToken)).status).toBe(200);
  });
});
