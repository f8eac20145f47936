import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { seedImported } from './vroeg-seed';
import { STORES, loginAs, makeServer, mutation, openStore, pullAll, push } from './helpers';

/**
 * Outreach after a vroegsignaal on the server (issue 17): attempt events and the new body fields
 * (helpTo, closeReason) are accepted, stored and pulled on both stores; unknown values are
 * refused per mutation; only a wijkteam member assigns a signal to a colleague of her own team.
 */
describe.each(STORES)('vroegsignaal outreach on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c = {} as Record<'wim' | 'wendy' | 'vera', Client>;
  const vroegsignaal = {
    category: 'achterstand-huur',
    source: 'vroegsignaal',
    creditorType: 'huur',
    monthsInArrears: 2,
    street: 'Teststraat (fictief)',
    houseNumber: 10,
    houseNumberSuffix: 'A',
    consent: 'wettelijke-taak',
  };

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    // A wijkteam worker of another team (synthetic; never signs in here).
    await storage.createUser(
      {
        id: 'wijkteam-noord-1',
        email: 'noord@test.dichtbij',
        name: 'Noord (fictief)',
        role: 'wijkteam',
        teamId: 'team-wijkteam-noord',
        organisationId: null,
        wijken: ['oud-krispijn'],
        passwordHash: 'not-a-login',
      },
      '2026-11-20T10:00:00.000Z',
    );
    c.wim = await loginAs(app, 'wijkteam@demo.dichtbij', `outreach-${kind}-wim`);
    c.wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `outreach-${kind}-wendy`);
    c.vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `outreach-${kind}-vera`);
    // Wendy's team holds the signal and puts it on Wim's list.
    // Only the import makes a vroegsignaal: written as the import writes it.
    await seedImported(storage, { userId: c.wendy.userId, teamId: 'team-wijkteam-west' }, [
      mutation({
        entityId: 'vroeg-1',
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          status: 'nieuw',
          assignedToTeam: 'team-wijkteam-west',
          assignedToUser: 'demo-wijkteam',
          data: vroegsignaal,
        },
      }),
    ]);
  });
  afterAll(async () => storage.close());

  const event = (payload: Record<string, unknown>) =>
    mutation({ entityId: 'vroeg-1', op: 'event', payload: payload as never });

  it('stores attempts, help with where to, and a close by the creditor; a colleague pulls them', async () => {
    const res = await push(app, c.wim, [
      event({ kind: 'status', status: 'opgepakt', body: { from: 'nieuw', to: 'opgepakt' } }),
      event({
        kind: 'attempt',
        body: { attempt: 'huisbezoek-niet-thuis', attemptAt: '2026-11-20T09:30:00.000Z' },
      }),
      event({
        kind: 'attempt',
        body: { attempt: 'huisbezoek-gesproken', attemptAt: '2026-11-21T09:30:00.000Z' },
      }),
      event({
        kind: 'status',
        status: 'contact-gelegd',
        body: { from: 'opgepakt', to: 'contact-gelegd', contactAt: '2026-11-21T09:30:00.000Z' },
      }),
      event({ kind: 'help', body: { help: 'aanvaard', helpTo: 'schuldhulp' } }),
      event({
        kind: 'status',
        status: 'afgerond',
        body: { from: 'contact-gelegd', to: 'afgerond', closeReason: 'opgelost-door-schuldeiser' },
      }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(Array(6).fill('applied'));
    const changes = (await pullAll(app, c.wendy)).changes;
    const events = changes.flatMap((x) => {
      if (x.kind !== 'event' || x.id === undefined) return [];
      const e = x as unknown as { entityId: string; eventKind: string; body: unknown };
      return e.entityId === 'vroeg-1' ? [{ kind: e.eventKind, body: e.body }] : [];
    });
    expect(events.map((e) => e.kind)).toEqual([
      'status',
      'attempt',
      'attempt',
      'status',
      'help',
      'status',
    ]);
    expect(events[1]!.body).toEqual({
      attempt: 'huisbezoek-niet-thuis',
      attemptAt: '2026-11-20T09:30:00.000Z',
    });
    expect(events[4]!.body).toEqual({ help: 'aanvaard', helpTo: 'schuldhulp' });
    expect(events[5]!.body).toMatchObject({ closeReason: 'opgelost-door-schuldeiser' });
    const record = changes.find((x) => x.kind === 'record' && x.id === 'vroeg-1') as unknown as {
      status: string;
    };
    expect(record.status).toBe('afgerond');
  });

  it('refuses unknown attempt kinds, destinations and close reasons, and an attempt with a status', async () => {
    const res = await push(app, c.wim, [
      event({ kind: 'attempt', body: { attempt: 'fax', attemptAt: '2026-11-21T09:30:00.000Z' } }),
      event({ kind: 'help', body: { help: 'aanvaard', helpTo: 'ergens' } }),
      event({ kind: 'status', status: 'afgerond', body: { closeReason: 'verhuisd' } }),
      event({
        kind: 'attempt',
        status: 'opgepakt',
        body: { attempt: 'brief', attemptAt: '2026-11-21T09:30:00.000Z' },
      }),
    ]);
    expect(res.body.results.map((r) => [r.status, r.reason])).toEqual(
      Array(4).fill(['rejected', 'invalidPayload']),
    );
  });

  it('a wijkteam member assigns to a colleague of her team, not to someone outside it', async () => {
    const toColleague = await push(app, c.wim, [
      mutation({
        entityId: 'vroeg-1',
        op: 'patch',
        baseVersion: 1,
        payload: { assignedToUser: 'demo-wijkteam-2', data: {} },
      }),
    ]);
    expect(toColleague.body.results[0], JSON.stringify(toColleague.body.results[0])).toMatchObject({
      status: 'applied',
    });
    const outside = await push(app, c.wim, [
      mutation({
        entityId: 'vroeg-1',
        op: 'patch',
        baseVersion: 1,
        payload: { assignedToUser: 'wijkteam-noord-1', data: {} },
      }),
    ]);
    expect(outside.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'invalidPayload',
    });
    expect(outside.body.results[0]!.message).toMatch(/her own team/);
    // A volunteer puts nobody else on a list, not even on her own signal.
    const byVolunteer = await push(app, c.vera, [
      mutation({
        entityId: 'vera-1',
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          assignedToUser: 'demo-wijkteam',
          data: { category: 'eenzaamheid' },
        },
      }),
    ]);
    expect(byVolunteer.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'invalidPayload',
    });
  });
});
