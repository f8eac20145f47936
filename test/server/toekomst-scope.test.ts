import { insightResponseSchema } from '../../src/domain/insight/figures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import {
  STORES,
  loginAs,
  makeServer,
  newDeviceKeys,
  mutation,
  openStore,
  post,
  pullAll,
  push,
} from './helpers';

/**
 * Toekomstmakelaars and their residents (issue 13): she sees her own and her team's residents and
 * the referrals to them; whoever referred sees her referral and the status only, never the
 * toekomstgesprek; a wijkteam worker of another team sees nothing; the coordinator only counts.
 */
const TEAM = 'team-toekomstmakelaars';
const referral = {
  residentName: 'Bewoner T (fictief)',
  contact: '06 0000 0000 (fictief)',
  consent: true,
  referredFrom: 'check',
  referredFromId: 'check-1',
};
const intake = {
  wishes: ['werk'],
  barriers: ['taal'],
  hoursPerWeek: 12,
  experience: 'Schoonmaak in een hotel (fictief)',
  qualification: 'geen',
  drivingLicence: false,
  intakeAt: '2026-11-21T10:00:00.000Z',
};

describe.each(STORES)('toekomst scope on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};
  const toekomst = (p: Parameters<typeof mutation>[0]) =>
    mutation({ entityType: 'toekomst', ...p });

  async function createUser(email: string, role: string, teamId: string, wijken: string[]) {
    const res = await post(
      app,
      '/api/admin/users',
      {
        email,
        name: `${role} (fictief)`,
        role,
        teamId,
        organisationId: null,
        wijken,
        password: 'test-password-2026',
      },
      c.bea!.token,
    );
    expect(res.status).toBe(201);
    const login = await post(app, '/api/auth/login', {
      email,
      password: 'test-password-2026',
      deviceId: `tk-${kind}-${role}-${teamId}`,
    });
    const body = (await login.json()) as { accessToken: string; user: { id: string } };
    return {
      token: body.accessToken,
      refreshToken: '',
      deviceId: `tk-${kind}-${role}-${teamId}`,
      userId: body.user.id,
      // Signed in without a device key (allowed for devices from before keys); never refreshes.
      keys: await newDeviceKeys(),
    };
  }

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    for (const [name, email] of Object.entries({
      vera: 'vrijwilliger@demo.dichtbij',
      wim: 'wijkteam@demo.dichtbij',
      wendy: 'wijkteam2@demo.dichtbij',
      tara: 'toekomstmakelaar@demo.dichtbij',
      cor: 'coordinator@demo.dichtbij',
      bea: 'beheerder@demo.dichtbij',
    })) {
      c[name] = await loginAs(app, email, `tk-${kind}-${name}`);
    }
    // The NPDW has two toekomstmakelaars (003 L3634); and a wijkteam in another part of town.
    c.tom = await createUser(`tom-${kind}@test.dichtbij`, 'toekomstmakelaar', TEAM, []);
    c.olga = await createUser(`olga-${kind}@test.dichtbij`, 'wijkteam', 'team-wijkteam-oost', [
      'wielwijk',
    ]);

    // Vera refers a resident from her check; Wim refers one from a signal.
    const vera = await push(app, c.vera!, [
      toekomst({
        entityId: 'tk-vera',
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'verwezen', assignedToTeam: TEAM, data: referral },
      }),
    ]);
    const wim = await push(app, c.wim!, [
      toekomst({
        entityId: 'tk-wim',
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          status: 'verwezen',
          assignedToTeam: TEAM,
          data: { ...referral, referredFrom: 'signaal', referredFromId: 'sig-1' },
        },
      }),
    ]);
    // Tom starts a trajectory of his own, for his team.
    const tom = await push(app, c.tom!, [
      toekomst({
        entityId: 'tk-tom',
        op: 'put',
        payload: {
          status: 'opgepakt',
          assignedToTeam: TEAM,
          assignedToUser: c.tom!.userId,
          data: { ...referral, referredFrom: 'eigen', ...intake },
        },
      }),
    ]);
    // Tara takes Vera's referral up, holds the toekomstgesprek and signs her up for an offer.
    const tara = await push(app, c.tara!, [
      toekomst({
        entityId: 'tk-vera',
        op: 'patch',
        baseVersion: 1,
        payload: { assignedToUser: 'demo-toekomstmakelaar', data: { ...intake } },
      }),
      toekomst({
        entityId: 'tk-vera',
        op: 'event',
        payload: { kind: 'status', status: 'opgepakt', body: { from: 'verwezen', to: 'opgepakt' } },
      }),
      toekomst({
        entityId: 'tk-vera',
        op: 'event',
        payload: {
          kind: 'step',
          body: {
            stepId: 's1',
            offerId: 'leerpraktijkcentrum-waterwiel',
            from: null,
            to: 'aangemeld',
          },
        },
      }),
      toekomst({
        entityId: 'tk-vera',
        op: 'event',
        payload: {
          kind: 'handover',
          body: {
            stepId: 's1',
            offerId: 'leerpraktijkcentrum-waterwiel',
            organisationId: 'woonbron',
            consent: true,
            message: 'Zij begint graag in de keuken (fictief).',
          },
        },
      }),
      toekomst({
        entityId: 'tk-vera',
        op: 'event',
        payload: {
          kind: 'status',
          status: 'in-traject',
          body: { from: 'opgepakt', to: 'in-traject' },
        },
      }),
    ]);
    for (const res of [vera, wim, tom, tara]) {
      expect(res.body.results.every((r) => r.status === 'applied')).toBe(true);
    }
  });
  afterAll(async () => storage.close());

  const pulled = async (who: string) =>
    (await pullAll(app, c[who]!)).changes as unknown as Change[];
  const recordIds = async (who: string) =>
    (await pulled(who))
      .filter((x) => x.kind === 'record' && x.entityType === 'toekomst')
      .map((x) => x.id)
      .sort();

  it('a toekomstmakelaar sees her own, her team’s residents and the referrals to the team', async () => {
    expect(await recordIds('tara')).toEqual(['tk-tom', 'tk-vera', 'tk-wim']);
    expect(await recordIds('tom')).toEqual(['tk-tom', 'tk-vera', 'tk-wim']);
    const tom = await pulled('tom');
    const vera = tom.find((x) => x.kind === 'record' && x.id === 'tk-vera');
    // A colleague reads the whole toekomstgesprek and plan: they share the residents.
    expect(vera && vera.kind === 'record' && vera.data.wishes).toEqual(['werk']);
    expect(tom.some((x) => x.kind === 'event' && x.eventKind === 'handover')).toBe(true);
  });

  it('the volunteer who referred sees "opgepakt" and the status, never the intake', async () => {
    const changes = await pulled('vera');
    const record = changes.find((x) => x.kind === 'record' && x.id === 'tk-vera');
    expect(record && record.kind === 'record' && record.status).toBe('in-traject');
    expect(record && record.kind === 'record' && Object.keys(record.data).sort()).toEqual(
      Object.keys(referral).sort(),
    );
    const events = changes.filter((x) => x.kind === 'event');
    expect(events.map((e) => e.kind === 'event' && [e.eventKind, e.status, e.body])).toEqual([
      ['status', 'opgepakt', null],
      ['status', 'in-traject', null],
    ]);
    const text = JSON.stringify(changes);
    expect(text).not.toMatch(/hotel|keuken|waterwiel|hoursPerWeek|wishes|barriers/i);
  });

  it('a referrer cannot write the intake she cannot read, nor get it back in a conflict', async () => {
    const res = await push(app, c.vera!, [
      toekomst({
        entityId: 'tk-vera',
        op: 'patch',
        baseVersion: 1,
        payload: { data: { wishes: ['ondernemen'] } },
      }),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(JSON.stringify(res.body)).not.toMatch(/hotel|werk"|hoursPerWeek/);
    // Her own referral she may still correct.
    const fix = await push(app, c.vera!, [
      toekomst({
        entityId: 'tk-vera',
        op: 'patch',
        baseVersion: 1,
        payload: { data: { contact: '06 1111 1111 (fictief)' } },
      }),
    ]);
    expect(fix.body.results[0]!.status).not.toBe('rejected');
  });

  it('the wijkteam colleague of the referrer sees the status only', async () => {
    const changes = await pulled('wendy');
    const record = changes.find((x) => x.kind === 'record' && x.id === 'tk-wim');
    expect(record && record.kind === 'record' && record.data.residentName).toBe(
      referral.residentName,
    );
    expect(JSON.stringify(changes)).not.toMatch(/hotel|wishes/);
  });

  it('a wijkteam worker of another team sees nothing', async () => {
    expect(await recordIds('olga')).toEqual([]);
    expect((await pulled('olga')).filter((x) => x.entityType === 'toekomst')).toEqual([]);
  });

  it('the coordinator only counts', async () => {
    expect(await pulled('cor')).toEqual([]);
    const res = await app.request('/api/aggregates', {
      headers: { authorization: `Bearer ${c.cor!.token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cells: { entityType: string; count: number | null }[] };
    // Three residents in all: every cell is under five, so none is listed at all.
    expect(body.cells.filter((cell) => cell.entityType === 'toekomst')).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/fictief/);
    // Her figures: the three residents counted (under five, so "< 5"), nobody named.
    const figures = await app.request('/api/insight', {
      headers: { authorization: `Bearer ${c.cor!.token}` },
    });
    expect(figures.status).toBe(200);
    const text = await figures.text();
    expect(text).not.toMatch(/fictief/);
    const insight = insightResponseSchema.parse(JSON.parse(text));
    expect(insight.current.toekomst.byWijk.cols[0]).toBe('nieuw');
    expect(insight.current.toekomst.byWijk.colTotals?.[0]).toEqual({ kind: 'small' });
  });
});
