import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { DichtbijDb } from '../../../../src/data/db';
import { OfflineError } from '../../../../src/data/http';
import { queueTally, sendTallies, talliesOfDay } from '../../../../src/data/spreekuur/tallies';
import { keepSecrets } from '../../../../src/data/sync/session-secrets';
import { META_SESSION } from '../../../../src/data/sync/session-store';
import type { Transport } from '../../../../src/data/sync/sync-error';
import type { QuickCheckTally } from '../../../../src/domain/spreekuur/tally';
import { unlockVaultFor } from '../../helpers/unlocked-vault';
import { resetVault } from '../../../../src/data/crypto/vault';

let database: DichtbijDb;
let n = 0;

function tally(day = '2026-11-30'): QuickCheckTally {
  return {
    id: ulid(),
    day,
    wijk: 'crabbehof',
    suggested: ['dordtpas'],
    applied: [],
    topics: ['inkomen'],
    questions: ['vermogen'],
    summaryLanguage: 'nl',
  };
}

beforeEach(async () => {
  database = new DichtbijDb(`tallies-${n++}`);
  await unlockVaultFor(database);
  await database.meta.put({
    key: META_SESSION,
    value: {
      user: {
        id: 'u1',
        role: 'vrijwilliger',
        teamId: null,
        organisationId: null,
        wijken: [],
        email: 'v@example.invalid',
        name: 'V',
      },
      deviceId: 'd1',
      needsLogin: false,
    },
  });
  await keepSecrets(
    database,
    {
      accessToken: 'access',
      accessExpiresAt: '2099-01-01T00:00:00.000Z',
      refreshToken: 'refresh-token-long-enough',
      refreshExpiresAt: '2099-01-01T00:00:00.000Z',
    },
    'vrijwilliger',
  );
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

describe('the device queue of quick-check tallies', () => {
  it('refuses anything beyond the allowed keys before it is stored', async () => {
    const bad = { ...tally(), residentName: 'Fictief' } as QuickCheckTally;
    await expect(queueTally(bad, database)).rejects.toThrow();
    expect(await database.tallies.count()).toBe(0);
  });

  it('keeps tallies queued while offline, sends them once, and keeps them for the overview', async () => {
    const a = tally();
    const b = tally();
    await queueTally(a, database);
    await queueTally(b, database);
    const offline: Transport = async () => {
      throw new OfflineError();
    };
    await expect(sendTallies(database, offline)).rejects.toThrow();
    expect(await database.tallies.where('sent').equals(0).count()).toBe(2);

    const seen: unknown[] = [];
    const server: Transport = async (path, options) => {
      expect(path).toBe('/api/spreekuur/tallies');
      expect(options.token).toBe('access');
      const body = options.body as { tallies: QuickCheckTally[] };
      seen.push(...body.tallies.map((t) => t.id));
      // The first was already on the server (an answer lost earlier): a duplicate, not an error.
      return { accepted: [b.id], duplicate: [a.id] };
    };
    expect(await sendTallies(database, server, new Date('2026-11-30T20:00:00'))).toBe(2);
    expect(seen.sort()).toEqual([a.id, b.id].sort());
    expect(await sendTallies(database, server, new Date('2026-11-30T20:00:00'))).toBe(0);
    expect(seen).toHaveLength(2);
    expect(await talliesOfDay('2026-11-30', database)).toHaveLength(2);
  });

  it('drops sent tallies of earlier evenings, never unsent ones', async () => {
    const old = tally('2026-11-20');
    const oldUnsent = tally('2026-11-21');
    await queueTally(old, database);
    await database.tallies.update(old.id, { sent: 1 });
    await queueTally(oldUnsent, database);
    const refuses: Transport = async () => ({ accepted: [], duplicate: [] });
    await expect(sendTallies(database, refuses, new Date('2026-11-30T20:00:00'))).rejects.toThrow();
    const nothing: Transport = async () => ({ accepted: [oldUnsent.id], duplicate: [] });
    await database.tallies.update(oldUnsent.id, { sent: 0 });
    await sendTallies(database, nothing, new Date('2026-11-30T20:00:00'));
    // Both were sent now and are older than the overview keeps.
    expect(await database.tallies.count()).toBe(0);
  });
});
