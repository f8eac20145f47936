import { describe, expect, it } from 'vitest';
import { norms2026, rules2026 } from '../../../../src/domain/eligibility/data-2026';
import {
  evaluateRegelingen,
  formatEuro,
  regelingOutcomeSchema,
  type RegelingOutcome,
} from '../../../../src/domain/eligibility/evaluate';
import {
  householdSchema,
  type Household,
  type IncomeSource,
  type Member,
} from '../../../../src/domain/eligibility/household-schema';
import type { EligibilityRegelingId } from '../../../../src/domain/eligibility/rule-schema';

/*
 * Norms used by hand below (norms-2026.json, Part C of anchors-and-facts.md):
 *   per 1-7-2025 (Metro/Rijksoverheid): alleenstaande 21–AOW € 1.369,06 · gehuwden 21–AOW € 1.955,80 ·
 *     alleenstaande AOW € 1.530,21 · gehuwden AOW € 2.094,98
 *   per 1-1-2025 (Westland): alleenstaande 18–20 € 332,17
 *   vermogensgrenzen 2024 (Velsen): alleenstaande € 7.575 · alleenstaande ouder/gezin € 15.150
 * Thresholds are rounded to whole cents (half up):
 *   A = alleenstaande 21–AOW: 100% 1369,06 · 110% 1505,97 (1505,966) · 140% 1916,68 (1916,684)
 *   G = gehuwden 21–AOW:      100% 1955,80 · 110% 2151,38 · 140% 2738,12
 *   AA = alleenstaande AOW:   100% 1530,21 · 110% 1683,23 (1683,231) · 140% 2142,29 (2142,294)
 *   GA = gehuwden AOW:        140% 2932,97 (2932,972)
 *   Y = alleenstaande 18–20:  140% 465,04 (465,038)
 * Rules (rules-2026.json): dordtpas = Dordrecht ∧ (bijstand ∨ inkomen ≤ 140%); sms-kinderfonds = Dordrecht ∧
 * kind 4–17 ∧ (bijstand ∨ ≤ 140%) ∧ spaargeld ≤ vermogensgrens; bijzondere-bijstand = Dordrecht ∧ bijzondere
 * kosten ∧ (bijstand ∨ ≤ 110%, erboven "misschien") ∧ spaargeld ≤ vermogensgrens; kwijtschelding = Dordrecht ∧
 * eigen woning (kamer: misschien) ∧ (bijstand ∨ ≤ 100%) ∧ vermogen ≤ ? (0 haalt elke grens); CZM and witgoed =
 * Dordrecht ∧ inkomen ≤ ? (≤ 100% zeker binnen); toeslagen: inkomen ≤ ? (≤ 100% zeker binnen) ∧ vermogen ≤ ?.
 */

const P = '2025-09-01'; // norms of 1-7-2025 in force, no newer change date yet

function inc(type: IncomeSource['type'], netMonthly?: number): IncomeSource {
  return netMonthly === undefined ? { type } : { type, netMonthly };
}
function aanvrager(age: number | undefined, incomes?: IncomeSource[]): Member {
  return {
    role: 'aanvrager',
    ...(age === undefined ? {} : { age }),
    ...(incomes ? { incomes } : {}),
  };
}
function partner(age: number | undefined, incomes?: IncomeSource[]): Member {
  return {
    role: 'partner',
    ...(age === undefined ? {} : { age }),
    ...(incomes ? { incomes } : {}),
  };
}
function kind(age?: number): Member {
  return age === undefined ? { role: 'kind' } : { role: 'kind', age };
}

/** Answers most cases share: a Dordrecht tenant without debts or worries. */
const base: Household = {
  gemeente: 'Dordrecht',
  housing: 'huur-sociaal',
  rentMonthly: 650,
  hasDebts: false,
  hasArrears: false,
  healthInsurance: 'andere-verzekering',
  hasSpecialCosts: false,
  energyWorries: false,
  moneyWorries: false,
};

type Expect = Partial<Record<EligibilityRegelingId, RegelingOutcome['status']>>;

interface Case {
  name: string;
  household: Household;
  peildatum?: string;
  expect: Expect;
}

const W = 'waarschijnlijk-recht';
const M = 'misschien';
const G = 'geen-recht';

