import type { Household } from './household-schema';
import type { Norms } from './norms-schema';
import type { RulesFile } from './rule-schema';
import type { RegelingOutcome } from './outcome-schema';
import { buildContext } from './context';
import { compareOutcomes, evaluateRule } from './assemble';

/**
 * The one public entry of the eligibility engine. It is pure and total: for any household the schema
 * accepts it returns an outcome per regeling and never throws, because a worker in the field must
 * always get an answer, even if that answer is "misschien — dit weten we nog niet".
 *
 * Modules: norms-resolve (which norm and vermogensgrens, as a range), household-facts (income and
 * vermogen as ranges), conditions and condition-money (one evaluator per condition kind), assemble
 * (verdict, plain reasons, next step, estimate). An unanswered question is unknown, never zero, and
 * "geen recht" only follows from a confirmed condition.
 */

export {
  CONDITION_STATUSES,
  OUTCOME_STATUSES,
  conditionResultSchema,
  outcomeStatusSchema,
  regelingOutcomeSchema,
  thresholdSchema,
  type ConditionResult,
  type OutcomeStatus,
  type RegelingOutcome,
  type Threshold,
} from './outcome-schema';
export { formatEuro } from './format';
export { compareOutcomes } from './assemble';

/**
 * Evaluate every rule for one household on a peildatum (ISO date, "2026-03-01"). The norms valid on
 * that date are used; if the data has no newer norm where one should exist, the outcome says so and
 * gives no "geen recht" on that ground.
 */
export function evaluateRegelingen(
  household: Household,
  rules: RulesFile,
  norms: Norms,
  peildatum: string,
): RegelingOutcome[] {
  const ctx = buildContext(household, rules, norms, peildatum);
  return rules.rules.map((rule) => evaluateRule(ctx, rule, rules.year)).sort(compareOutcomes);
}
