import { afterEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import { resetVault } from '../../../../src/data/crypto/vault';
import { wipePersonalData } from '../../../../src/data/lock/wipe';
import {
  META_SECRETS,
  forgetSecrets,
  keepSecrets,
  loadSecrets,
} from '../../../../src/data/sync/session-secrets';

const TOKENS = {
  accessToken: 'access-token-in-memory-only',
  accessExpiresAt: '2099-01-01T00:00:00.000Z',
  refreshToken: 'refresh-token-that-must-not-be-on-disk',
  refreshExpiresAt: '2099-01-01T00:00:00.000Z',
};

let n = 0;
const open: DichtbijDb[] = [];
function freshDb(): DichtbijDb {
  const database = new DichtbijDb(`session-secrets-${(n += 1)}`);
  open.push(database);
  return database;
}

afterEach(async () => {
  for (const d of open.splice(0)) {
    forgetSecrets(d);
    await d.delete();
  }
  resetVault();
});

/** Every stored value as text, with typed arrays spelled out, as a disk scan would see it. */
async function diskText(database: DichtbijDb): Promise<string> {
  const rows = await database.meta.toArray();
  return JSON.stringify(rows, (_k, v: unknown) =>
    v instanceof ArrayBuffer || ArrayBuffer.isView(v)
      ? new TextDecoder().decode(v instanceof ArrayBuffer ? v : (v as Uint8Array))
      : v,
  );
}

describe('session secrets for a role without a PIN (coordinator)', () => {
  it('survive a reload, sealed by the device key and never in the clear', async () => {
    const database = freshDb();
    await keepSecrets(database, TOKENS, 'coordinator');
    const row = await database.meta.get(META_SECRETS);
    expect(row?.value).toMatchObject({ by: 'device' });
    expect(await diskText(database)).not.toContain(TOKENS.refreshToken);
    expect(await diskText(database)).not.toContain(TOKENS.accessToken);

    // A reload: nothing in memory any more.
    forgetSecrets(database);
    const loaded = await loadSecrets(database);
    expect(loaded?.refreshToken).toBe(TOKENS.refreshToken);
    expect(loaded?.accessToken).toBeUndefined();
  });

  it('are gone with the device key when the device is wiped', async () => {
    const database = freshDb();
    await keepSecrets(database, TOKENS, 'coordinator');
    await wipePersonalData(database);
    forgetSecrets(database);
    expect(await loadSecrets(database)).toBeUndefined();
  });
});

describe('session secrets for a role with a PIN', () => {
  it('stay in memory only while no vault is open (a reload asks for a new sign-in)', async () => {
    const database = freshDb();
    await keepSecrets(database, TOKENS, 'wijkteam');
    expect(await database.meta.get(META_SECRETS)).toBeUndefined();
    expect((await loadSecrets(database))?.refreshToken).toBe(TOKENS.refreshToken);
    forgetSecrets(database);
    expect(await loadSecrets(database)).toBeUndefined();
  });
});