const cases: Case[] = [
  {
    // 1369,06 bijstand = 100% A. Dordtpas via bijstand. CZM/witgoed: 1369,06 ≤ 100% → zeker binnen.
    // Kwijtschelding: vermogen 500 ≠ 0 and no limit in the data → misschien. No kids → SMS, KGB geen.
    name: '1 alleenstaande 35 in de bijstand, spaargeld 500',
    household: { ...base, savings: 500, members: [aanvrager(35, [inc('bijstand', 1369.06)])] },
    expect: {
      dordtpas: W,
      'sms-kinderfonds': G,
      'collectieve-zorgverzekering-minima': W,
      'bijzondere-bijstand': G,
      'kwijtschelding-gemeentelijke-belastingen': M,
      huurtoeslag: M,
      zorgtoeslag: M,
      'kindgebonden-budget': G,
      kinderopvangtoeslag: G,
      schuldhulpverlening: G,
      budgetcoach: G,
      energiehulp: G,
      'gratis-witgoed': W,
    },
  },
  {
    // Loon 1800 ≤ 1916,68 (140% A) → Dordtpas. Kwijtschelding 1800 > 1369,06 and no bijstand → geen.
    // BB: 1800 > 1505,97 → "misschien" (boven 110% kan gedeeltelijk). CZM: 1800 > 100%, limit unknown → misschien.
    // Huurtoeslag: vrije huur, huurgrens unknown → misschien. Budgetcoach: moeite met rondkomen.
    name: '2 werkende alleenstaande 40, loon 1800, vrije huur, geen spaargeld',
    household: {
      ...base,
      housing: 'huur-vrij',
      rentMonthly: 950,
      savings: 0,
      hasSpecialCosts: true,
      moneyWorries: true,
      members: [aanvrager(40, [inc('loon', 1800)])],
    },
    expect: {
      dordtpas: W,
      'collectieve-zorgverzekering-minima': M,
      'bijzondere-bijstand': M,
      'kwijtschelding-gemeentelijke-belastingen': G,
      huurtoeslag: M,
      budgetcoach: W,
      'gratis-witgoed': M,
    },
  },
  {
    // 2000 > 1916,68 → Dordtpas geen.
    name: '3 alleenstaande 30, loon 2000 (boven 140%)',
    household: { ...base, savings: 0, members: [aanvrager(30, [inc('loon', 2000)])] },
    expect: { dordtpas: G, 'kwijtschelding-gemeentelijke-belastingen': G, 'gratis-witgoed': M },
  },
  {
    // Exactly 1916,68 = 140% A → still within.
    name: '4 alleenstaande precies op 140%',
    household: { ...base, members: [aanvrager(50, [inc('loon', 1916.68)])] },
    expect: { dordtpas: W },
  },
  {
    // 1916,69 > 1916,68 → one cent over.
    name: '5 alleenstaande één cent boven 140%',
    household: { ...base, members: [aanvrager(50, [inc('loon', 1916.69)])] },
    expect: { dordtpas: G },
  },
  {
    // Kids 7 and 13 → SMS kind 4–17; bijstand; spaargeld 1000 ≤ 15.150 (ouder) → SMS waarschijnlijk, € 300 + € 500.
    // KGB: kid < 18, income without KB/KGB = 1369,06 ≤ 100% → pass; vermogen 1000 vs unknown limit → misschien.
    name: '6 alleenstaande ouder in de bijstand, kinderen 7 en 13',
    household: {
      ...base,
      savings: 1000,
      members: [
        aanvrager(32, [
          inc('bijstand', 1369.06),
          inc('kinderbijslag', 150),
          inc('kindgebonden-budget', 300),
        ]),
        kind(7),
        kind(13),
      ],
    },
    expect: {
      dordtpas: W,
      'sms-kinderfonds': W,
      'kindgebonden-budget': M,
      // Kinderopvangtoeslag: kid 7 ≤ 12, opvang not answered, but bijstand is neither work nor study → geen.
      kinderopvangtoeslag: G,
      'kwijtschelding-gemeentelijke-belastingen': M,
    },
  },
  {
    // Loon 1700 ≤ 1916,68; kids 3 and 10; spaargeld not answered → SMS misschien (vermogen).
    // Kinderopvangtoeslag: kind 3 ≤ 12, uses opvang, works → waarschijnlijk.
    name: '7 werkende alleenstaande ouder met kinderopvang, spaargeld onbekend',
    household: {
      ...base,
      usesKinderopvang: true,
      members: [aanvrager(29, [inc('loon', 1700)]), kind(3), kind(10)],
    },
    expect: { dordtpas: W, 'sms-kinderfonds': M, kinderopvangtoeslag: W },
  },
  {
    // Incomes not answered: neither bijstand nor the 140% test can be settled → misschien.
    name: '8 alleenstaande ouder, inkomen niet ingevuld',
    household: { ...base, savings: 0, members: [aanvrager(38), kind(9)] },
    expect: { dordtpas: M, 'sms-kinderfonds': M },
  },
  {
    // Couple 45/45: 0 + 2500 = 2500 ≤ 2738,12 (140% G) → Dordtpas. BB 2500 > 2151,38 → misschien.
    // Kwijtschelding 2500 > 1955,80 → geen.
    name: '9 paar 45/45, één verdiener 2500',
    household: {
      ...base,
      hasSpecialCosts: true,
      savings: 2000,
      members: [aanvrager(45, []), partner(45, [inc('loon', 2500)])],
    },
    expect: {
      dordtpas: W,
      'bijzondere-bijstand': M,
      'kwijtschelding-gemeentelijke-belastingen': G,
    },
  },
  {
    // 2000 + 600 = 2600 ≤ 2738,12 but spaargeld 20.000 > 15.150 → SMS geen; Dordtpas has no vermogenstoets.
    name: '10 paar met kinderen 5 en 9, inkomen 2600, spaargeld 20.000',
    household: {
      ...base,
      savings: 20000,
      members: [
        aanvrager(36, [inc('loon', 2000)]),
        partner(34, [inc('loon', 600)]),
        kind(5),
        kind(9),
      ],
    },
    expect: { dordtpas: W, 'sms-kinderfonds': G },
  },
  {
    // 2800 > 2738,12 → Dordtpas and SMS geen.
    name: '11 paar met kind, inkomen 2800',
    household: {
      ...base,
      savings: 0,
      members: [aanvrager(40, [inc('loon', 2800)]), partner(40, []), kind(8)],
    },
    expect: { dordtpas: G, 'sms-kinderfonds': G, 'kindgebonden-budget': M },
  },
  {
    // AOW 1400 + pensioen 200 = 1600: ≤ 2142,29 (140% AA) → Dordtpas; ≤ 1683,23 (110%) and 3000 ≤ 7575 → BB;
    // > 1530,21 (100%) and no bijstand → kwijtschelding geen.
    name: '12 alleenstaande gepensioneerde 70, AOW en pensioen 1600',
    household: {
      ...base,
      hasSpecialCosts: true,
      savings: 3000,
      members: [aanvrager(70, [inc('aow', 1400), inc('pensioen', 200)])],
    },
    expect: {
      dordtpas: W,
      'bijzondere-bijstand': W,
      'kwijtschelding-gemeentelijke-belastingen': G,
    },
  },
  {
    // 1900 + 1200 = 3100 > 2932,97 (140% GA) → geen.
    name: '13 gepensioneerd paar 68/70, inkomen 3100',
    household: {
      ...base,
      savings: 0,
      members: [aanvrager(68, [inc('aow', 1900)]), partner(70, [inc('pensioen', 1200)])],
    },
    expect: { dordtpas: G },
  },
  {
    // Ages 70 and 60: the data has no norm for a mixed couple → the income test stays unknown.
    name: '14 paar 70/60: norm niet in de gegevens',
    household: {
      ...base,
      savings: 0,
      members: [aanvrager(70, [inc('aow', 1000)]), partner(60, [])],
    },
    expect: { dordtpas: M },
  },
  {
    // 19 years: Y norm 332,17 (1-1-2025), 140% = 465,04; loon 400 ≤ 465,04 → waarschijnlijk (norm outdated → unconfirmed).
    name: '15 jongere 19 alleen, loon 400',
    household: { ...base, members: [aanvrager(19, [inc('loon', 400)])] },
    expect: { dordtpas: W },
  },
  {
    // 600 > 465,04 → geen.
    name: '16 jongere 20 alleen, loon 600',
    household: { ...base, members: [aanvrager(20, [inc('loon', 600)])] },
    expect: { dordtpas: G },
  },
  {
    // 21: A norm. 1200 ≤ 1916,68 → Dordtpas; 1200 ≤ 1369,06 → kwijtschelding income ok, but a room → misschien.
    name: '17 jongere 21 op kamers, loon 1200, geen spaargeld',
    household: {
      ...base,
      housing: 'kamer',
      rentMonthly: 450,
      savings: 0,
      members: [aanvrager(21, [inc('loon', 1200)])],
    },
    expect: {
      dordtpas: W,
      'kwijtschelding-gemeentelijke-belastingen': M,
      huurtoeslag: M,
    },
  },
  {
    // Single parent of 19: no norm in the data → income unknown; loon known and no bijstand → misschien.
    name: '18 jonge alleenstaande ouder 19 met baby',
    household: { ...base, savings: 0, members: [aanvrager(19, [inc('loon', 900)]), kind(1)] },
    expect: { dordtpas: M, 'sms-kinderfonds': G },
  },
  {
    // Zwijndrecht: every Dordrecht rule fails on gemeente; national toeslagen still apply.
    // Huurtoeslag: sociale huur, 1369,06 ≤ 100%, vermogen 0 → waarschijnlijk. Zorgtoeslag likewise.
    name: '19 niet in Dordrecht (Zwijndrecht), bijstand, schulden',
    household: {
      ...base,
      gemeente: 'Zwijndrecht',
      savings: 0,
      hasDebts: true,
      members: [aanvrager(44, [inc('bijstand', 1369.06)])],
    },
    expect: {
      dordtpas: G,
      'sms-kinderfonds': G,
      'kwijtschelding-gemeentelijke-belastingen': G,
      schuldhulpverlening: G,
      budgetcoach: G,
      huurtoeslag: W,
      zorgtoeslag: W,
    },
  },
  {
    name: '20 alleenstaande met schulden',
    household: { ...base, hasDebts: true, members: [aanvrager(52, [inc('ww', 1500)])] },
    expect: { schuldhulpverlening: W, budgetcoach: W },
  },
  {
    // hasDebts not answered, arrears no → unknown.
    name: '21 schulden niet ingevuld',
    household: { ...base, hasDebts: undefined, members: [aanvrager(52, [inc('ww', 1500)])] },
    expect: { schuldhulpverlening: M },
  },
  {
    // 1300 ≤ 1505,97 but spaargeld 8000 > 7575 → BB geen. Kwijtschelding 1300 ≤ 1369,06, vermogen limit unknown → misschien.
    name: '22 alleenstaande met spaargeld boven de vermogensgrens',
    household: {
      ...base,
      hasSpecialCosts: true,
      savings: 8000,
      members: [aanvrager(60, [inc('loon', 1300)])],
    },
    expect: {
      'bijzondere-bijstand': G,
      'kwijtschelding-gemeentelijke-belastingen': M,
      dordtpas: W,
    },
  },
  {
    // Koop: no huurtoeslag; kwijtschelding 1200 ≤ 1369,06, vermogen 0 → waarschijnlijk. Energiehulp: worries.
    name: '23 alleenstaande huiseigenaar met energiezorgen',
    household: {
      ...base,
      housing: 'koop',
      rentMonthly: undefined,
      mortgageMonthly: 800,
      savings: 0,
      energyWorries: true,
      members: [aanvrager(58, [inc('loon', 1200)])],
    },
    expect: {
      huurtoeslag: G,
      'kwijtschelding-gemeentelijke-belastingen': W,
      energiehulp: W,
    },
  },
  {
    // Not insured → zorgtoeslag "misschien" (first insure), never "geen recht".
    name: '24 onverzekerd',
    household: {
      ...base,
      healthInsurance: 'niet-verzekerd',
      savings: 0,
      members: [aanvrager(27, [inc('loon', 1000)])],
    },
    expect: { zorgtoeslag: M },
  },
  {
    // Aanvrager 3000 alone already > 2738,12, partner unknown; uitkering answered "none" → geen.
    name: '25 paar, partnerinkomen onbekend maar aanvrager al boven de grens',
    household: {
      ...base,
      uitkering: [],
      members: [aanvrager(40, [inc('loon', 3000)]), partner(40)],
    },
    expect: { dordtpas: G, 'kwijtschelding-gemeentelijke-belastingen': G },
  },
  {
    // Nothing answered: every regeling is "misschien", none is decided.
    name: '26 niets ingevuld',
    household: {},
    expect: Object.fromEntries(rules2026.rules.map((r) => [r.regeling, M])) as Expect,
  },
  {
    // Peildatum 2026: the 1-1-2026 norm is pending → 1-7-2025 used (1916,68), outcome unconfirmed.
    name: '27 alleenstaande bijstand, peildatum 1 maart 2026',
    peildatum: '2026-03-01',
    household: { ...base, members: [aanvrager(35, [inc('loon', 1900)])] },
    expect: { dordtpas: W },
  },
  {
    // Peildatum 1-3-2024: norm 1-1-2024 € 1.283,83 → 140% = 1797,36 (1797,362); loon 1800 > 1797,36 → geen.
    name: '28 peildatum 2024: loon 1800 boven 140% van de norm van toen',
    peildatum: '2024-03-01',
    household: { ...base, members: [aanvrager(35, [inc('loon', 1800)])] },
    expect: { dordtpas: G },
  },
  {
    // Kid of unknown age: SMS can't settle the age → misschien, asks for member ages.
    name: '29 kind met onbekende leeftijd',
    household: {
      ...base,
      savings: 0,
      members: [aanvrager(33, [inc('bijstand', 1369.06)]), kind()],
    },
    expect: { 'sms-kinderfonds': M },
  },
];

