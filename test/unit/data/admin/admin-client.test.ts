import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import { HttpError, OfflineError } from '../../../../src/data/http';
import type { HttpOptions } from '../../../../src/data/http';
import {
  AdminRequestError,
  currentCatalogueVersion,
  listDevices,
  listUsers,
  markDeviceLost,
  publishCatalogue,
  readAudit,
  revokeDevice,
  updateUserScope,
} from '../../../../src/data/admin/admin-client';
import { login } from '../../../../src/data/sync/session';
import { currentSession } from '../../../../src/data/sync/session-store';
import { SyncError } from '../../../../src/data/sync/sync-error';
import type { Transport } from '../../../../src/data/sync/sync-error';

let database: DichtbijDb;
let n = 0;

const beheerder = {
  id: 'demo-beheerder',
  email: 'beheerder@demo.dichtbij',
  name: 'Bea Beheer',
  role: 'beheerder',
  teamId: null,
  organisationId: null,
  wijken: [],
};
const volunteer = {
  id: 'demo-vrijwilliger',
  email: 'vrijwilliger@demo.dichtbij',
  name: 'Vera',
  role: 'vrijwilliger',
  teamId: 'team-geldpraatje',
  organisationId: null,
  wijken: ['crabbehof'],
};

/** Signs the beheerder in through the real login (device key, secrets in memory: no vault). */
async function signInBeheerder(accessExpiresAt = '2099-01-01T00:00:00.000Z') {
  await login('beheerder@demo.dichtbij', 'pw', database, async () => ({
    accessToken: 'access-1',
    accessExpiresAt,
    refreshToken: 'refresh-token-long-enough',
    refreshExpiresAt: '2099-01-01T00:00:00.000Z',
    user: beheerder,
  }));
}

beforeEach(async () => {
  database = new DichtbijDb(`admin-client-${n++}`);
  await signInBeheerder();
});
afterEach(async () => {
  database.close();
  await database.delete();
});

interface Call {
  path: string;
  method: string;
  body: unknown;
  token: string | undefined;
}

/** A scripted server: each "METHOD path" answers from a handler; requests are recorded. */
function fakeServer(handlers: Record<string, (body: unknown) => unknown>) {
  const calls: Call[] = [];
  const transport: Transport = async (path: string, options: HttpOptions) => {
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
    calls.push({ path, method, body: options.body, token: options.token });
    const handler = handlers[`${method} ${path}`];
    if (!handler) throw new HttpError(404, { error: 'notFound', message: 'x' });
    return handler(options.body);
  };
  return { transport, calls };
}

