import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import {
  PASSWORDS,
  STORES,
  loginAs,
  makeServer,
  mutation,
  openStore,
  post,
  push,
  refreshBody,
} from './helpers';

describe.each(STORES)('lost device on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let bea: Client;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    bea = await loginAs(app, 'beheerder@demo.dichtbij', `lost-${kind}-bea`);
  });
  afterAll(async () => storage.close());

  function pull(client: Client) {
    return post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: client.deviceId, cursor: null },
      client.token,
    );
  }

  async function expectWipe(res: Response) {
    expect(res.status).toBe(403);
    expect(res.headers.get('clear-site-data')).toBe('"storage"');
    expect(await res.json()).toMatchObject({ error: 'deviceRevoked', action: 'wipe' });
  }

  it('answers every later contact of a lost device with 403 deviceRevoked and action wipe', async () => {
    const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `lost-${kind}-tablet`);
    expect((await pull(vera)).status).toBe(200);
    const devices = (await (
      await app.request('/api/admin/devices?userId=demo-vrijwilliger', {
        headers: { authorization: `Bearer ${bea.token}` },
      })
    ).json()) as { devices: { id: string; lostAt: string | null }[] };
    expect(devices.devices.map((d) => d.id)).toContain(vera.deviceId);

    const marked = await post(app, `/api/admin/devices/${vera.deviceId}/lost`, {}, bea.token);
    expect(marked.status).toBe(200);

    await expectWipe(await pull(vera));
    const pushed = await post(
      app,
      '/api/sync/push',
      {
        protocolVersion: 1,
        deviceId: vera.deviceId,
        mutations: [mutation({ entityId: 'from-a-thief', op: 'put', payload: { data: {} } })],
      },
      vera.token,
    );
    await expectWipe(pushed);
    await expectWipe(await post(app, '/api/auth/refresh', await refreshBody(vera)));
    // Even the right password does not bring a lost device id back.
    await expectWipe(
      await post(app, '/api/auth/login', {
        email: 'vrijwilliger@demo.dichtbij',
        password: PASSWORDS['vrijwilliger@demo.dichtbij'],
        deviceId: vera.deviceId,
      }),
    );
    expect((await storage.getDevice(vera.deviceId))?.lostAt).not.toBeNull();
    // Nothing the lost device sent was stored.
    expect(
      await storage.db
        .selectFrom('records')
        .select('id')
        .where('id', '=', 'from-a-thief')
        .executeTakeFirst(),
    ).toBeUndefined();
    // The same person signs in again on a new (wiped) device id.
    const fresh = await loginAs(app, 'vrijwilliger@demo.dichtbij', `lost-${kind}-tablet-2`);
    expect((await pull(fresh)).status).toBe(200);
  });

  it('keeps a plain revoke a 401 without Clear-Site-Data, so unsynced work stays', async () => {
    const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `lost-${kind}-revoked`);
    expect(
      (await post(app, `/api/admin/devices/${vera.deviceId}/revoke`, {}, bea.token)).status,
    ).toBe(200);
    const res = await pull(vera);
    expect(res.status).toBe(401);
    expect(res.headers.get('clear-site-data')).toBeNull();
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'deviceRevoked' });
    expect(body.action).toBeUndefined();
    // Signing in again on the same device works: its unsynced work can then be pushed.
    const again = await loginAs(app, 'vrijwilliger@demo.dichtbij', vera.deviceId);
    const pushed = await push(app, again, [
      mutation({ entityId: `lost-${kind}-kept`, op: 'put', payload: { data: { a: 1 } } }),
    ]);
    expect(pushed.body.results[0]?.status).toBe('applied');
  });

  it('lets only a beheerder mark a device lost', async () => {
    const coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `lost-${kind}-coco`);
    const willem = await loginAs(app, 'wijkteam@demo.dichtbij', `lost-${kind}-willem`);
    expect(
      (await post(app, `/api/admin/devices/${willem.deviceId}/lost`, {}, coordinator.token)).status,
    ).toBe(403);
    expect(
      (
        await app.request('/api/admin/devices', {
          headers: { authorization: `Bearer ${coordinator.token}` },
        })
      ).status,
    ).toBe(403);
    expect((await pull(willem)).status).toBe(200);
    expect((await post(app, '/api/admin/devices/no-such-device/lost', {}, bea.token)).status).toBe(
      404,
    );
  });
});
