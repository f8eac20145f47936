import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { pushAfterImport } from './vroeg-seed';
import { STORES, loginAs, makeServer, mutation, openStore, push } from './helpers';

/**
 * The coordinator's counts are maintained by every push (insight-rollup.ts). For random
 * sequences of pushes through the API — signals made, moved, contacted, helped, closed and
 * deleted, checks made with suggestions and their take-up recorded, in batches of several
 * records — the maintained counts equal a rebuild from the records and events (which the figures'
 * own test holds against a brute-force count over the generated data), on both stores.
 */

const WIJKEN = ['wielwijk', 'crabbehof'] as const;
const MONTHS = ['2026-10', '2026-11'] as const;
const REGELINGEN = ['dordtpas', 'kindpakket', 'sms'] as const;

const at = (month: string, day: number, hour = 10) =>
  `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const opArb = fc.oneof(
  fc.record({
    op: fc.constant('signal' as const),
    i: fc.nat(5),
    wijk: fc.constantFrom(...WIJKEN),
    month: fc.constantFrom(...MONTHS),
    category: fc.constantFrom('eenzaamheid', 'geldzorgen-schulden', 'iets-anders'),
    urgency: fc.constantFrom('normaal', 'spoed'),
    team: fc.boolean(),
    /** An imported vroegsignaal of this creditor type (issue 17); null: typed by a worker. */
    creditor: fc.constantFrom(null, 'huur', 'water'),
  }),
  // The daily retention: October's vroegsignalen without help accepted are erased.
  fc.record({ op: fc.constant('erase' as const) }),
  fc.record({
    op: fc.constant('contact' as const),
    i: fc.nat(5),
    hours: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    op: fc.constant('help' as const),
    i: fc.nat(5),
    help: fc.constantFrom('aanvaard', 'geweigerd', 'misschien'),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ op: fc.constant('move' as const), i: fc.nat(5), wijk: fc.constantFrom(...WIJKEN) }),
  fc.record({
    op: fc.constant('status' as const),
    i: fc.nat(5),
    status: fc.constantFrom('opgepakt', 'afgerond'),
  }),
  fc.record({ op: fc.constant('delete' as const), i: fc.nat(5), check: fc.boolean() }),
  fc.record({
    op: fc.constant('check' as const),
    i: fc.nat(4),
    wijk: fc.constantFrom(...WIJKEN),
    month: fc.constantFrom(...MONTHS),
    suggested: fc.subarray([...REGELINGEN]),
    young: fc.boolean(),
    byTeam: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('takeUp' as const),
    i: fc.nat(4),
    regeling: fc.constantFrom(...REGELINGEN),
    status: fc.constantFrom('aangevraagd', 'toegekend', 'afgewezen', 'niet-aangevraagd'),
    together: fc.boolean(),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

describe.each(STORES)('the maintained insight counts on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let vera: Client;
  let wim: Client;
  let run = 0;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `roll-${kind}-vera`);
    wim = await loginAs(app, 'wijkteam@demo.dichtbij', `roll-${kind}-wim`);
  });
  afterAll(async () => storage.close());

  /** One op as a mutation: who sends it, and what. Record ids are per run. */
  function toMutation(op: Exclude<Op, { op: 'erase' }>): { who: Client; m: Mutation } {
    const sid = `r${run}-s${op.i}`;
    const cid = `r${run}-c${op.i}`;
    const created = (month: string) => at(month, 3 + op.i);
    switch (op.op) {
      case 'signal':
        return {
          who: vera,
          m: mutation({
            entityId: sid,
            op: 'put',
            createdAt: created(op.month),
            payload: {
              wijk: op.wijk,
              status: 'nieuw',
              ...(op.team ? { assignedToTeam: 'team-wijkteam-west' } : {}),
              data: op.creditor
                ? {
                    category: `achterstand-${op.creditor}`,
                    urgency: op.urgency,
                    source: 'vroegsignaal',
                    creditorType: op.creditor,
                  }
                : { category: op.category, urgency: op.urgency },
            },
          }),
        };
      case 'contact':
        return {
          who: vera,
          m: mutation({
            entityId: sid,
            op: 'event',
            createdAt: at('2026-11', 28),
            payload: {
              kind: 'status',
              status: 'contact-gelegd',
              body: {
                contactAt: new Date(
                  Date.parse(at('2026-10', 3)) + op.hours * 3_600_000,
                ).toISOString(),
              },
            },
          }),
        };
      case 'help':
        return {
          who: vera,
          m: mutation({
            entityId: sid,
            op: 'event',
            createdAt: at('2026-11', op.day),
            payload: { kind: 'help', body: { help: op.help } },
          }),
        };
      case 'move':
        return {
          who: vera,
          m: mutation({ entityId: sid, op: 'patch', payload: { wijk: op.wijk } }),
        };
      case 'status':
        return {
          who: vera,
          m: mutation({ entityId: sid, op: 'patch', payload: { status: op.status } }),
        };
      case 'delete':
        return {
          who: vera,
          m: mutation({
            entityId: op.check ? cid : sid,
            entityType: op.check ? 'check' : 'signal',
            op: 'delete',
            payload: {},
          }),
        };
      case 'check':
        return {
          who: op.byTeam ? wim : vera,
          m: mutation({
            entityId: cid,
            entityType: 'check',
            op: 'put',
            createdAt: created(op.month),
            payload: {
              wijk: op.wijk,
              status: 'afgerond',
              data: { suggested: op.suggested, doelgroepen: op.young ? ['jongere'] : [] },
            },
          }),
        };
      case 'takeUp':
        return {
          who: vera,
          m: mutation({
            entityId: cid,
            entityType: 'check',
            op: 'patch',
            payload: {
              data: {
                takeUp: {
                  [op.regeling]: {
                    status: op.status,
                    ...(op.together ? { together: true } : {}),
                    recordedAt: at('2026-11', 20),
                  },
                },
              },
            },
          }),
        };
    }
  }

  const rollup = async () =>
    (
      await storage.db
        .selectFrom('insight_rollup')
        .select(['month', 'wijk', 'team', 'metric', 'key', 'n'])
        .where('n', '<>', 0)
        .execute()
    )
      .map((r) => `${r.month}|${r.wijk}|${r.team}|${r.metric}|${r.key}=${Number(r.n)}`)
      .sort();

  it('equals a rebuild from scratch after any sequence of pushes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        async (batches) => {
          run += 1;
          await storage.rebuildInsight();
          for (const batch of batches) {
            const byWho = new Map<Client, Mutation[]>();
            for (const op of batch) {
              if (op.op === 'erase') {
                await storage.eraseExpiredVroegsignalen(
                  '2026-11-01T00:00:00.000Z',
                  '2026-11-30T12:00:00.000Z',
                );
                continue;
              }
              const { who, m } = toMutation(op);
              byWho.set(who, [...(byWho.get(who) ?? []), m]);
            }
            for (const [who, ms] of byWho)
              expect((await pushAfterImport(app, storage, who, ms)).status).toBe(200);
          }
          const maintained = await rollup();
          await storage.rebuildInsight();
          expect(maintained).toEqual(await rollup());
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });

  it('counts a signal, its contact and accepted help, and a check, in the push itself', async () => {
    run += 1;
    await storage.rebuildInsight();
    const before = await rollup();
    const sid = `r${run}-one`;
    await push(app, vera, [
      mutation({
        entityId: sid,
        op: 'put',
        createdAt: at('2026-09', 2),
        payload: { wijk: 'crabbehof', status: 'nieuw', data: { category: 'eenzaamheid' } },
      }),
      mutation({
        entityId: sid,
        op: 'event',
        createdAt: at('2026-09', 3),
        payload: {
          kind: 'status',
          status: 'contact-gelegd',
          body: { contactAt: at('2026-09', 2, 13) },
        },
      }),
      mutation({
        entityId: sid,
        op: 'event',
        createdAt: at('2026-09', 4),
        payload: { kind: 'help', body: { help: 'aanvaard' } },
      }),
    ]);
    const added = (await rollup()).filter((r) => !before.includes(r));
    expect(added).toEqual(
      [
        '2026-09|crabbehof|team-geldpraatje|accepted|=1',
        '2026-09|crabbehof|team-geldpraatje|category|eenzaamheid=1',
        '2026-09|crabbehof|team-geldpraatje|contact|=1',
        // Three hours to first contact: 30 tenths of an hour.
        '2026-09|*|*|contactTenths|30=1',
        '2026-09|crabbehof|team-geldpraatje|signals|=1',
        '2026-09|crabbehof|team-geldpraatje|status|contact-gelegd=1',
        '2026-09|crabbehof|team-geldpraatje|urgency|=1',
      ].sort(),
    );
  });
});
