import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';

describe('upgrade from a session stored in the clear (issue 10)', () => {
  it('drops the tokens and asks for a new sign-in, keeping the user and device id', async () => {
    const name = 'legacy-session-v2';
    const old = new Dexie(name);
    old.version(2).stores({ meta: 'key' });
    await old.table('meta').put({
      key: 'sync.session',
      value: {
        user: { id: 'demo-vrijwilliger' },
        deviceId: 'device-legacy-1',
        accessToken: 'legacy-access-token',
        accessExpiresAt: '2099-01-01T00:00:00.000Z',
        refreshToken: 'legacy-refresh-token-long-enough',
        refreshExpiresAt: '2099-01-01T00:00:00.000Z',
        needsLogin: false,
      },
    });
    old.close();
    const upgraded = new DichtbijDb(name);
    const row = await upgraded.meta.get('sync.session');
    expect(row?.value).toEqual({
      user: { id: 'demo-vrijwilliger' },
      deviceId: 'device-legacy-1',
      needsLogin: true,
    });
    expect(JSON.stringify(await upgraded.meta.toArray())).not.toContain('legacy-refresh-token');
    await upgraded.delete();
  });
});
