import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CampaignSummary,
  CreateCampaignResponse,
} from '../../src/domain/vroegsignalen/campaign-report';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, post, pullAll, push } from './helpers';

/**
 * Door-to-door campaigns on the server (issue 17 part 3): only a coordinator or beheerder makes
 * one; a list with any bad line makes nothing; the addresses reach the wijk's team through the
 * ordinary pull and nobody else; the visits' events (with the questionnaire) come back through
 * the push; the overview counts them with small-cell suppression. On both stores.
 */
const NOW = new Date('2026-11-30T12:00:00.000Z');
const ADDRESSES = [
  'Teststraat 1, 3317 AA Dordrecht',
  'Teststraat 2, 3317 AA Dordrecht',
  'Teststraat 3, 3317 AA Dordrecht',
  'Teststraat 4, 3317 AA Dordrecht',
  'Teststraat 5, 3317 AA Dordrecht',
  'Teststraat 6a, 3317 AA Dordrecht',
].join('\n');

const campaign = (extra: Record<string, unknown> = {}) => ({
  name: 'Sociaal Renoveren blok A (fictief)',
  wijk: 'wielwijk',
  startsOn: '2026-12-01',
  endsOn: '2027-01-31',
  addresses: ADDRESSES,
  ...extra,
});

type Change = Awaited<ReturnType<typeof pullAll>>['changes'][number];
const campaignRecords = (changes: readonly Change[]) =>
  changes.filter((c) => c.kind === 'record' && c.data?.source === 'campagne');

