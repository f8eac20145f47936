import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightResponseSchema, type PublishedTable } from '../../src/domain/insight/figures';
import { MIN_CELL } from '../../src/domain/insight/suppression';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { STORES, loginAs, makeServer, openStore } from './helpers';

/**
 * The coordinator's figures against a brute-force count over generated data, on both stores:
 * every shown number is the true count, every "< 5" is 0–4, every hidden one ≥ 5, and the answer
 * holds no person (no name, note, record or user id). Derivability of suppressed cells is
 * checked exhaustively in test/unit/domain/insight/suppression.test.ts.
 */

const WIJKEN = ['wielwijk', 'crabbehof', 'sterrenburg'] as const;
const CATEGORIES = ['geldzorgen-schulden', 'eenzaamheid'] as const;
const URGENCIES = ['normaal', 'spoed'] as const;
const STATUSES = ['nieuw', 'contact-gelegd', 'afgerond'] as const;
const REGELINGEN = ['dordtpas', 'sms-kinderfonds'] as const;

const signalArb = fc.record({
  wijk: fc.constantFrom(...WIJKEN, null),
  category: fc.constantFrom(...CATEGORIES),
  urgency: fc.constantFrom(...URGENCIES),
  status: fc.constantFrom(...STATUSES),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('2026-10', '2026-11', '2026-12'),
  contact: fc.boolean(),
  /** Hours from the signal to its first contact. */
  hours: fc.integer({ min: 1, max: 200 }),
  help: fc.constantFrom('aanvaard', 'geweigerd', null),
  /** The team it was handed to. */
  team: fc.constantFrom(null, 'team-a', 'team-b'),
  /** An imported vroegsignaal of this creditor type (null: typed by a worker). */
  creditor: fc.constantFrom(null, null, 'huur', 'energie', 'water', 'zorgverzekering'),
});
const checkArb = fc.record({
  wijk: fc.constantFrom(...WIJKEN),
  role: fc.constantFrom('vrijwilliger', 'wijkteam', 'toekomstmakelaar'),
  month: fc.constantFrom('2026-10', '2026-11'),
  suggested: fc.subarray([...REGELINGEN]),
  granted: fc.boolean(),
  /** Applied together at the table (issue 16). */
  together: fc.boolean(),
  young: fc.boolean(),
  team: fc.constantFrom(null, 'team-a'),
});
type SignalSpec = typeof signalArb extends fc.Arbitrary<infer T> ? T : never;
type CheckSpec = typeof checkArb extends fc.Arbitrary<infer T> ? T : never;

const SECRET_NAME = 'Fictieve Bewoner Zeventien';
const SECRET_NOTE = 'notitie-die-nooit-naar-de-coordinator-mag';

/** The team rows (`wijk|team`) against the truth, as expectTable does for the wijk rows. */
function expectTeams(table: PublishedTable, truth: (team: string, col: string) => number): void {
  expect(table.teams).not.toBeNull();
  table.teams?.ids.forEach((id, t) =>
    table.cols.forEach((col, j) => {
      const shown = table.teams?.cells[t]?.[j];
      const n = truth(id, col);
      if (shown?.kind === 'value') expect(shown.value, `${id}/${col}`).toBe(n);
      else if (shown?.kind === 'small') expect(n).toBeLessThan(MIN_CELL);
      else expect(n).toBeGreaterThanOrEqual(MIN_CELL);
    }),
  );
}

function expectTable(table: PublishedTable, truth: (row: string, col: string) => number): void {
  table.rows.forEach((row, i) =>
    table.cols.forEach((col, j) => {
      const shown = table.cells[i]?.[j];
      const n = truth(row, col);
      if (shown?.kind === 'value') expect(shown.value, `${row}/${col}`).toBe(n);
      else if (shown?.kind === 'small') expect(n).toBeLessThan(MIN_CELL);
      else expect(n).toBeGreaterThanOrEqual(MIN_CELL);
    }),
  );
  table.cols.forEach((col, j) => {
    const shown = table.colTotals?.[j];
    const n = table.rows.reduce((a, row) => a + truth(row, col), 0);
    if (shown?.kind === 'value') expect(shown.value).toBe(n);
    else if (shown?.kind === 'small') expect(n).toBeLessThan(MIN_CELL);
    else if (shown) expect(n).toBeGreaterThanOrEqual(MIN_CELL);
  });
}

