import { norms2026, rules2026 } from '../../src/domain/eligibility/data-2026';
import { evaluateRegelingen } from '../../src/domain/eligibility/evaluate';
import type { Household } from '../../src/domain/eligibility/household-schema';

/**
 * Time to evaluate all regelingen for one household (the issue aims at < 5 ms p95). Each sample is
 * one full evaluateRegelingen call; a few households alternate so no single path is measured alone.
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
    members: [
      { role: 'aanvrager', age: 70, incomes: [{ type: 'aow', netMonthly: 1400 }] },
      { role: 'partner', age: 69, incomes: [{ type: 'pensioen', netMonthly: 600 }] },
    ],
  },
  {},
];

const WARMUP = 500;
const ITERATIONS = 5000;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

export async function run(): Promise<Record<string, number>> {
  for (let i = 0; i < WARMUP; i++) {
    evaluateRegelingen(HOUSEHOLDS[i % HOUSEHOLDS.length] ?? {}, rules2026, norms2026, '2026-03-01');
  }
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const h = HOUSEHOLDS[i % HOUSEHOLDS.length] ?? {};
    const t0 = performance.now();
    evaluateRegelingen(h, rules2026, norms2026, '2026-03-01');
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    eligibility_regelingen: rules2026.rules.length,
    eligibility_iterations: ITERATIONS,
    eligibility_eval_median_ms: round(percentile(samples, 50)),
    eligibility_eval_p95_ms: round(percentile(samples, 95)),
    eligibility_eval_max_ms: round(samples[samples.length - 1] ?? 0),
  };
}
