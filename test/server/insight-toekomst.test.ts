import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightResponseSchema, type PublishedTable } from '../../src/domain/insight/figures';
import { MIN_CELL } from '../../src/domain/insight/suppression';
import type { StepStatus } from '../../src/domain/toekomst/plan';
import { TOEKOMST_STATUSES } from '../../src/domain/toekomst/trajectory';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { STORES, loginAs, makeServer, openStore } from './helpers';

/**
 * The toekomstmakelaars' figures on the coordinator's screen against a brute-force count over
 * generated trajectories (legal step paths, plus an illegal step that must not count; a referral
 * closed before anyone took it up is not "reached"), on both
 * stores: trajectories begun in the month (new, reached, with a plan, with a step started), and
 * plans begun 3 and 12 months earlier with how many led to work or training within that time.
 * Every shown number is the true count, "< 5" is 0–4, hidden is ≥ 5; the answer names nobody.
 */

const NOW = '2026-11-20T12:00:00.000Z';
const WIJKEN = ['wielwijk', 'crabbehof'] as const;
// The cohort months come up often, so cells of five and more (shown as numbers) occur.
const MONTHS = ['2025-10', '2025-11', '2025-11', '2026-07', '2026-08', '2026-08', '2026-10'];
/** Legal step paths (src/domain/toekomst/plan.ts); a prefix of one is legal too. */
const PATHS: readonly StepStatus[][] = [
  ['kennismaking', 'aangemeld', 'gestart', 'baan-gevonden'],
  ['aangemeld', 'gestart', 'afgerond', 'opleiding-gestart'],
  ['kennismaking', 'gestopt'],
  ['aangemeld', 'gestart', 'gestopt'],
];
const SECRET_NAME = 'Fictieve Bewoner Achttien';
const SECRET_REASON = 'reden-die-nooit-naar-de-coordinator-mag';

const stepArb = fc.record({
  path: fc.constantFrom(...PATHS.keys()),
  length: fc.integer({ min: 1, max: 4 }),
  /** Days after the record was made that the step began, then days between its events. */
  startDay: fc.integer({ min: 0, max: 40 }),
  gaps: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 4, maxLength: 4 }),
});
const trajectoryArb = fc.record({
  wijk: fc.constantFrom(...WIJKEN, null),
  month: fc.oneof(fc.constantFrom(...MONTHS), fc.constant('2026-11')),
  day: fc.integer({ min: 1, max: 28 }),
  status: fc.constantFrom(...TOEKOMST_STATUSES),
  steps: fc.array(stepArb, { maxLength: 2 }),
  illegal: fc.boolean(),
  /** When closed: straight from "verwezen" (never reached) or after she took it up. */
  closedFromReferral: fc.boolean(),
});
type TrajectorySpec = typeof trajectoryArb extends fc.Arbitrary<infer T> ? T : never;

const DAY = 86_400_000;
const plusDays = (iso: string, days: number) =>
  new Date(new Date(iso).getTime() + days * DAY).toISOString();
function plusMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

/** The step events of one trajectory, as the device writes them, each with its time. */
function stepEvents(t: TrajectorySpec, createdAt: string) {
  return t.steps.flatMap((s, k) => {
    const path = (PATHS[s.path] ?? []).slice(0, s.length);
    let at = plusDays(createdAt, s.startDay);
    return path.map((to, i) => {
      if (i > 0) at = plusDays(at, s.gaps[i - 1] ?? 1);
      return {
        at,
        body: {
          stepId: `step-${k}`,
          offerId: 'leerpraktijkcentrum-waterwiel',
          from: i === 0 ? null : (path[i - 1] ?? null),
          to,
          ...(to === 'gestopt' ? { reason: SECRET_REASON } : {}),
        },
      };
    });
  });
}

/** What the brute force knows of a trajectory, without the plan's reducer. */
function truthOf(t: TrajectorySpec) {
  const createdAt = `${t.month}-${String(t.day).padStart(2, '0')}T09:00:00.000Z`;
  const events = stepEvents(t, createdAt).filter((e) => e.at <= NOW);
  const began = events.filter((e) => e.body.from === null).map((e) => e.at);
  const planBegan = began.sort()[0] ?? null;
  const outcomes = events
    .filter((e) => e.body.to === 'baan-gevonden' || e.body.to === 'opleiding-gestart')
    .map((e) => e.at);
  const followUp = (months: number) => {
    if (planBegan === null) return { eligible: false, outcome: false };
    const until = plusMonths(planBegan, months);
    return { eligible: until <= NOW, outcome: outcomes.some((a) => a <= until) };
  };
  return {
    createdAt,
    events,
    wijk: t.wijk ?? 'onbekend',
    reached: t.status !== 'verwezen' && !(t.status === 'afgesloten' && t.closedFromReferral),
    withPlan: planBegan !== null,
    stepStarted: events.some((e) => e.body.to === 'gestart'),
    planBegan,
    after3: followUp(3),
    after12: followUp(12),
  };
}

function expectTable(table: PublishedTable, truth: (row: string, col: string) => number): void {
  const check = (shown: PublishedTable['total'] | undefined, n: number, what: string) => {
    if (shown?.kind === 'value') expect(shown.value, what).toBe(n);
    else if (shown?.kind === 'small') expect(n, what).toBeLessThan(MIN_CELL);
    else if (shown) expect(n, what).toBeGreaterThanOrEqual(MIN_CELL);
  };
  table.rows.forEach((row, i) =>
    table.cols.forEach((col, j) => check(table.cells[i]?.[j], truth(row, col), `${row}/${col}`)),
  );
  table.cols.forEach((col, j) =>
    check(
      table.colTotals?.[j],
      table.rows.reduce((a, row) => a + truth(row, col), 0),
      `total/${col}`,
    ),
  );
}

