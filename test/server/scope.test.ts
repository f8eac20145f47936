import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, post, pullAll, push } from './helpers';

/** What each role may pull and push, enforced by the server on every request. */
describe.each(STORES)('scope per role on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    for (const [name, email] of Object.entries({
      vera: 'vrijwilliger@demo.dichtbij',
      vincent: 'vrijwilliger2@demo.dichtbij',
      wim: 'wijkteam@demo.dichtbij',
      wendy: 'wijkteam2@demo.dichtbij',
      tara: 'toekomstmakelaar@demo.dichtbij',
      cor: 'coordinator@demo.dichtbij',
      bea: 'beheerder@demo.dichtbij',
    })) {
      c[name] = await loginAs(app, email, `scope-${kind}-${name}`);
    }
    // Vera: one own record and one referral to Tara. Wim: a team record in Wielwijk.
    await push(app, c.vera!, [
      mutation({ entityId: 'vera-own', op: 'put', payload: { wijk: 'wielwijk', data: { x: 1 } } }),
      mutation({
        entityId: 'vera-ref',
        op: 'put',
        payload: { wijk: 'krispijn', assignedToUser: 'demo-toekomstmakelaar', data: { x: 2 } },
      }),
    ]);
    await push(app, c.wim!, [
      mutation({ entityId: 'wim-team', op: 'put', payload: { wijk: 'wielwijk', data: { y: 1 } } }),
    ]);
  });
  afterAll(async () => storage.close());

  const ids = async (who: string) =>
    (await pullAll(app, c[who]!)).changes
      .filter((x) => x.kind === 'record')
      .map((x) => x.id)
      .sort();

  it('a volunteer reads only her own records', async () => {
    expect(await ids('vera')).toEqual(['vera-own', 'vera-ref']);
    expect(await ids('vincent')).toEqual([]);
  });

  it('a volunteer cannot overwrite, patch, delete or add to another volunteer’s record', async () => {
    const res = await push(app, c.vincent!, [
      mutation({ entityId: 'vera-own', op: 'put', payload: { wijk: 'wielwijk', data: { x: 99 } } }),
      mutation({ entityId: 'vera-own', op: 'patch', payload: { data: { x: 98 } } }),
      mutation({ entityId: 'vera-own', op: 'delete', payload: {} }),
      mutation({ entityId: 'vera-own', op: 'event', payload: { kind: 'note', body: 'x' } }),
    ]);
    expect(res.body.results.map((r) => r.reason)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    const mine = (await pullAll(app, c.vera!)).changes.find((x) => x.id === 'vera-own');
    expect(mine?.data).toEqual({ x: 1 });
  });

  it('wijkteam members see their team’s records in their wijken, not volunteers’ records', async () => {
    expect(await ids('wendy')).toEqual(['wim-team']);
    const res = await push(app, c.wendy!, [
      mutation({
        entityId: 'wim-team',
        op: 'patch',
        baseVersion: 100,
        payload: { data: { y: 2 } },
      }),
    ]);
    expect(res.body.results[0]?.status).toBe('applied');
  });

  it('a wijkteam member cannot create a record outside her wijken', async () => {
    const res = await push(app, c.wendy!, [
      mutation({ entityId: 'wendy-elsewhere', op: 'put', payload: { wijk: 'krispijn', data: {} } }),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('a toekomstmakelaar sees referrals addressed to her and may add to them, not delete them', async () => {
    expect(await ids('tara')).toEqual(['vera-ref']);
    const res = await push(app, c.tara!, [
      mutation({
        entityId: 'vera-ref',
        op: 'event',
        payload: { kind: 'status', status: 'opgepakt' },
      }),
      mutation({ entityId: 'vera-ref', op: 'delete', payload: {} }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
  });

  it('a referral handed to the toekomstmakelaars’ team reaches the toekomstmakelaar', async () => {
    await push(app, c.vincent!, [
      mutation({
        entityId: 'vincent-to-tm-team',
        op: 'put',
        payload: { wijk: 'wielwijk', assignedToTeam: 'team-toekomstmakelaars', data: { z: 1 } },
      }),
    ]);
    expect(await ids('tara')).toContain('vincent-to-tm-team');
    expect(await ids('wendy')).not.toContain('vincent-to-tm-team');
    expect(await ids('vera')).not.toContain('vincent-to-tm-team');
  });

  it('a coordinator and a beheerder get no personal record and cannot write one', async () => {
    for (const who of ['cor', 'bea']) {
      expect(await ids(who)).toEqual([]);
      const res = await push(app, c[who]!, [
        mutation({ entityId: `${who}-new`, op: 'put', payload: { wijk: 'wielwijk', data: {} } }),
      ]);
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    }
  });

  it('aggregates are for coordinators only and hide small cells', async () => {
    const ok = await app.request('/api/aggregates', {
      headers: { authorization: `Bearer ${c.cor!.token}` },
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { cells: { count: number }[] };
    expect(body.cells.every((cell) => Number.isInteger(cell.count) && cell.count >= 5)).toBe(true);
    const no = await app.request('/api/aggregates', {
      headers: { authorization: `Bearer ${c.vera!.token}` },
    });
    expect(no.status).toBe(403);
  });

  it('only a beheerder manages users and publishes the catalogue', async () => {
    expect(
      (
        await app.request('/api/admin/users', {
          headers: { authorization: `Bearer ${c.wim!.token}` },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.request('/api/admin/users', {
          headers: { authorization: `Bearer ${c.bea!.token}` },
        })
      ).status,
    ).toBe(200);
    expect((await post(app, '/api/catalogue', {}, c.cor!.token)).status).toBe(403);
  });

  it('a scope change makes the next pull a reset', async () => {
    const before = await post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: c.wendy!.deviceId, cursor: null },
      c.wendy!.token,
    );
    const first = (await before.json()) as { cursor: number; scopeVersion: number };
    const patched = await app.request('/api/admin/users/demo-wijkteam-2', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.bea!.token}` },
      body: JSON.stringify({
        role: 'wijkteam',
        teamId: 'team-wijkteam-west',
        wijken: ['crabbehof'],
      }),
    });
    expect(patched.status).toBe(200);
    const after = await post(
      app,
      '/api/sync/pull',
      {
        protocolVersion: 1,
        deviceId: c.wendy!.deviceId,
        cursor: first.cursor,
        scopeVersion: first.scopeVersion,
      },
      c.wendy!.token,
    );
    const body = (await after.json()) as { reset: boolean; changes: { id: string }[] };
    expect(body.reset).toBe(true);
    expect(body.changes).toEqual([]);
  });
});
