import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain/sync/protocol';
import type { ScopeUser } from '../../src/domain/sync/roles';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage } from '../../src/server/storage/kysely-storage';
import { DEMO_USERS, seedDemoUsers } from '../../src/server/seed';
import { STORES, newTestUser, openStore } from './helpers';

/** The one contract every store keeps (tldraw's storage contract suite, for our two dialects). */
const NOW = '2026-11-23T10:00:00.000Z';

function demoUser(id: string): ScopeUser {
  const u = DEMO_USERS.find((d) => d.id === id);
  if (!u) throw new Error(id);
  return {
    id: u.id,
    role: u.role,
    teamId: u.teamId,
    organisationId: u.organisationId,
    wijken: u.wijken,
  };
}

const volunteer = { user: demoUser('demo-vrijwilliger'), deviceId: 'device-contract-a' };
const volunteerB = { user: demoUser('demo-vrijwilliger'), deviceId: 'device-contract-b' };

let n = 0;
function put(
  entityId: string,
  data: Record<string, unknown>,
  extra: Partial<Mutation> = {},
): Mutation {
  n += 1;
  return {
    mutationId: `c-${n}-${Math.random().toString(36).slice(2)}`,
    seq: n,
    entityType: 'signal',
    entityId,
    op: 'put',
    baseVersion: 0,
    schemaVersion: 1,
    createdAt: NOW,
    payload: { wijk: 'wielwijk', data },
    ...extra,
  };
}