describe.each(STORES)('toekomstmakelaars figures on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let coordinator: string;
  let maker: string;
  let makerId = '';

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => new Date(NOW));
    coordinator = (await loginAs(app, 'coordinator@demo.dichtbij', `tki-${kind}-c`)).token;
    maker = (await loginAs(app, 'toekomstmakelaar@demo.dichtbij', `tki-${kind}-t`)).token;
    const row = await storage.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'toekomstmakelaar')
      .executeTakeFirstOrThrow();
    makerId = row.id;
  });
  afterAll(async () => storage.close());

  let seq = 0;
  async function load(specs: TrajectorySpec[]) {
    await storage.db.deleteFrom('events').execute();
    await storage.db.deleteFrom('records').execute();
    const truths = specs.map(truthOf);
    const records = specs.map((t, i) => ({
      entity_type: 'toekomst',
      id: `tk${i}`,
      owner_id: makerId,
      team_id: 'team-toekomstmakelaars',
      wijk: t.wijk,
      status: t.status,
      assigned_user: makerId,
      assigned_team: 'team-toekomstmakelaars',
      created_at: truths[i]?.createdAt ?? '',
      updated_at: truths[i]?.createdAt ?? '',
      deleted: 0,
      version: ++seq,
      data: JSON.stringify({
        residentName: SECRET_NAME,
        contact: '06-00000000',
        consent: true,
        referredFrom: 'eigen',
        wishes: ['werk'],
        intakeAt: truths[i]?.createdAt,
      }),
      stamps: '{}',
    }));
    const event = (i: number, k: number, at: string, body: unknown, kind = 'step') => ({
      id: `e-${i}-${k}`,
      entity_type: 'toekomst',
      entity_id: `tk${i}`,
      kind,
      status: kind === 'status' ? (body as { to: string }).to : null,
      body: JSON.stringify(body),
      created_at: at,
      created_by: makerId,
      device_id: 'd',
      version: ++seq,
    });
    const events = truths.flatMap((truth, i) => [
      ...truth.events.map((e, k) => event(i, k, e.at, e.body)),
      // Two devices offline: a step that was not legal when it arrived never counts.
      ...(specs[i]?.illegal
        ? [
            event(i, 99, plusDays(truth.createdAt, 1), {
              stepId: 'step-x',
              offerId: 'scholingsfonds',
              from: 'aangemeld',
              to: 'baan-gevonden',
            }),
          ]
        : []),
      ...(specs[i]?.status === 'afgesloten'
        ? [
            event(
              i,
              98,
              plusDays(truth.createdAt, 2),
              specs[i]?.closedFromReferral
                ? { from: 'verwezen', to: 'afgesloten' }
                : { from: 'opgepakt', to: 'afgesloten' },
              'status',
            ),
          ]
        : []),
    ]);
    for (let i = 0; i < records.length; i += 100) {
      await storage.db
        .insertInto('records')
        .values(records.slice(i, i + 100))
        .execute();
    }
    for (let i = 0; i < events.length; i += 100) {
      await storage.db
        .insertInto('events')
        .values(events.slice(i, i + 100))
        .execute();
    }
    return truths;
  }

  async function figures(token: string, month: string) {
    return app.request(`/api/insight?month=${month}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it('every toekomst figure equals a brute-force count, and the answer names nobody', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(trajectoryArb, { minLength: 30, maxLength: 90 }), async (specs) => {
        const truths = await load(specs);
        const res = await figures(coordinator, '2026-11');
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const secret of [SECRET_NAME, SECRET_REASON, makerId, '"tk0"', 'step-0']) {
          expect(text).not.toContain(secret);
        }
        const body = insightResponseSchema.parse(JSON.parse(text));
        const begunIn = (month: string) => truths.filter((t) => t.createdAt.startsWith(month));
        const byWijk = (month: string) => (w: string, col: string) =>
          begunIn(month).filter(
            (t) =>
              t.wijk === w &&
              (col === 'nieuw' ||
                (col === 'bereikt' && t.reached) ||
                (col === 'met-plan' && t.withPlan) ||
                (col === 'stap-gestart' && t.stepStarted)),
          ).length;
        expectTable(body.current.toekomst.byWijk, byWijk('2026-11'));
        expectTable(body.previous.toekomst.byWijk, byWijk('2026-10'));

        const follow = (cohort: string, pick: 'after3' | 'after12') => (w: string, col: string) =>
          truths.filter(
            (t) =>
              t.wijk === w &&
              (t.planBegan ?? '').startsWith(cohort) &&
              t[pick].eligible &&
              (col === 'plan-begonnen' || t[pick].outcome),
          ).length;
        expect(body.current.toekomst.after3Months.cohort).toBe('2026-08');
        expect(body.current.toekomst.after12Months.cohort).toBe('2025-11');
        expectTable(body.current.toekomst.after3Months.table, follow('2026-08', 'after3'));
        expectTable(body.current.toekomst.after12Months.table, follow('2025-11', 'after12'));
        expectTable(body.previous.toekomst.after3Months.table, follow('2026-07', 'after3'));
        expectTable(body.previous.toekomst.after12Months.table, follow('2025-10', 'after12'));
      }),
      { numRuns: 8, seed: 13 },
    );
  });

  it('a toekomstmakelaar does not get the coordinator figures', async () => {
    expect((await figures(maker, '2026-11')).status).toBe(403);
  });
});
