import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norms2026, rules2026 } from '../../../../src/domain/eligibility/data-2026';
import {
  evaluateRegelingen,
  regelingOutcomeSchema,
  type OutcomeStatus,
} from '../../../../src/domain/eligibility/evaluate';
import {
  HEALTH_INSURANCE,
  HOUSING_TYPES,
  INCOME_TYPES,
  MEMBER_ROLES,
  UITKERING_TYPES,
  householdSchema,
  type Household,
} from '../../../../src/domain/eligibility/household-schema';

const amount = fc.oneof(
  fc.integer({ min: 0, max: 600_000 }).map((c) => c / 100),
  fc.constantFrom(0, 1369.06, 1916.68, 1916.69, 2738.12),
);

const incomeSource = fc.record(
  { type: fc.constantFrom(...INCOME_TYPES), netMonthly: amount },
  { requiredKeys: ['type'] },
);

const member = fc.record(
  {
    role: fc.constantFrom(...MEMBER_ROLES),
    age: fc.integer({ min: 0, max: 120 }),
    incomes: fc.array(incomeSource, { maxLength: 3 }),
  },
  { requiredKeys: ['role'] },
);

const household: fc.Arbitrary<Household> = fc
  .record(
    {
      members: fc.array(member, { maxLength: 6 }),
      gemeente: fc.constantFrom('Dordrecht', 'dordrecht ', 'Zwijndrecht', 'Andere gemeente'),
      savings: amount,
      fixedCostsMonthly: amount,
      housing: fc.constantFrom(...HOUSING_TYPES),
      rentMonthly: amount,
      mortgageMonthly: amount,
      energyCostsMonthly: amount,
      uitkering: fc.array(fc.constantFrom(...UITKERING_TYPES), { maxLength: 2 }),
      hasDebts: fc.boolean(),
      hasArrears: fc.boolean(),
      debtAmount: amount,
      healthInsurance: fc.constantFrom(...HEALTH_INSURANCE),
      usesKinderopvang: fc.boolean(),
      hasSpecialCosts: fc.boolean(),
      energyWorries: fc.boolean(),
      moneyWorries: fc.boolean(),
      receives: fc.array(fc.constantFrom('dordtpas', 'huurtoeslag', 'iets-anders'), {
        maxLength: 2,
      }),
    },
    { requiredKeys: [] },
  )
  // Only households the schema accepts (e.g. at most one aanvrager and one partner).
  .filter((h) => householdSchema.safeParse(h).success);

const peildatum = fc.oneof(
  fc.constantFrom(
    '2023-06-01',
    '2024-01-01',
    '2025-09-01',
    '2026-01-01',
    '2026-08-15',
    'geen-datum',
  ),
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

const RANK: Record<OutcomeStatus, number> = {
  'waarschijnlijk-recht': 0,
  misschien: 1,
  'geen-recht': 2,
};
const incomeTested = new Set(rules2026.rules.filter((r) => r.incomeTested).map((r) => r.regeling));

describe('evaluateRegelingen — properties', () => {
  it('never throws and returns one valid outcome per regeling for any accepted household', () => {
    fc.assert(
      fc.property(household, peildatum, (h, p) => {
        const outcomes = evaluateRegelingen(h, rules2026, norms2026, p);
        expect(outcomes).toHaveLength(rules2026.rules.length);
        for (const o of outcomes) {
          expect(regelingOutcomeSchema.safeParse(o).success).toBe(true);
          // "misschien" always says why: a missing answer, a limit not in the data yet, or a soft fail.
          if (o.status === 'misschien') {
            const why =
              o.missing.length +
              o.unknownThresholds.length +
              o.reasons.filter((r) => r.status === 'unknown' && r.softFail).length;
            expect(why).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('more income never creates a new right to an income-tested regeling', () => {
    const withIncome = household.filter((h) =>
      (h.members ?? []).some(
        (m) =>
          (m.role === 'aanvrager' || m.role === 'partner') &&
          (m.incomes ?? []).some((s) => s.netMonthly !== undefined),
      ),
    );
    fc.assert(
      fc.property(
        withIncome,
        peildatum,
        fc.integer({ min: 1, max: 500_000 }),
        fc.nat(),
        (h, p, raiseCents, pick) => {
          // Raise one existing amount of the aanvrager or partner.
          const slots: [number, number][] = [];
          (h.members ?? []).forEach((m, i) => {
            if (m.role !== 'aanvrager' && m.role !== 'partner') return;
            (m.incomes ?? []).forEach((s, j) => {
              if (s.netMonthly !== undefined) slots.push([i, j]);
            });
          });
          const [mi, si] = slots[pick % slots.length] ?? [0, 0];
          const richer: Household = {
            ...h,
            members: (h.members ?? []).map((m, i) =>
              i !== mi
                ? m
                : {
                    ...m,
                    incomes: (m.incomes ?? []).map((s, j) =>
                      j !== si
                        ? s
                        : {
                            ...s,
                            netMonthly: Math.min(
                              10_000_000,
                              (s.netMonthly ?? 0) + raiseCents / 100,
                            ),
                          },
                    ),
                  },
            ),
          };
          const before = new Map(
            evaluateRegelingen(h, rules2026, norms2026, p).map((o) => [o.regeling, o.status]),
          );
          const after = new Map(
            evaluateRegelingen(richer, rules2026, norms2026, p).map((o) => [o.regeling, o.status]),
          );
          for (const regeling of incomeTested) {
            const b = before.get(regeling);
            const a = after.get(regeling);
            if (b === undefined || a === undefined) throw new Error('missing outcome');
            if (b === 'geen-recht') expect({ regeling, a }).toEqual({ regeling, a: 'geen-recht' });
            // Stronger: the outcome never gets better with more income.
            expect(RANK[a]).toBeGreaterThanOrEqual(RANK[b]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('an unanswered field is never read as zero: forgetting the income never gives a new "waarschijnlijk recht"', () => {
    fc.assert(
      fc.property(household, (h) => {
        const forgotten: Household = {
          ...h,
          members: h.members?.map((m) => {
            const { incomes: _incomes, ...rest } = m;
            return rest;
          }),
        };
        const before = new Map(
          evaluateRegelingen(h, rules2026, norms2026, '2025-09-01').map((o) => [
            o.regeling,
            o.status,
          ]),
        );
        for (const o of evaluateRegelingen(forgotten, rules2026, norms2026, '2025-09-01')) {
          if (o.status === 'waarschijnlijk-recht' && incomeTested.has(o.regeling)) {
            expect(before.get(o.regeling)).toBe('waarschijnlijk-recht');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