describe('admin client', () => {
  it('lists users with the access token and parses them', async () => {
    const { transport, calls } = fakeServer({
      'GET /api/admin/users': () => ({ users: [beheerder, volunteer] }),
    });
    const users = await listUsers(database, transport);
    expect(users.map((u) => u.id)).toEqual(['demo-beheerder', 'demo-vrijwilliger']);
    expect(calls).toEqual([
      { path: '/api/admin/users', method: 'GET', body: undefined, token: 'access-1' },
    ]);
  });

  it('changes role, team and wijken in one PATCH and refuses an invalid change before sending', async () => {
    const { transport, calls } = fakeServer({
      'PATCH /api/admin/users/demo%2Fodd': () => ({ ok: true }),
    });
    await updateUserScope(
      'demo/odd',
      { role: 'wijkteam', teamId: 'team-wijkteam-west', wijken: ['wielwijk'] },
      database,
      transport,
    );
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      body: { role: 'wijkteam', teamId: 'team-wijkteam-west', wijken: ['wielwijk'] },
    });
    await expect(
      updateUserScope(
        'x',
        // @ts-expect-error an unknown role never reaches the server
        { role: 'baas', teamId: null, wijken: [] },
        database,
        transport,
      ),
    ).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });

  it("lists a user's devices and marks one lost or revokes it", async () => {
    const device = {
      id: 'device-vera-1',
      userId: 'demo-vrijwilliger',
      createdAt: '2026-11-20T09:00:00.000Z',
      lastSeenAt: '2026-11-23T10:00:00.000Z',
      revokedAt: null,
      lostAt: null,
    };
    const { transport, calls } = fakeServer({
      'GET /api/admin/devices?userId=demo-vrijwilliger': () => ({ devices: [device] }),
      'POST /api/admin/devices/device-vera-1/lost': () => ({ ok: true }),
      'POST /api/admin/devices/device-vera-1/revoke': () => ({ ok: true }),
    });
    expect(await listDevices('demo-vrijwilliger', database, transport)).toEqual([device]);
    await markDeviceLost('device-vera-1', database, transport);
    await revokeDevice('device-vera-1', database, transport);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/admin/devices?userId=demo-vrijwilliger',
      'POST /api/admin/devices/device-vera-1/lost',
      'POST /api/admin/devices/device-vera-1/revoke',
    ]);
  });

  it('reads the audit log with filters and paging in the query string', async () => {
    const page = {
      entries: [
        {
          id: 41,
          at: '2026-11-23T10:00:00.000Z',
          userId: 'demo-vrijwilliger',
          role: 'vrijwilliger',
          deviceId: 'device-vera-1',
          entityType: 'signal',
          entityId: 'sig-1',
          action: 'create',
        },
      ],
      nextBefore: 41,
    };
    const { transport, calls } = fakeServer({
      'GET /api/admin/audit?userId=demo-vrijwilliger&entityType=signal&action=create&from=2026-11-01T00%3A00%3A00.000Z&before=50&limit=50':
        () => page,
      'GET /api/admin/audit': () => ({ entries: [], nextBefore: null }),
    });
    expect(
      await readAudit(
        {
          userId: 'demo-vrijwilliger',
          entityType: 'signal',
          action: 'create',
          from: '2026-11-01T00:00:00.000Z',
          before: 50,
          limit: 50,
        },
        database,
        transport,
      ),
    ).toEqual(page);
    expect(await readAudit({}, database, transport)).toEqual({ entries: [], nextBefore: null });
    expect(calls).toHaveLength(2);
  });

  it('treats an answer of the wrong shape as a server fault', async () => {
    const { transport } = fakeServer({
      'GET /api/admin/audit': () => ({ entries: [{ id: 'one' }], nextBefore: null }),
    });
    const error = await readAudit({}, database, transport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('server');
  });

  it('reads only the version of the current catalogue', async () => {
    const { transport } = fakeServer({
      'GET /api/catalogue': () => ({
        version: 'abc123',
        publishedAt: '2026-11-23T10:00:00.000Z',
        catalogue: { not: 'checked here' },
      }),
    });
    expect(await currentCatalogueVersion(database, transport)).toEqual({
      version: 'abc123',
      publishedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it("publishes a catalogue and keeps the server's validation details when it is refused", async () => {
    const details = ['regelingen.json: record [2] (id "dordtpas") field name: Invalid input'];
    let valid = true;
    const { transport, calls } = fakeServer({
      'POST /api/catalogue': () => {
        if (valid) return { version: 'v2', created: true };
        throw new HttpError(400, {
          error: 'catalogueInvalid',
          message: 'The catalogue is not valid; nothing was published.',
          details,
        });
      },
    });
    const body = { fundamenten: [] };
    expect(await publishCatalogue(body, database, transport)).toEqual({
      version: 'v2',
      created: true,
    });
    expect(calls[0]!.body).toEqual(body);
    valid = false;
    const error = await publishCatalogue(body, database, transport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminRequestError);
    expect(error).toMatchObject({ code: 'badRequest', reason: 'catalogueInvalid', details });
    // A refusal is not a sign-in problem: the session stays as it was.
    expect((await currentSession(database))?.needsLogin).toBe(false);
  });

  it('names a refusal for another role as forbidden', async () => {
    const { transport } = fakeServer({
      'GET /api/admin/users': () => {
        throw new HttpError(403, {
          error: 'forbidden',
          message: 'Only a beheerder manages users.',
        });
      },
    });
    await expect(listUsers(database, transport)).rejects.toMatchObject({
      reason: 'forbidden',
      details: [],
    });
  });

  it('refreshes an expired access token and asks again', async () => {
    let fresh = false;
    const { transport, calls } = fakeServer({
      'GET /api/admin/users': () => {
        if (!fresh) throw new HttpError(401, { error: 'tokenExpired', message: 'x' });
        return { users: [beheerder] };
      },
      'POST /api/auth/refresh': () => {
        fresh = true;
        return {
          accessToken: 'access-2',
          accessExpiresAt: '2099-01-01T00:00:00.000Z',
          refreshToken: 'refresh-token-long-enough-2',
          refreshExpiresAt: '2099-01-01T00:00:00.000Z',
          user: beheerder,
        };
      },
    });
    expect(await listUsers(database, transport)).toHaveLength(1);
    expect(calls.map((c) => c.token)).toEqual(['access-1', undefined, 'access-2']);
  });

  it('says offline calmly and changes nothing', async () => {
    const offline: Transport = async () => {
      throw new OfflineError();
    };
    await expect(markDeviceLost('device-vera-1', database, offline)).rejects.toMatchObject({
      code: 'offline',
    });
    expect(await currentSession(database)).not.toBeNull();
  });

  it('wipes this device when the server says it was reported lost, as sync does', async () => {
    const { transport } = fakeServer({
      'GET /api/admin/users': () => {
        throw new HttpError(403, {
          error: 'deviceRevoked',
          message: 'This device was reported lost; its data is being removed.',
          action: 'wipe',
        });
      },
    });
    await expect(listUsers(database, transport)).rejects.toMatchObject({ code: 'deviceWiped' });
    expect(await currentSession(database)).toBeNull();
  });
});
