import { norms2026, rules2026 } from '../../src/domain/eligibility/data-2026';
import { evaluateRegelingen } from '../../src/domain/eligibility/evaluate';
import type { Household } from '../../src/domain/eligibility/household-schema';
import type { RulesFile } from '../../src/domain/eligibility/rule-schema';

/**
 * Time to evaluate all regelingen for one household (issue 9: p95 < 1 ms with the larger rule set).
 * Each sample is one full evaluateRegelingen call; the households alternate so no single path is
 * measured alone, and they include the paths that build ranges (18–20 norms, kostendelers,
 * vakantiegeld not known, a car). Baseline in the same run: the same engine with the 13 regelingen
 * the rule set had before issue 9, so the cost of the larger rule set is visible.
 */

const HOUSEHOLDS: Household[] = [
  {
    gemeente: 'Dordrecht',
    housing: 'huur-sociaal',
    rentMonthly: 720,
    savings: 300,
    hasArrears: true,
    healthInsurance: 'andere-verzekering',
    members: [
      {
        role: 'aanvrager',
        age: 34,
        incomes: [
          { type: 'loon', netMonthly: 1450 },
          { type: 'kinderbijslag', netMonthly: 160 },
        ],
      },
      { role: 'kind', age: 6 },
      { role: 'kind', age: 13 },
    ],
  },
  {
    gemeente: 'Dordrecht',
    housing: 'koop',
    savings: 12000,
    hasSpecialCosts: true,
    hasCar: true,
    carValue: 6000,
    aowIncomplete: true,
    members: [
      { role: 'aanvrager', age: 70, incomes: [{ type: 'aow', netMonthly: 1400 }] },
      { role: 'partner', age: 62, incomes: [{ type: 'pensioen', netMonthly: 600 }] },
    ],
  },
  {
    gemeente: 'Dordrecht',
    housing: 'inwonend',
    vakantiegeldIncluded: false,
    members: [
      { role: 'aanvrager', age: 19, incomes: [{ type: 'loon', netMonthly: 800 }] },
      { role: 'overig', age: 48 },
    ],
  },
  {
    gemeente: 'Dordrecht',
    housing: 'huur-vrij',
    rentMonthly: 1100,
    savings: 9000,
    hasDebts: true,
    debtAmount: 2500,
    lowIncomeLongTerm: true,
    members: [
      { role: 'aanvrager', age: 41, incomes: [{ type: 'ww', netMonthly: 1500 }] },
      { role: 'partner', age: 39, incomes: [{ type: 'loon', netMonthly: 700 }] },
      { role: 'kind', age: 2 },
      { role: 'kind', age: 16 },
    ],
  },
  {},
];

const WARMUP = 1000;
const ITERATIONS = 5000;
const PEILDATUM = '2026-11-30';

const BEFORE_ISSUE_9 = new Set([
  'dordtpas',
  'sms-kinderfonds',
  'collectieve-zorgverzekering-minima',
  'bijzondere-bijstand',
  'kwijtschelding-gemeentelijke-belastingen',
  'huurtoeslag',
  'zorgtoeslag',
  'kindgebonden-budget',
  'kinderopvangtoeslag',
  'schuldhulpverlening',
  'budgetcoach',
  'energiehulp',
  'gratis-witgoed',
]);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

function measure(rules: RulesFile): number[] {
  for (let i = 0; i < WARMUP; i++) {
    evaluateRegelingen(HOUSEHOLDS[i % HOUSEHOLDS.length] ?? {}, rules, norms2026, PEILDATUM);
  }
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const h = HOUSEHOLDS[i % HOUSEHOLDS.length] ?? {};
    const t0 = performance.now();
    evaluateRegelingen(h, rules, norms2026, PEILDATUM);
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

export async function run(): Promise<Record<string, number>> {
  const smaller: RulesFile = {
    ...rules2026,
    rules: rules2026.rules.filter((r) => BEFORE_ISSUE_9.has(r.regeling)),
  };
  // Interleave the two measurements twice so load on the machine hits both alike.
  const base1 = measure(smaller);
  const full1 = measure(rules2026);
  const base2 = measure(smaller);
  const full2 = measure(rules2026);
  const full = [...full1, ...full2].sort((a, b) => a - b);
  const base = [...base1, ...base2].sort((a, b) => a - b);
  return {
    eligibility_regelingen: rules2026.rules.length,
    eligibility_iterations: full.length,
    eligibility_eval_median_ms: round(percentile(full, 50)),
    eligibility_eval_p95_ms: round(percentile(full, 95)),
    eligibility_eval_max_ms: round(full[full.length - 1] ?? 0),
    eligibility_baseline_regelingen: smaller.rules.length,
    eligibility_baseline_eval_median_ms: round(percentile(base, 50)),
    eligibility_baseline_eval_p95_ms: round(percentile(base, 95)),
  };
}
