import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { resetVault } from '../../../../src/data/crypto/vault';
import { DichtbijDb } from '../../../../src/data/db';
import { HttpError } from '../../../../src/data/http';
import { writeRecords } from '../../../../src/data/repositories/records';
import { login } from '../../../../src/data/sync/session';
import { META_DEVICE_ID, currentSession } from '../../../../src/data/sync/session-store';
import { SyncError } from '../../../../src/data/sync/sync-error';
import type { Transport } from '../../../../src/data/sync/sync-error';
import { syncNow } from '../../../../src/data/sync/sync-runner';
import type { PublicUser } from '../../../../src/domain/sync/roles';
import { unlockVaultFor } from '../../helpers/unlocked-vault';
import { fakeServer, loginAnswer, signalRecord } from './fixtures';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`lost-device-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

const user: PublicUser = {
  id: 'demo-vrijwilliger',
  email: 'vrijwilliger@demo.dichtbij',
  name: 'Vera',
  role: 'vrijwilliger',
  teamId: null,
  organisationId: null,
  wijken: ['wielwijk'],
};

function tokens(accessExpiresAt?: string) {
  return loginAnswer(user, accessExpiresAt);
}

const WIPE = new HttpError(403, {
  error: 'deviceRevoked',
  message: 'This device was reported lost.',
  action: 'wipe',
});
const REVOKED = new HttpError(401, { error: 'deviceRevoked', message: 'Sign in again.' });

function record(id: string): PlainRecord {
  return signalRecord(id, { name: 'Jansen', note: 'huurachterstand' });
}

/** Answers per path; a thrown HttpError plays the server's refusal. What was sent is not checked. */
function server(handlers: Record<string, () => unknown>): Transport {
  return fakeServer(handlers).transport;
}

async function signInWithWork(accessExpiresAt?: string): Promise<void> {
  await login(
    'vrijwilliger@demo.dichtbij',
    'pw',
    database,
    server({ '/api/auth/login': () => tokens(accessExpiresAt) }),
  );
  await writeRecords([{ record: record('s1'), op: 'put', payload: record('s1').data }], database);
  expect(await database.signals.count()).toBe(1);
  expect(await database.outbox.count()).toBe(1);
}

async function expectWiped(): Promise<void> {
  expect(await database.signals.count()).toBe(0);
  expect(await database.outbox.count()).toBe(0);
  expect(await currentSession(database)).toBeNull();
  // A later sign-in registers as a new device; the lost id never comes back.
  expect(await database.meta.get(META_DEVICE_ID)).toBeUndefined();
}

describe('a device reported lost', () => {
  it('wipes itself when a push is answered with action wipe, and reports deviceWiped', async () => {
    await signInWithWork();
    const outcome = await syncNow(database, {
      transport: server({
        '/api/sync/push': () => {
          throw WIPE;
        },
      }),
      catalogue: false,
    });
    expect(outcome).toEqual({ ok: false, code: 'deviceWiped' });
    await expectWiped();
  });

  it('wipes itself when the token refresh is answered with action wipe', async () => {
    await signInWithWork('2000-01-01T00:00:00.000Z');
    const outcome = await syncNow(database, {
      transport: server({
        '/api/auth/refresh': () => {
          throw WIPE;
        },
      }),
      catalogue: false,
    });
    expect(outcome).toEqual({ ok: false, code: 'deviceWiped' });
    await expectWiped();
  });

  it('wipes itself when a sign-in on the lost device id is answered with action wipe', async () => {
    await signInWithWork();
    const attempt = login(
      'vrijwilliger@demo.dichtbij',
      'pw',
      database,
      server({
        '/api/auth/login': () => {
          throw WIPE;
        },
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'deviceWiped' });
    await expectWiped();
  });
});

describe('a plain revoke (signed out elsewhere)', () => {
  it('keeps all data and unsynced work; the device only needs a new sign-in', async () => {
    await signInWithWork();
    const deviceId = (await database.meta.get(META_DEVICE_ID))?.value;
    const outcome = await syncNow(database, {
      transport: server({
        '/api/sync/push': () => {
          throw REVOKED;
        },
      }),
      catalogue: false,
    });
    expect(outcome).toEqual({ ok: false, code: 'deviceRevoked' });
    expect(await database.signals.count()).toBe(1);
    expect(await database.outbox.count()).toBe(1);
    expect((await currentSession(database))?.needsLogin).toBe(true);
    expect((await database.meta.get(META_DEVICE_ID))?.value).toBe(deviceId);
  });

  it('keeps everything when the refresh is refused with a plain 401', async () => {
    await signInWithWork('2000-01-01T00:00:00.000Z');
    for (const refusal of [
      REVOKED,
      new HttpError(401, { error: 'unauthorized', message: 'Sign in again.' }),
    ]) {
      const outcome = await syncNow(database, {
        transport: server({
          '/api/auth/refresh': () => {
            throw refusal;
          },
        }),
        catalogue: false,
      });
      expect(outcome.ok).toBe(false);
      expect(await database.signals.count()).toBe(1);
      expect(await database.outbox.count()).toBe(1);
      expect((await currentSession(database))?.needsLogin).toBe(true);
    }
  });
});

describe('login rate limit', () => {
  it('reports tooManyAttempts with the wait the server asked for', async () => {
    const attempt = login(
      'vrijwilliger@demo.dichtbij',
      'pw',
      database,
      server({
        '/api/auth/login': () => {
          throw new HttpError(429, {
            error: 'tooManyAttempts',
            message: 'Too many failed sign-ins. Try again in 10 minutes.',
            retryAfter: 600,
          });
        },
      }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'tooManyAttempts', retryAfterSeconds: 600 });
  });
});
