import { z } from 'zod';
import { FUNDAMENT_IDS } from '../catalogue/constants';
import { householdFieldSchema } from './household-schema';
import { normCategorySchema } from './norms-schema';
import { eligibilityRegelingIdSchema } from './rule-schema';
import { reasonMessageSchema } from './reason-message';

/**
 * What the engine returns per regeling. Three-valued logic: each condition is `pass`, `fail` or
 * `unknown`; a regeling is `geen-recht` only when a confirmed condition fails, `misschien` while
 * anything is unknown or unconfirmed, else `waarschijnlijk-recht`.
 */

export const CONDITION_STATUSES = ['pass', 'fail', 'unknown'] as const;
export const OUTCOME_STATUSES = ['waarschijnlijk-recht', 'misschien', 'geen-recht'] as const;
export const outcomeStatusSchema = z.enum(OUTCOME_STATUSES);
export type OutcomeStatus = z.infer<typeof outcomeStatusSchema>;

export const thresholdSchema = z.object({
  /** Percentage of the norm, when the threshold is one. */
  pct: z.number().optional(),
  /** The threshold in euro for this peildatum and household, when it can be computed. */
  euro: z.number().optional(),
  normAmount: z.number().optional(),
  normCategory: normCategorySchema.optional(),
  normValidFrom: z.string().optional(),
  /** What the threshold is, as a code with its figures: each screen says it in its own language. */
  msg: reasonMessageSchema,
  /** `msg` in Dutch, for the audit trail: "140% van € 1.401,50 (norm per 1-1-2026) = € 1.962,10 per maand". */
  text: z.string(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const conditionResultBase = z.object({
  kind: z.string(),
  label: z.string(),
  status: z.enum(CONDITION_STATUSES),
  /** The household's value, as a number (euro, age …), text or list. */
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]).optional(),
  /** The household's value as a code with its figures. */
  valueMsg: reasonMessageSchema,
  /** `valueMsg` in Dutch, for the audit trail. */
  valueText: z.string(),
  threshold: thresholdSchema.optional(),
  /** Answers that would settle an `unknown`. */
  missing: z.array(householdFieldSchema),
  /** The data has no limit for this yet: no answer can settle it, an editor must add the number. */
  thresholdUnknown: z.boolean(),
  /**
   * Not met, but that gives "misschien", not "geen recht": above 110% part may still be paid, a
   * room may count as housing, or the condition itself is not confirmed by a source.
   */
  softFail: z.boolean(),
  /** Not met, but the condition is not confirmed, so it may not decide "geen recht". */
  uncertainFail: z.boolean().optional(),
  unconfirmed: z.boolean(),
  /** Why the norm or vermogensgrens used may be outdated on the peildatum. */
  outdatedMsg: reasonMessageSchema.optional(),
  /** `outdatedMsg` in Dutch. */
  outdated: z.string().optional(),
  noteMsgs: z.array(reasonMessageSchema),
  /** `noteMsgs` in Dutch. */
  notes: z.array(z.string()),
});
export const conditionResultSchema = conditionResultBase.extend({
  /** For `any-of`: the result of each alternative. */
  children: z.array(conditionResultBase).optional(),
});
export type ConditionResult = z.infer<typeof conditionResultSchema>;
export type SimpleResult = z.infer<typeof conditionResultBase>;

export const regelingOutcomeSchema = z.object({
  regeling: eligibilityRegelingIdSchema,
  name: z.string(),
  level: z.enum(['gemeente', 'regio', 'landelijk']),
  fundament: z.enum(FUNDAMENT_IDS),
  status: outcomeStatusSchema,
  reasons: z.array(conditionResultSchema),
  /** For `misschien`: which answers are still missing. */
  missing: z.array(householdFieldSchema),
  /** For `misschien`: limits the data does not have yet (labels). */
  unknownThresholds: z.array(z.string()),
  unconfirmed: z.boolean(),
  unconfirmedMsgs: z.array(reasonMessageSchema),
  /** `unconfirmedMsgs` in Dutch. */
  unconfirmedReasons: z.array(z.string()),
  knownAmounts: z.array(
    z.object({
      label: z.string(),
      amount: z.number(),
      per: z.string(),
      upTo: z.boolean(),
      /** For amounts per child: how many children of this household it applies to (never 0). */
      count: z.number().optional(),
      confirmed: z.boolean(),
    }),
  ),
  /** Sum of the known amounts for this household per year, where the sources give them. */
  estimatedYearlyValue: z.number().optional(),
  alreadyReceiving: z.boolean(),
  priority: z.number(),
  howToApply: z.array(z.string()),
  documents: z.array(z.string()),
  notes: z.array(z.string()),
  peildatum: z.string(),
  /** Why this verdict: the deciding condition (or that none decides). */
  summaryMsg: reasonMessageSchema.optional(),
  /** `summaryMsg` as one plain-Dutch sentence. */
  summary: z.string().optional(),
  /** Points still open, each said once. */
  openPointMsgs: z.array(reasonMessageSchema).optional(),
  /** `openPointMsgs` in plain Dutch ("Nog niet bekend: …", "Vraag na: …"). */
  openPoints: z.array(z.string()).optional(),
  /** The one next step for the resident, in plain Dutch; absent for "geen recht". */
  nextStep: z.string().optional(),
  /** How the estimated yearly value was reached, one message per part. */
  estimateMsgs: z.array(reasonMessageSchema).optional(),
  /** `estimateMsgs` in plain Dutch ("€ 300 × 2 kinderen"). */
  estimateText: z.string().optional(),
});
export type RegelingOutcome = z.infer<typeof regelingOutcomeSchema>;