describe('evaluateRegelingen — households worked out by hand', () => {
  it.each(cases)('$name', ({ household, peildatum, expect: expected }) => {
    expect(householdSchema.safeParse(household).success).toBe(true);
    const outcomes = evaluateRegelingen(household, rules2026, norms2026, peildatum ?? P);
    expect(outcomes).toHaveLength(rules2026.rules.length);
    const got = Object.fromEntries(outcomes.map((o) => [o.regeling, o.status]));
    for (const [regeling, status] of Object.entries(expected)) {
      expect({ regeling, status: got[regeling] }).toEqual({ regeling, status });
    }
    for (const o of outcomes) expect(regelingOutcomeSchema.safeParse(o).success).toBe(true);
  });
});

function outcome(
  household: Household,
  regeling: EligibilityRegelingId,
  peildatum = P,
): RegelingOutcome {
  const o = evaluateRegelingen(household, rules2026, norms2026, peildatum).find(
    (x) => x.regeling === regeling,
  );
  if (o === undefined) throw new Error(`no outcome for ${regeling}`);
  return o;
}

function incomeReason(o: RegelingOutcome) {
  const r = o.reasons
    .flatMap((x) => [x, ...(x.children ?? [])])
    .find((x) => x.kind === 'income-pct-of-norm');
  if (r === undefined) throw new Error('no income reason');
  return r;
}

