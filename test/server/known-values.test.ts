import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { knownValuesLoader } from '../../src/server/known-values';
import { seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { STORES, loginAs, makeServer, mutation, newTestUser, openStore, push } from './helpers';

const NOW = '2026-12-01T09:00:00.000Z';

/**
 * The values a push is checked against are cached per catalogue version and accounts stamp
 * (issue 11: one small read per push instead of the whole list of accounts). A cache that
 * missed a change would let a push assign a signal to a team its assignee has left.
 */
describe.each(STORES)('known values on %s', (kind) => {
  const opened: KyselySyncStorage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function counted() {
    const { storage } = await openStore(kind);
    opened.push(storage);
    await seedDemoUsers(storage);
    const reads = { users: 0, catalogue: 0 };
    const listUsers = storage.listUsers.bind(storage);
    const currentCatalogue = storage.currentCatalogue.bind(storage);
    storage.listUsers = () => {
      reads.users += 1;
      return listUsers();
    };
    storage.currentCatalogue = () => {
      reads.catalogue += 1;
      return currentCatalogue();
    };
    return { storage, reads, load: knownValuesLoader(storage) };
  }

  it('reads the accounts and the catalogue once while neither changes', async () => {
    const { load, reads } = await counted();
    for (let i = 0; i < 3; i += 1) expect((await load()).users.has('demo-wijkteam')).toBe(true);
    expect(reads).toEqual({ users: 1, catalogue: 1 });
  });

  it('sees a new account, a changed team and a removed account at the next push', async () => {
    const { storage, load, reads } = await counted();
    expect((await load()).users.has('new-worker')).toBe(false);
    await storage.createUser(newTestUser('new-worker', 'wijkteam-west'), NOW);
    expect((await load()).accounts?.get('new-worker')?.teamId).toBe('wijkteam-west');
    await storage.updateUserScope('new-worker', {
      role: 'wijkteam',
      teamId: 'wijkteam-oost',
      wijken: ['wielwijk'],
    });
    expect((await load()).accounts?.get('new-worker')?.teamId).toBe('wijkteam-oost');
    // A write the storage functions do not know of moves the stamp all the same (a trigger).
    await sql`delete from users where id = 'new-worker'`.execute(storage.db);
    expect((await load()).users.has('new-worker')).toBe(false);
    expect(reads.users).toBe(4);
  });

  it('takes the stamps from the auth statement: a push reads none itself and sees a new account', async () => {
    const { storage, reads } = await counted();
    const app = await makeServer(storage);
    const wim = await loginAs(app, 'wijkteam@demo.dichtbij', `stamps-${kind}`);
    let stampReads = 0;
    const knownStamps = storage.knownStamps.bind(storage);
    storage.knownStamps = () => {
      stampReads += 1;
      return knownStamps();
    };
    const assignTo = (user: string, n: number) =>
      push(app, wim, [
        mutation({
          entityId: `stamps-${kind}-${n}`,
          op: 'put',
          payload: { wijk: 'wielwijk', assignedToUser: user, data: {} },
        }),
      ]);
    expect((await assignTo('stamp-worker', 1)).body.results[0]?.status).toBe('rejected');
    const team = (await storage.getUser('demo-wijkteam'))?.teamId ?? null;
    await storage.createUser(newTestUser('stamp-worker', team ?? 'wijkteam-west'), NOW);
    // The stamp the guard read with the device moved, so the accounts are read again.
    expect((await assignTo('stamp-worker', 2)).body.results[0]?.status).toBe('applied');
    expect(stampReads).toBe(0);
    expect(reads.users).toBe(2);
  });

  it('takes the wijken of a newly published catalogue', async () => {
    const { storage, load } = await counted();
    expect((await load()).wijken.has('wielwijk')).toBe(true);
    const body = JSON.stringify({ wijken: [{ id: 'nieuwe-wijk' }], organisations: [] });
    await storage.publishCatalogue('v-test', body, 'demo-beheerder', NOW);
    const known = await load();
    expect(known.wijken.has('nieuwe-wijk')).toBe(true);
    expect(known.wijken.has('wielwijk')).toBe(false);
  });
});