describe.each(STORES)('door-to-door campaigns on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};

  async function create(who: Client, body: unknown) {
    const res = await post(app, '/api/campagnes', body, who.token);
    return { status: res.status, body: (await res.json()) as CreateCampaignResponse };
  }
  async function list(who: Client) {
    const res = await app.request('/api/campagnes', {
      headers: { authorization: `Bearer ${who.token}` },
    });
    return { status: res.status, body: (await res.json()) as { campaigns: CampaignSummary[] } };
  }
  const recordCount = async () =>
    Number(
      (
        await storage.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => NOW);
    c.coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `camp-${kind}-coord`);
    c.beheerder = await loginAs(app, 'beheerder@demo.dichtbij', `camp-${kind}-beh`);
    c.wim = await loginAs(app, 'wijkteam@demo.dichtbij', `camp-${kind}-wim`);
    c.vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `camp-${kind}-vera`);
    c.toekomst = await loginAs(app, 'toekomstmakelaar@demo.dichtbij', `camp-${kind}-tm`);
  });
  afterAll(async () => storage.close());

  it('refuses workers: only a coordinator or beheerder makes or reads campaigns', async () => {
    for (const who of [c.wim!, c.vera!, c.toekomst!]) {
      expect((await create(who, campaign())).status).toBe(403);
      expect((await list(who)).status).toBe(403);
    }
    expect(await recordCount()).toBe(0);
  });

  it('a list with a bad line makes nothing and names every problem by line', async () => {
    const res = await create(c.coordinator!, {
      ...campaign(),
      addresses: `${ADDRESSES}\nTeststraat 1, 3317AA Dordrecht\nnergens`,
      endsOn: '2026-11-01',
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    if (res.body.ok) return;
    expect(res.body.problems.map((p) => [p.field, p.code, p.line])).toEqual([
      ['endsOn', 'endBeforeStart', undefined],
      ['addresses', 'duplicate', 7],
      ['addresses', 'addressUnreadable', 8],
    ]);
    expect(await recordCount()).toBe(0);
    expect((await list(c.coordinator!)).body.campaigns).toEqual([]);
  });

  it('refuses an address a person placed in another wijk', async () => {
    await storage.db
      .withTables<{
        vroeg_placements: {
          address_key: string;
          wijk: string;
          source: string;
          placed_by: string;
          placed_at: string;
        };
      }>()
      .insertInto('vroeg_placements')
      .values({
        address_key: '3318BB|*',
        wijk: 'crabbehof',
        source: 'handmatig',
        placed_by: 'demo-beheerder',
        placed_at: NOW.toISOString(),
      })
      .execute();
    const res = await create(c.beheerder!, {
      ...campaign(),
      addresses: 'Anderestraat 1, 3318 BB Dordrecht',
    });
    expect(res.body).toMatchObject({ ok: false, problems: [{ code: 'otherWijk', line: 1 }] });
    expect(await recordCount()).toBe(0);
  });

  it('makes the addresses signal records the wijk team pulls, and nobody else', async () => {
    const res = await create(c.coordinator!, campaign());
    expect(res.body.ok).toBe(true);
    if (!res.body.ok) return;
    expect(res.body.withoutTeam).toBe(false);
    expect(res.body.campaign).toMatchObject({ addresses: 6, wijk: 'wielwijk' });
    expect(res.body.campaign.cells.visited).toEqual({ kind: 'small' });
    const wim = campaignRecords((await pullAll(app, c.wim!)).changes);
    expect(wim).toHaveLength(6);
    expect(wim[0]!.data).toMatchObject({
      campaignId: res.body.campaign.id,
      consent: 'nog-niet-gevraagd',
      city: 'Dordrecht',
    });
    expect(campaignRecords((await pullAll(app, c.vera!)).changes)).toEqual([]);
    expect(campaignRecords((await pullAll(app, c.toekomst!)).changes)).toEqual([]);
    expect(campaignRecords((await pullAll(app, c.coordinator!)).changes)).toEqual([]);
    // The signal figures do not count campaign addresses.
    const rollup = await storage.db
      .selectFrom('insight_rollup')
      .selectAll()
      .where('n', '<>', 0)
      .execute();
    expect(rollup).toEqual([]);
    const audit = await storage.db
      .selectFrom('audit_log')
      .select(['entity_type', 'action'])
      .where('entity_type', '=', 'campaign')
      .execute();
    expect(audit).toEqual([{ entity_type: 'campaign', action: 'create' }]);
  });

  it('stores the visits with their questionnaire; the overview counts them, small cells hidden', async () => {
    const ids = campaignRecords((await pullAll(app, c.wim!)).changes)
      .map((r) => r.id)
      .sort();
    const at = (i: number) => `2026-11-30T1${i}:00:00.000Z`;
    const talk = (id: string, i: number) => [
      mutation({
        entityId: id,
        op: 'event',
        payload: {
          kind: 'status',
          status: 'opgepakt',
          body: { from: 'nieuw', to: 'opgepakt' },
        } as never,
        createdAt: at(i),
      }),
      mutation({
        entityId: id,
        op: 'event',
        payload: {
          kind: 'attempt',
          body: {
            attempt: 'huisbezoek-gesproken',
            attemptAt: at(i),
            answers: { geld: 'zorg', wonen: 'geen-zorg' },
          },
        } as never,
        createdAt: at(i),
      }),
      mutation({
        entityId: id,
        op: 'event',
        payload: {
          kind: 'status',
          status: 'contact-gelegd',
          body: { from: 'opgepakt', to: 'contact-gelegd', contactAt: at(i) },
        } as never,
        createdAt: at(i),
      }),
    ];
    const pushed = await push(app, c.wim!, [
      ...ids.slice(0, 5).flatMap((id, i) => talk(id, i)),
      mutation({
        entityId: ids[5]!,
        op: 'event',
        payload: {
          kind: 'attempt',
          body: { attempt: 'huisbezoek-niet-thuis', attemptAt: at(6) },
        } as never,
        createdAt: at(6),
      }),
    ]);
    expect(pushed.body.results.map((r) => r.status)).toEqual(Array(16).fill('applied'));
    // An answer outside the questionnaire is refused, not stored.
    const bad = await push(app, c.wim!, [
      mutation({
        entityId: ids[5]!,
        op: 'event',
        payload: {
          kind: 'attempt',
          body: {
            attempt: 'huisbezoek-gesproken',
            attemptAt: at(7),
            answers: { geld: 'heel erg' },
          },
        } as never,
      }),
    ]);
    expect(bad.body.results[0]!.status).toBe('rejected');
    const [summary] = (await list(c.coordinator!)).body.campaigns;
    expect(summary!.addresses).toBe(6);
    expect(summary!.cells).toMatchObject({
      visited: { kind: 'value', value: 6 },
      reached: { kind: 'value', value: 5 },
      'outcome.gesproken': { kind: 'value', value: 5 },
      'outcome.niet-thuis': { kind: 'small' },
      'zorg.geld': { kind: 'value', value: 5 },
      'zorg.wonen': { kind: 'small' },
    });
    // The overview holds counts only: no address, no name, no answer.
    expect(JSON.stringify(summary)).not.toContain('Teststraat');
  });

  it('only the server makes a campaign address: a device cannot forge one, nor turn a signal into one', async () => {
    const forged = {
      category: 'woonproblemen',
      urgency: 'normaal',
      consent: 'nog-niet-gevraagd',
      residentName: 'Verzonnen 1 (fictief)',
      contactWay: 'adres',
      contactValue: 'Verzonnen 1 (fictief)',
      dueAt: '2027-01-31',
      source: 'campagne',
      campaignId: 'camp-forged',
      campaignName: 'Nep (fictief)',
    };
    const created = await push(app, c.wim!, [
      mutation({
        entityId: 'forged-campaign-1',
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'nieuw', data: forged } as never,
      }),
    ]);
    expect(created.body.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'forbidden'],
    ]);
    const own = await push(app, c.wim!, [
      mutation({
        entityId: 'own-signal-1',
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          status: 'nieuw',
          data: {
            ...forged,
            consent: 'gegeven',
            source: undefined,
            campaignId: undefined,
            campaignName: undefined,
          },
        } as never,
      }),
    ]);
    expect(own.body.results[0]!.status).toBe('applied');
    const turned = await push(app, c.wim!, [
      mutation({
        entityId: 'own-signal-1',
        op: 'patch',
        baseVersion: 0,
        payload: { data: { source: 'campagne', campaignId: 'camp-forged' } } as never,
      }),
    ]);
    expect(turned.body.results[0]!.status).toBe('rejected');
    const row = await storage.db
      .selectFrom('records')
      .select('data')
      .where('id', '=', 'own-signal-1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).not.toHaveProperty('campaignId');
  });
});