describe('reasons and thresholds', () => {
  it('shows the threshold as % and as euro for the peildatum', () => {
    const o = outcome({ ...base, members: [aanvrager(35, [inc('loon', 1800)])] }, 'dordtpas');
    const r = incomeReason(o);
    expect(r.status).toBe('pass');
    expect(r.threshold).toMatchObject({
      pct: 140,
      euro: 1916.68,
      normAmount: 1369.06,
      normCategory: 'alleenstaande-21-aow',
      normValidFrom: '2025-07-01',
    });
    expect(r.threshold?.text).toBe(
      '140% van € 1.369,06 (norm per 1-7-2025) = € 1.916,68 per maand',
    );
    expect(r.value).toBe(1800);
    expect(r.valueText).toBe('€ 1.800,00 per maand (131,5% van de norm)');
  });

  it('reproduces the 110% amounts the Westland source prints for 1-1-2025', () => {
    // Westland: 110% alleenstaand € 1.480,00 · gehuwd € 2.114,28 · AOW alleenstaand € 1.651,18 · AOW gehuwd € 2.258,83
    const bb = { ...base, hasSpecialCosts: true, savings: 0 };
    const cases: [Member[], number][] = [
      [[aanvrager(40, [inc('loon', 2000)])], 1480.0],
      [[aanvrager(40, [inc('loon', 2000)]), partner(40, [])], 2114.28],
      [[aanvrager(70, [inc('aow', 2000)])], 1651.18],
      [[aanvrager(70, [inc('aow', 2000)]), partner(70, [])], 2258.83],
    ];
    for (const [members, euro] of cases) {
      const r = incomeReason(outcome({ ...bb, members }, 'bijzondere-bijstand', '2025-03-01'));
      expect(r.threshold?.euro).toBe(euro);
    }
  });

  it('names the missing answers for "misschien"', () => {
    const o = outcome(
      { ...base, savings: 0, members: [aanvrager(38), kind(9)] },
      'sms-kinderfonds',
    );
    expect(o.status).toBe('misschien');
    expect(o.missing).toEqual(expect.arrayContaining(['incomes', 'uitkering']));
    const empty = outcome({}, 'dordtpas');
    expect(empty.missing).toEqual(expect.arrayContaining(['gemeente', 'members', 'uitkering']));
  });

  it('names thresholds the data does not have yet', () => {
    const o = outcome(
      { ...base, savings: 500, members: [aanvrager(35, [inc('bijstand', 1369.06)])] },
      'kwijtschelding-gemeentelijke-belastingen',
    );
    expect(o.status).toBe('misschien');
    expect(o.missing).toEqual([]);
    expect(o.unknownThresholds).toEqual([
      'Vermogen niet boven de grens voor kwijtschelding (grens nog niet in de gegevens)',
    ]);
  });

  it('marks above-110% bijzondere bijstand as "misschien" with softFail', () => {
    const o = outcome(
      { ...base, hasSpecialCosts: true, savings: 0, members: [aanvrager(40, [inc('loon', 1800)])] },
      'bijzondere-bijstand',
    );
    expect(o.status).toBe('misschien');
    expect(incomeReason(o).softFail).toBe(true);
  });

  it('uses a partial income as a lower bound', () => {
    const o = outcome(
      { ...base, members: [aanvrager(40, [inc('loon', 3000)]), partner(40)] },
      'dordtpas',
    );
    const r = incomeReason(o);
    expect(r.status).toBe('fail');
    expect(r.valueText).toBe('Minstens € 3.000,00 per maand (nog niet alles ingevuld)');
  });

  it('flags an outdated norm on a 2026 peildatum and says which one was used', () => {
    const o = outcome(
      { ...base, members: [aanvrager(35, [inc('loon', 1900)])] },
      'dordtpas',
      '2026-03-01',
    );
    expect(o.unconfirmed).toBe(true);
    expect(incomeReason(o).threshold?.normValidFrom).toBe('2025-07-01');
    expect(o.unconfirmedReasons.join(' ')).toContain('1-1-2026');
  });

  it('flags the 18–20 norm of 1-1-2025 as outdated after 1-7-2025', () => {
    const o = outcome({ ...base, members: [aanvrager(19, [inc('loon', 400)])] }, 'dordtpas');
    expect(incomeReason(o).threshold?.euro).toBe(465.04);
    expect(incomeReason(o).outdated).toContain('1-7-2025');
  });

  it('a regeling that is not confirmed says so', () => {
    const o = outcome(
      { ...base, members: [aanvrager(35, [inc('bijstand', 1369.06)])] },
      'bijzondere-bijstand',
    );
    expect(o.unconfirmed).toBe(true);
    expect(o.unconfirmedReasons[0]).toBe('Deze regel is nog niet bevestigd door een actuele bron.');
  });

  it('computes the kindtegoed for this household (€ 300 basisschool + € 500 voortgezet)', () => {
    const o = outcome(
      {
        ...base,
        savings: 0,
        members: [aanvrager(40, [inc('bijstand', 1369.06)]), kind(6), kind(9), kind(14)],
      },
      'sms-kinderfonds',
    );
    expect(o.estimatedYearlyValue).toBe(300 + 300 + 500);
    expect(o.knownAmounts.find((a) => a.label === 'Kindtegoed basisschool')?.count).toBe(2);
  });

  it('notes the kostendelersnorm when other adults live in', () => {
    const o = outcome(
      { ...base, members: [aanvrager(50, [inc('loon', 1500)]), kind(23)] },
      'dordtpas',
    );
    expect(incomeReason(o).notes.join(' ')).toContain('kostendelersnorm');
  });

  it('sorts likely rights first, then by impact, and what is already received last in its group', () => {
    const h: Household = {
      ...base,
      savings: 0,
      hasDebts: true,
      receives: ['dordtpas'],
      members: [aanvrager(35, [inc('bijstand', 1369.06), inc('huurtoeslag', 300)]), kind(8)],
    };
    const outcomes = evaluateRegelingen(h, rules2026, norms2026, P);
    const ranks = outcomes.map(
      (o) => ({ 'waarschijnlijk-recht': 0, misschien: 1, 'geen-recht': 2 })[o.status],
    );
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(outcomes[0]?.regeling).toBe('schuldhulpverlening');
    const likely = outcomes.filter((o) => o.status === 'waarschijnlijk-recht');
    expect(likely.at(-1)?.alreadyReceiving).toBe(true);
    expect(outcomes.find((o) => o.regeling === 'huurtoeslag')?.alreadyReceiving).toBe(true);
  });

  it('does not throw on an invalid peildatum; income tests become unknown', () => {
    const o = outcome(
      { ...base, members: [aanvrager(35, [inc('loon', 1500)])] },
      'dordtpas',
      'gisteren',
    );
    expect(o.status).toBe('misschien');
  });

  it('formats euro amounts the Dutch way', () => {
    expect(formatEuro(191668)).toBe('€ 1.916,68');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(123456789)).toBe('€ 1.234.567,89');
  });
});
