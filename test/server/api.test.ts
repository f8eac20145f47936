import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { loadCatalogueFromDir } from '../../src/build/catalogue-files';
import type { App, Client } from './helpers';
import {
  STORES,
  loginAs,
  makeServer,
  mutation,
  openStore,
  post,
  push,
  refreshBody,
} from './helpers';

/** Bad input gets a 4xx with a clear reason and changes nothing. */
describe.each(STORES)('API on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let clock = Date.parse('2026-11-23T10:00:00.000Z');
  let vera: Client;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => new Date(clock));
    vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `api-${kind}-vera`, { at: clock });
  });
  afterAll(async () => storage.close());

  async function count() {
    return storage.countRecords();
  }

  it('reports health', async () => {
    const res = await app.request('/api/health');
    expect(await res.json()).toMatchObject({ ok: true, storage: kind });
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    for (const email of ['vrijwilliger@demo.dichtbij', 'nobody@demo.dichtbij']) {
      const res = await post(app, '/api/auth/login', {
        email,
        password: 'wrong-password',
        deviceId: 'device-x-0001',
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalidCredentials' });
    }
  });

  it('answers malformed JSON, a wrong shape and an oversized body with 4xx and saves nothing', async () => {
    const before = await count();
    const notJson = await post(app, '/api/sync/push', '{"protocolVersion":1,', vera.token);
    expect(notJson.status).toBe(400);
    const wrong = await post(
      app,
      '/api/sync/push',
      { protocolVersion: 1, deviceId: vera.deviceId, mutations: [{ hello: 1 }] },
      vera.token,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'badRequest' });
    const tooMany = await post(
      app,
      '/api/sync/push',
      {
        protocolVersion: 1,
        deviceId: vera.deviceId,
        mutations: Array.from({ length: 201 }, (_, i) =>
          mutation({ entityId: `many-${i}`, op: 'put', payload: { data: {} } }),
        ),
      },
      vera.token,
    );
    expect(tooMany.status).toBe(400);
    const huge = await post(
      app,
      '/api/sync/push',
      {
        protocolVersion: 1,
        deviceId: vera.deviceId,
        mutations: [
          mutation({
            entityId: 'huge',
            op: 'put',
            payload: { data: { blob: 'x'.repeat(5 * 1024 * 1024) } },
          }),
        ],
      },
      vera.token,
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payloadTooLarge' });
    expect(await count()).toBe(before);
  });

  it('rejects and keeps an invalid mutation without blocking the rest of the batch', async () => {
    const res = await push(app, vera, [
      mutation({ entityId: 'bad-payload', op: 'put', payload: { data: 'not an object' } }),
      mutation({
        entityId: 'good-one',
        op: 'put',
        payload: { wijk: 'wielwijk', data: { ok: true } },
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalidPayload'],
      ['applied', undefined],
    ]);
  });

  it('tells an old client to update (409 clientTooOld) and changes nothing', async () => {
    const before = await count();
    const old = await post(
      app,
      '/api/sync/push',
      { protocolVersion: 0, deviceId: vera.deviceId, mutations: [] },
      vera.token,
    );
    expect(old.status).toBe(409);
    expect(await old.json()).toMatchObject({ error: 'clientTooOld' });
    const oldSchema = await post(
      app,
      '/api/sync/push',
      {
        protocolVersion: 1,
        deviceId: vera.deviceId,
        mutations: [
          mutation({ entityId: 'old-schema', op: 'put', payload: { data: {} }, schemaVersion: 0 }),
        ],
      },
      vera.token,
    );
    expect(oldSchema.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers 401 to a missing, forged or expired token, and 403 to another device id', async () => {
    expect(
      (
        await post(app, '/api/sync/pull', {
          protocolVersion: 1,
          deviceId: vera.deviceId,
          cursor: null,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await post(
          app,
          '/api/sync/pull',
          { protocolVersion: 1, deviceId: vera.deviceId, cursor: null },
          `${vera.token}x`,
        )
      ).status,
    ).toBe(401);
    const other = await post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: 'someone-elses-device', cursor: null },
      vera.token,
    );
    expect(other.status).toBe(403);
    clock += 16 * 60 * 1000;
    try {
      const expired = await post(
        app,
        '/api/sync/pull',
        { protocolVersion: 1, deviceId: vera.deviceId, cursor: null },
        vera.token,
      );
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ error: 'tokenExpired' });
      // The refresh token rotates; each refresh is signed by the device key.
      const at = clock;
      const refreshed = await post(app, '/api/auth/refresh', await refreshBody(vera, { at }));
      expect(refreshed.status).toBe(200);
      const tokens = (await refreshed.json()) as { accessToken: string; refreshToken: string };
      // Resent within the reuse window (a lost answer), the old token gets the same successor;
      // test/server/sessions.test.ts covers a late replay, which revokes the device.
      const retried = await post(app, '/api/auth/refresh', await refreshBody(vera, { at: at + 1 }));
      expect(retried.status).toBe(200);
      expect(((await retried.json()) as { refreshToken: string }).refreshToken).toBe(
        tokens.refreshToken,
      );
      vera = { ...vera, token: tokens.accessToken, refreshToken: tokens.refreshToken };
      expect(
        (
          await post(
            app,
            '/api/sync/pull',
            { protocolVersion: 1, deviceId: vera.deviceId, cursor: null },
            vera.token,
          )
        ).status,
      ).toBe(200);
    } finally {
      clock -= 16 * 60 * 1000;
    }
  });

  it('revokes a device at once on logout', async () => {
    const device = await loginAs(app, 'vrijwilliger@demo.dichtbij', `api-${kind}-logout`);
    expect((await post(app, '/api/auth/logout', {}, device.token)).status).toBe(200);
    const after = await post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: device.deviceId, cursor: null },
      device.token,
    );
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: 'deviceRevoked' });
    expect((await post(app, '/api/auth/refresh', await refreshBody(device))).status).toBe(401);
  });

  it('publishes a valid catalogue for a beheerder and refuses an invalid one', async () => {
    const bea = await loginAs(app, 'beheerder@demo.dichtbij', `api-${kind}-bea`);
    const bad = await post(app, '/api/catalogue', { fundamenten: 'nope' }, bea.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'catalogueInvalid' });
    const catalogue = loadCatalogueFromDir();
    const ok = await post(app, '/api/catalogue', catalogue, bea.token);
    expect([200, 201]).toContain(ok.status);
    expect(await ok.json()).toMatchObject({ version: catalogue.version });
    const current = (await (await app.request('/api/catalogue')).json()) as { version: string };
    expect(current.version).toBe(catalogue.version);
    const pulled = (await (
      await post(
        app,
        '/api/sync/pull',
        { protocolVersion: 1, deviceId: vera.deviceId, cursor: null },
        vera.token,
      )
    ).json()) as { catalogueVersion: string };
    expect(pulled.catalogueVersion).toBe(catalogue.version);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'notFound' });
  });
});