describe.each(STORES)('coordinator figures on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let coordinator: string;
  let volunteer: string;
  const owners: Record<string, string> = {};

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    coordinator = (await loginAs(app, 'coordinator@demo.dichtbij', `ins-${kind}-c`)).token;
    volunteer = (await loginAs(app, 'vrijwilliger@demo.dichtbij', `ins-${kind}-v`)).token;
    for (const u of await storage.db.selectFrom('users').select(['id', 'role']).execute()) {
      owners[u.role] ??= u.id;
    }
  });
  afterAll(async () => storage.close());

  let seq = 0;
  async function load(signals: SignalSpec[], checks: CheckSpec[]) {
    await storage.db.deleteFrom('events').execute();
    await storage.db.deleteFrom('records').execute();
    // Facts kept for erased vroegsignalen outlive their records: start each run without them.
    await storage.db.deleteFrom('insight_facts').execute();
    const at = (month: string, day: number) =>
      `${month}-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    const records = [
      ...signals.map((s, i) => ({
        entity_type: 'signal',
        id: `s${i}`,
        owner_id: owners.vrijwilliger ?? '',
        team_id: null,
        wijk: s.wijk,
        status: s.status,
        assigned_user: null,
        assigned_team: s.team,
        created_at: at(s.month, s.day),
        updated_at: at(s.month, s.day),
        deleted: 0,
        version: ++seq,
        data: JSON.stringify({
          category: s.creditor ? `achterstand-${s.creditor}` : s.category,
          urgency: s.urgency,
          residentName: SECRET_NAME,
          note: SECRET_NOTE,
          ...(s.creditor
            ? { source: 'vroegsignaal', creditorType: s.creditor, street: SECRET_NAME }
            : {}),
        }),
        stamps: '{}',
      })),
      ...checks.map((c, i) => ({
        entity_type: 'check',
        id: `c${i}`,
        owner_id: owners[c.role] ?? '',
        team_id: c.team,
        wijk: c.wijk,
        status: 'afgerond',
        assigned_user: null,
        assigned_team: null,
        created_at: at(c.month, 5),
        updated_at: at(c.month, 5),
        deleted: 0,
        version: ++seq,
        data: JSON.stringify({
          suggested: c.suggested,
          doelgroepen: c.young ? ['jongere'] : [],
          takeUp: Object.fromEntries(
            c.suggested.map((r) => [
              r,
              {
                status: c.granted ? 'toegekend' : 'aangevraagd',
                ...(c.together ? { together: true } : {}),
                recordedAt: at(c.month, 6),
              },
            ]),
          ),
        }),
        stamps: '{}',
      })),
    ];
    for (let i = 0; i < records.length; i += 100) {
      await storage.db
        .insertInto('records')
        .values(records.slice(i, i + 100))
        .execute();
    }
    const events = signals.flatMap((s, i) => [
      ...(s.contact
        ? [
            {
              id: `e-c-${i}`,
              entity_type: 'signal',
              entity_id: `s${i}`,
              kind: 'status',
              status: 'contact-gelegd',
              body: JSON.stringify({
                contactAt: new Date(
                  Date.parse(at(s.month, s.day)) + s.hours * 3_600_000,
                ).toISOString(),
                message: SECRET_NOTE,
              }),
              created_at: at(s.month, s.day + 1),
              created_by: owners.wijkteam ?? '',
              device_id: 'd',
              version: ++seq,
            },
          ]
        : []),
      ...(s.contact && s.help
        ? [
            {
              id: `e-h-${i}`,
              entity_type: 'signal',
              entity_id: `s${i}`,
              kind: 'help',
              status: null,
              body: JSON.stringify({ help: s.help }),
              created_at: at(s.month, s.day + 2),
              created_by: owners.wijkteam ?? '',
              device_id: 'd',
              version: ++seq,
            },
          ]
        : []),
    ]);
    for (let i = 0; i < events.length; i += 100) {
      await storage.db
        .insertInto('events')
        .values(events.slice(i, i + 100))
        .execute();
    }
    // Written past the push, so counted by the rebuild the migration uses for existing data.
    await storage.rebuildInsight();
  }

  async function figures(token: string, month: string) {
    return app.request(`/api/insight?month=${month}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it('every figure equals a brute-force count, and the answer names nobody', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(signalArb, { maxLength: 60 }),
        fc.array(checkArb, { maxLength: 30 }),
        async (signals, checks) => {
          await load(signals, checks);
          const res = await figures(coordinator, '2026-11');
          expect(res.status).toBe(200);
          const text = await res.text();
          for (const secret of [SECRET_NAME, SECRET_NOTE, ...Object.values(owners), 's0', 'c0"']) {
            expect(text).not.toContain(secret);
          }
          const body = insightResponseSchema.parse(JSON.parse(text));
          const inMonth = signals.filter((s) => s.month === '2026-11');
          const wijkOf = (s: { wijk: string | null }) => s.wijk ?? 'onbekend';
          const f = body.current;
          const categoryOf = (s: SignalSpec) =>
            s.creditor ? `achterstand-${s.creditor}` : s.category;
          expectTable(
            f.signals.byCategory,
            (w, c) => inMonth.filter((s) => wijkOf(s) === w && categoryOf(s) === c).length,
          );
          // Vroegsignalen per wijk (and team) × creditor type: made, with contact, helped.
          const vroeg = (extra: (s: SignalSpec) => boolean) => (w: string, c: string) =>
            inMonth.filter((s) => wijkOf(s) === w && s.creditor === c && extra(s)).length;
          expectTable(
            f.vroeg.signals,
            vroeg(() => true),
          );
          expectTable(
            f.vroeg.contact,
            vroeg((s) => s.contact),
          );
          expectTable(
            f.vroeg.accepted,
            vroeg((s) => s.contact && s.help === 'aanvaard'),
          );
          const vroegTeam = (extra: (s: SignalSpec) => boolean) => (t: string, c: string) =>
            inMonth.filter(
              (s) => `${wijkOf(s)}|${s.team ?? ''}` === t && s.creditor === c && extra(s),
            ).length;
          expectTeams(
            f.vroeg.signals,
            vroegTeam(() => true),
          );
          expectTeams(
            f.vroeg.accepted,
            vroegTeam((s) => s.contact && s.help === 'aanvaard'),
          );
          const vroegTotal = inMonth.filter((s) => s.creditor !== null).length;
          const total = f.vroeg.signals.total;
          if (total?.kind === 'value') expect(total.value).toBe(vroegTotal);
          else if (total?.kind === 'small') expect(vroegTotal).toBeLessThan(MIN_CELL);
          else expect(vroegTotal).toBeGreaterThanOrEqual(MIN_CELL);
          expectTable(
            f.signals.byStatus,
            (w, c) => inMonth.filter((s) => wijkOf(s) === w && s.status === c).length,
          );
          expectTable(
            f.contact.withContact,
            (w) => inMonth.filter((s) => wijkOf(s) === w && s.contact).length,
          );
          expectTable(
            f.help.accepted,
            (w) =>
              inMonth.filter((s) => wijkOf(s) === w && s.contact && s.help === 'aanvaard').length,
          );
          const checksNow = checks.filter((c) => c.month === '2026-11');
          expectTable(
            f.checks.byRole,
            (w, r) => checksNow.filter((c) => c.wijk === w && c.role === r).length,
          );
          expectTable(
            f.funnel.suggested,
            (w, r) =>
              checksNow.filter((c) => c.wijk === w && c.suggested.some((x) => x === r)).length,
          );
          expectTable(
            f.funnel.granted,
            (w, r) =>
              checksNow.filter((c) => c.wijk === w && c.granted && c.suggested.some((x) => x === r))
                .length,
          );
          expectTable(
            f.funnel.appliedTogether,
            (w, r) =>
              checksNow.filter(
                (c) => c.wijk === w && c.together && c.suggested.some((x) => x === r),
              ).length,
          );
          // The median time to first contact, shown only where the number with contact is.
          const hours = inMonth
            .filter((s) => s.contact)
            .map((s) => s.hours)
            .sort((a, b) => a - b);
          const mid = Math.floor(hours.length / 2);
          const median =
            hours.length % 2 === 1
              ? (hours[mid] ?? 0)
              : ((hours[mid - 1] ?? 0) + (hours[mid] ?? 0)) / 2;
          if (f.contact.withContact.colTotals?.[0]?.kind === 'value')
            expect(f.contact.medianHoursToFirstContact).toBe(Math.round(median * 10) / 10);
          else expect(f.contact.medianHoursToFirstContact).toBeNull();
          // Per team within the wijk: the team a signal was handed to, a check's author's team.
          const teamOf = (x: { wijk: string | null; team: string | null }) =>
            `${wijkOf(x)}|${x.team ?? ''}`;
          expectTeams(
            f.signals.byStatus,
            (t, c) => inMonth.filter((s) => teamOf(s) === t && s.status === c).length,
          );
          expectTeams(
            f.contact.withContact,
            (t) => inMonth.filter((s) => teamOf(s) === t && s.contact).length,
          );
          expectTeams(
            f.checks.byRole,
            (t, r) => checksNow.filter((c) => teamOf(c) === t && c.role === r).length,
          );
          expectTeams(
            f.funnel.granted,
            (t, r) =>
              checksNow.filter(
                (c) => teamOf(c) === t && c.granted && c.suggested.some((x) => x === r),
              ).length,
          );
          // A month reads the same as "this month" and as "the month before": nothing to set
          // side by side.
          const next = insightResponseSchema.parse(
            await (await figures(coordinator, '2026-12')).json(),
          );
          const { toekomst: _a, ...asPrevious } = next.previous;
          const { toekomst: _b, ...asCurrent } = body.current;
          expect(asPrevious).toEqual(asCurrent);
          const prev = signals.filter((s) => s.month === '2026-10');
          expectTable(
            body.previous.signals.byUrgency,
            (w, u) => prev.filter((s) => wijkOf(s) === w && s.urgency === u).length,
          );
          // Retention erases every unaccepted vroegsignaal (a cut-off after all of them): the
          // anonymous figures stay exactly as they were, also after a rebuild.
          await storage.eraseExpiredVroegsignalen(
            '2027-06-01T00:00:00.000Z',
            '2027-06-01T00:00:00.000Z',
          );
          await storage.rebuildInsight();
          const after = insightResponseSchema.parse(
            await (await figures(coordinator, '2026-11')).json(),
          );
          const { toekomst: _c, ...afterCurrent } = after.current;
          expect(afterCurrent).toEqual(asCurrent);
        },
      ),
      { numRuns: 6, seed: 42 },
    );
  });

  it('only coordinators and beheerders get figures; a bad month is refused', async () => {
    expect((await figures(volunteer, '2026-11')).status).toBe(403);
    const bad = await figures(coordinator, '2026-13');
    expect(bad.status).toBe(400);
  });
});