describe.each(STORES)('storage contract on %s', (kind) => {
  const opened: KyselySyncStorage[] = [];
  async function store() {
    const { storage, url } = await openStore(kind);
    opened.push(storage);
    await seedDemoUsers(storage);
    for (const d of ['device-contract-a', 'device-contract-b']) {
      await storage.saveDeviceLogin(d, 'demo-vrijwilliger', 'h', '2099-01-01T00:00:00.000Z', NOW);
    }
    return { storage, url };
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('migrates idempotently and keeps the first setting written', async () => {
    const { storage } = await store();
    await storage.migrate();
    expect(await storage.settingOrInit('k', 'one')).toBe('one');
    expect(await storage.settingOrInit('k', 'two')).toBe('one');
  });

  it('creates users once per e-mail address and finds them case-insensitively', async () => {
    const { storage } = await store();
    expect(await seedDemoUsers(storage)).toBe(0);
    const user = await storage.findUserByEmail('VRIJWILLIGER@demo.dichtbij');
    expect(user?.role).toBe('vrijwilliger');
    expect(user?.wijken).toEqual(['wielwijk', 'crabbehof']);
    expect((await storage.listUsers()).length).toBe(DEMO_USERS.length);
  });

  it('rotates a refresh token once, repeats it within the reuse window and forgets it on revoke', async () => {
    const { storage } = await store();
    await storage.saveDeviceLogin(
      'dev-rot-1',
      'demo-wijkteam',
      'old',
      '2099-01-01T00:00:00.000Z',
      NOW,
    );
    const later = '2099-01-01T00:00:00.000Z';
    const until = new Date(Date.parse(NOW) + 60_000).toISOString();
    expect(await storage.rotateRefresh('dev-rot-1', 'old', 'new', later, NOW, until)).toBe(
      'rotated',
    );
    // The same token again with the same successor: a lost answer, retried.
    expect(await storage.rotateRefresh('dev-rot-1', 'old', 'new', later, NOW, until)).toBe(
      'repeated',
    );
    // A token that was never issued changes nothing.
    expect(await storage.rotateRefresh('dev-rot-1', 'guess', 'x', later, NOW, until)).toBe(
      'refused',
    );
    expect((await storage.getDevice('dev-rot-1'))?.revokedAt).toBeNull();
    expect(await storage.revokeDevice('dev-rot-1', NOW)).toBe(true);
    expect(await storage.rotateRefresh('dev-rot-1', 'new', 'x', later, NOW, until)).toBe('refused');
    expect((await storage.getDevice('dev-rot-1'))?.revokedAt).toBe(NOW);
  });

  it('applies a mutation once: the same id or batch again is a duplicate with the same answer', async () => {
    const { storage } = await store();
    const m = put('rec-dup', { a: 1 });
    const first = await storage.push(volunteer, [m, m], NOW);
    expect(first.results.map((r) => [r.status, r.duplicate])).toEqual([
      ['applied', false],
      ['applied', true],
    ]);
    const again = await storage.push(volunteer, [m], NOW);
    expect(again.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    expect(again.lastSeq).toBe(m.seq);
    const reused = await storage.push(volunteer, [{ ...m, mutationId: 'other-id' }], NOW);
    expect(reused.results[0]).toMatchObject({ status: 'rejected', reason: 'seqReused' });
    const pulled = await storage.pull(volunteer, null, 100);
    expect(pulled.changes).toHaveLength(1);
  });

  it('hands out increasing versions and pages a pull without skipping or repeating', async () => {
    const { storage } = await store();
    const batch = Array.from({ length: 25 }, (_, i) => put(`rec-page-${i}`, { i }));
    await storage.push(volunteer, batch, NOW);
    const seen: string[] = [];
    let cursor: number | null = null;
    let pages = 0;
    for (;;) {
      const page = await storage.pull(volunteer, cursor, 7);
      pages += 1;
      seen.push(...page.changes.map((c) => c.id));
      const versions = page.changes.map((c) => c.version);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toHaveLength(25);
    const after = await storage.pull(volunteer, cursor, 7);
    expect(after.changes).toHaveLength(0);
    expect(after.reset).toBe(false);
  });

  it('keeps the first value and reports the second as a conflict when two devices change one field', async () => {
    const { storage } = await store();
    await storage.push(volunteer, [put('rec-c', { a: 1, b: 1 })], NOW);
    const base = (await storage.pull(volunteer, null, 10)).changes[0]?.version ?? 0;
    const fromA = put('rec-c', {}, { op: 'patch', baseVersion: base, payload: { data: { a: 2 } } });
    const fromB = put(
      'rec-c',
      {},
      { op: 'patch', baseVersion: base, payload: { data: { a: 3, b: 5 } } },
    );
    expect((await storage.push(volunteer, [fromA], NOW)).results[0]?.status).toBe('applied');
    const second = await storage.push(volunteerB, [fromB], NOW);
    expect(second.results[0]).toMatchObject({ status: 'conflict' });
    expect(
      second.results[0]?.conflicts?.map((c) => [c.field, c.serverValue, c.clientValue]),
    ).toEqual([['data.a', 2, 3]]);
    expect(second.results[0]?.record?.data).toEqual({ a: 2, b: 5 });
    // A resent batch answers the conflict again, so a lost response cannot hide it.
    const resent = await storage.push(volunteerB, [fromB], NOW);
    expect(resent.results[0]).toMatchObject({ status: 'conflict', duplicate: true });
    expect(resent.results[0]?.conflicts).toHaveLength(1);
    // Versions are placeholders until the counter is locked (working-set.ts); everything
    // stored and answered must carry the real ones: the answer, the resent answer, the stored
    // conflict and the field stamps (a placeholder stamp would make every later edit conflict).
    const merged = second.results[0]?.record?.version ?? NaN;
    expect(merged).toBeGreaterThan(base);
    expect(merged).toBeLessThan(2 ** 50);
    expect(second.results[0]?.conflicts?.[0]?.serverVersion).toBe(merged);
    expect(resent.results[0]?.conflicts).toEqual(second.results[0]?.conflicts);
    const stored = await storage.db.selectFrom('conflicts').select('server_version').execute();
    expect(stored.map((c) => Number(c.server_version))).toEqual([merged]);
    const later = put(
      'rec-c',
      {},
      { op: 'patch', baseVersion: merged, payload: { data: { b: 6 } } },
    );
    expect((await storage.push(volunteer, [later], NOW)).results[0]?.status).toBe('applied');
  });

  it('answers a reset when the cursor is ahead of the server', async () => {
    const { storage } = await store();
    await storage.push(volunteer, [put('rec-r', { a: 1 })], NOW);
    const page = await storage.pull(volunteer, 10_000, 10);
    expect(page.reset).toBe(true);
    expect(page.changes).toHaveLength(1);
  });

  it('publishes catalogue versions in order and refuses a version twice', async () => {
    const { storage } = await store();
    expect(await storage.currentCatalogue()).toBeUndefined();
    expect(await storage.publishCatalogue('v1', '{}', 'demo-beheerder', NOW)).toBe(true);
    expect(await storage.publishCatalogue('v2', '{"x":1}', 'demo-beheerder', NOW)).toBe(true);
    expect(await storage.publishCatalogue('v1', '{}', 'demo-beheerder', NOW)).toBe(false);
    expect((await storage.currentCatalogue())?.version).toBe('v2');
  });

  it('reads a device with the account it is bound to in one read, and nothing for an unknown device', async () => {
    const { storage } = await store();
    const bound = await storage.getDeviceWithOwner('device-contract-a');
    expect(bound?.device).toEqual(await storage.getDevice('device-contract-a'));
    expect(bound?.owner).toEqual(await storage.getUser('demo-vrijwilliger'));
    expect(await storage.getDeviceWithOwner('no-such-device')).toBeUndefined();
  });

  it('moves the accounts stamp with every change to an account, and names the current catalogue', async () => {
    const { storage } = await store();
    const first = await storage.knownStamps();
    expect(first.catalogueVersion).toBeNull();
    expect(first.directory).not.toBeNull();
    await storage.publishCatalogue('v1', '{}', 'demo-beheerder', NOW);
    expect(await storage.knownStamps()).toEqual({ ...first, catalogueVersion: 'v1' });

    const stamps: number[] = [];
    const stamp = async () => {
      const { directory } = await storage.knownStamps();
      stamps.push(directory ?? Number.NaN);
    };
    await storage.createUser(newTestUser('stamp-user', 'wijkteam-west'), NOW);
    await stamp();
    await storage.updateUserScope('stamp-user', {
      role: 'wijkteam',
      teamId: 'wijkteam-oost',
      wijken: [],
    });
    await stamp();
    // Any write to the table counts, also one no storage function knows of.
    await sql`update users set disabled = 1 where id = 'stamp-user'`.execute(storage.db);
    await stamp();
    await sql`delete from users where id = 'stamp-user'`.execute(storage.db);
    await stamp();
    let previous = first.directory ?? Number.NaN;
    for (const next of stamps) {
      expect(next).toBeGreaterThan(previous);
      previous = next;
    }
  });

  it('leaves aggregate cells below the minimum size out altogether', async () => {
    const { storage } = await store();
    await storage.push(
      volunteer,
      Array.from({ length: 6 }, (_, i) => put(`agg-${i}`, { i })),
      NOW,
    );
    await storage.push(
      volunteer,
      [put('agg-x', {}, { payload: { wijk: 'crabbehof', data: {} } })],
      NOW,
    );
    const cells = await storage.aggregates(5);
    expect(cells.find((c) => c.wijk === 'wielwijk')?.count).toBe(6);
    // Not even listed as hidden: a listed empty cell would tell that 1-4 records exist.
    expect(cells.find((c) => c.wijk === 'crabbehof')).toBeUndefined();
    expect(cells.every((c) => c.count >= 5)).toBe(true);
  });

  it('writes audit entries for changes and reads, without contents, and pages them', async () => {
    const { storage } = await store();
    const secret = 'Naam-Die-Niet-In-Het-Log-Mag';
    await storage.push(volunteer, [put('rec-audit', { name: secret })], NOW);
    await storage.push(
      volunteer,
      [put('rec-audit', {}, { op: 'event', payload: { kind: 'note', body: secret } })],
      NOW,
    );
    await storage.pull(volunteer, null, 100, null, '2026-11-23T11:00:00.000Z');
    const page = await storage.listAudit({ entityId: 'rec-audit' });
    expect(page.entries.map((e) => [e.action, e.at])).toEqual([
      ['read', '2026-11-23T11:00:00.000Z'],
      ['event', NOW],
      ['create', NOW],
    ]);
    expect(page.entries[0]).toMatchObject({
      userId: 'demo-vrijwilliger',
      role: 'vrijwilliger',
      deviceId: volunteer.deviceId,
      entityType: 'signal',
    });
    expect(JSON.stringify(page)).not.toContain(secret);

    await storage.appendAudit(
      Array.from({ length: 5 }, (_, i) => ({
        at: `2026-11-2${i}T00:00:00.000Z`,
        userId: 'demo-wijkteam',
        role: 'wijkteam' as const,
        deviceId: 'dev-audit',
        entityType: 'check' as const,
        entityId: `chk-${i}`,
        action: 'read' as const,
      })),
    );
    const first = await storage.listAudit({ userId: 'demo-wijkteam', limit: 2 });
    expect(first.entries.map((e) => e.entityId)).toEqual(['chk-4', 'chk-3']);
    const second = await storage.listAudit({
      userId: 'demo-wijkteam',
      limit: 2,
      before: first.nextBefore ?? 0,
    });
    expect(second.entries.map((e) => e.entityId)).toEqual(['chk-2', 'chk-1']);
    const last = await storage.listAudit({
      userId: 'demo-wijkteam',
      limit: 2,
      before: second.nextBefore ?? 0,
    });
    expect(last.entries.map((e) => e.entityId)).toEqual(['chk-0']);
    expect(last.nextBefore).toBeNull();
    const range = await storage.listAudit({
      from: '2026-11-21T00:00:00Z',
      to: '2026-11-23T00:00:00Z',
      entityType: 'check',
    });
    expect(range.entries.map((e) => e.entityId)).toEqual(['chk-2', 'chk-1']);
    expect((await storage.listAudit({ deviceId: 'dev-audit', action: 'create' })).entries).toEqual(
      [],
    );
  });

  it('counts login attempts per key within the window, and forgets and clears them', async () => {
    const { storage } = await store();
    const since = '2026-11-23T09:45:00.000Z';
    await storage.recordLoginAttempt(
      'a1',
      ['acct', 'ip'],
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T08:45:00.000Z',
    );
    await storage.recordLoginAttempt('a2', ['acct', 'ip'], '2026-11-23T09:50:00.000Z', since);
    const times = await storage.recordLoginAttempt('a3', ['acct', 'ip2'], NOW, since);
    // a1 is outside the window and pruned.
    expect(times).toEqual({ acct: ['2026-11-23T09:50:00.000Z', NOW], ip2: [NOW] });
    await storage.forgetLoginAttempt('a3');
    await storage.clearLoginAttempts('acct');
    const after = await storage.recordLoginAttempt('a4', ['acct', 'ip'], NOW, since);
    expect(after).toEqual({ acct: [NOW], ip: ['2026-11-23T09:50:00.000Z', NOW] });
  });

  it('keeps a device lost: a later login does not clear it', async () => {
    const { storage } = await store();
    expect(await storage.markDeviceLost('device-contract-a', NOW)).toBe(true);
    expect(await storage.markDeviceLost('no-such-device', NOW)).toBe(false);
    await storage.saveDeviceLogin(
      'device-contract-a',
      'demo-vrijwilliger',
      'h2',
      '2099-01-01T00:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
    );
    const device = await storage.getDevice('device-contract-a');
    expect(device?.lostAt).toBe(NOW);
    expect((await storage.getDevice('device-contract-b'))?.lostAt).toBeNull();
    expect((await storage.listDevices('demo-vrijwilliger')).map((d) => d.id).sort()).toEqual([
      'device-contract-a',
      'device-contract-b',
    ]);
    expect(await storage.listDevices('demo-wijkteam')).toEqual([]);
  });

  if (kind === 'postgres') {
    it('never lets a pull skip a change when two instances push at the same time', async () => {
      const { storage, url } = await store();
      const other = openPostgresStorage(url, 5);
      opened.push(other);
      const writers = [storage, other];
      let cursor: number | null = null;
      const seen = new Set<string>();
      const pushes = Array.from({ length: 40 }, (_, i) =>
        writers[i % 2]!.push(
          i % 2 ? volunteerB : volunteer,
          [put(`race-${i}`, { i }, { seq: 1000 + i })],
          NOW,
        ),
      );
      // Pull while the pushes commit; the cursor must never move past an uncommitted version.
      const puller = (async () => {
        for (let round = 0; round < 30; round += 1) {
          const page = await storage.pull(volunteer, cursor, 1000);
          for (const c of page.changes) seen.add(c.id);
          cursor = page.cursor;
        }
      })();
      await Promise.all([...pushes, puller]);
      for (;;) {
        const page = await storage.pull(volunteer, cursor, 1000);
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(seen.size).toBe(40);
    });
  }
});
