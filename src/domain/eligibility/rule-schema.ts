import { z } from 'zod';
import { FUNDAMENT_IDS } from '../catalogue/constants';
import { sourceRefSchema } from '../catalogue/schema';
import { limitKeySchema } from './norms-schema';
import {
  HOUSING_TYPES,
  HEALTH_INSURANCE,
  INCOME_TYPES,
  MEMBER_ROLES,
  UITKERING_TYPES,
} from './household-schema';

/**
 * Eligibility rules as data, one file per year. A rule is a list of conditions in a small
 * declarative language; one interpreter (evaluate.ts) reads them. Thresholds are percentages of the
 * bijstandsnorm on a peildatum, never typed euro amounts, so a new norm table updates every rule.
 * Where the sources give no threshold, the condition says `null` and the outcome says "nog
 * uitzoeken" rather than the data inventing a number.
 */

/** The regelingen the engine knows; the ids are the catalogue's regeling ids. */
export const ELIGIBILITY_REGELING_IDS = [
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
  'bijstandsuitkering',
  'persoonlijk-minimabudget',
  'aio',
  'kwijtschelding-waterschapsbelasting',
  'individuele-studietoeslag',
  'kinderbijslag',
  'heffingskortingen',
] as const;
export const eligibilityRegelingIdSchema = z.enum(ELIGIBILITY_REGELING_IDS);
export type EligibilityRegelingId = z.infer<typeof eligibilityRegelingIdSchema>;

const text = z.string().trim().min(1);
const sources = z.array(sourceRefSchema).min(1);
const pct = z.number().positive().max(1000);

/** Fields every condition carries: a B1 label for the reason list, and whether it is verified. */
const conditionBase = {
  /** Plain Dutch, e.g. "Netto inkomen niet hoger dan 140% van de bijstandsnorm". */
  label: text,
  /** False when the threshold or the condition itself is not confirmed by a current public source. */
  confirmed: z.boolean(),
  note: z.string().optional(),
  source: sources.optional(),
};

/** What a condition that is not met does to the outcome. Some limits only mark "boven de grens, toch misschien". */
const failOutcome = z.enum(['geen-recht', 'misschien']).default('geen-recht');

export const YES_NO_FIELDS = [
  'hasDebts',
  'hasArrears',
  'usesKinderopvang',
  'hasSpecialCosts',
  'energyWorries',
  'moneyWorries',
  'lowIncomeLongTerm',
  'illnessLimitsWork',
  'aowIncomplete',
] as const;

const gemeenteIn = z
  .object({ kind: z.literal('gemeente-in'), gemeenten: z.array(text).min(1), ...conditionBase })
  .strict();

const incomePctOfNorm = z
  .object({
    kind: z.literal('income-pct-of-norm'),
    /** Id of an income definition in the same rules file. */
    incomeDefinition: text,
    /** Null: the source gives no limit (yet). */
    maxPct: pct.nullable(),
    /**
     * Only with an unknown limit: at or below this percentage the income is certainly within it
     * (e.g. an income at bijstandsniveau is certainly "laag"). Above it the answer stays "misschien".
     */
    surelyWithinPct: pct.optional(),
    /**
     * Only with an unknown percentage: a euro limit per year on gross income (a toeslag). The net
     * income is always lower than the gross, so a net income above it is certainly above it.
     */
    yearlyLimit: limitKeySchema.optional(),
    failOutcome,
    ...conditionBase,
  })
  .strict();

const savingsMax = z
  .object({
    kind: z.literal('savings-max'),
    /** `vermogensgrens-bijstand`: the Participatiewet limit for this household; a number: a euro limit the source itself gives; null: unknown. */
    limit: z.union([
      z.literal('vermogensgrens-bijstand'),
      limitKeySchema,
      z.number().nonnegative(),
      z.null(),
    ]),
    failOutcome,
    ...conditionBase,
  })
  .strict();

const childrenAgeInRange = z
  .object({
    kind: z.literal('children-age-in-range'),
    minAge: z.number().int().min(0).max(120),
    maxAge: z.number().int().min(0).max(120),
    ...conditionBase,
  })
  .strict();

const hasChildren = z.object({ kind: z.literal('has-children'), ...conditionBase }).strict();

const housingIn = z
  .object({
    kind: z.literal('housing-in'),
    housing: z.array(z.enum(HOUSING_TYPES)).min(1),
    /** Housing types for which the answer is "misschien" (e.g. a room for huurtoeslag). */
    maybe: z.array(z.enum(HOUSING_TYPES)).default([]),
    ...conditionBase,
  })
  .strict();

const rentBetween = z
  .object({
    kind: z.literal('rent-between'),
    /** Euro per month, only where the source itself defines it. */
    min: z.number().nonnegative().optional(),
    /** Null: a maximum exists but is not in the data yet. */
    max: z.number().nonnegative().nullable().optional(),
    ...conditionBase,
  })
  .strict();

const uitkeringIn = z
  .object({
    kind: z.literal('uitkering-in'),
    uitkering: z.array(z.enum(UITKERING_TYPES)).min(1),
    ...conditionBase,
  })
  .strict();

const debtsPresent = z.object({ kind: z.literal('debts-present'), ...conditionBase }).strict();

const yesNo = z
  .object({
    kind: z.literal('yes-no'),
    field: z.enum(YES_NO_FIELDS),
    equals: z.boolean(),
    failOutcome,
    ...conditionBase,
  })
  .strict();

const ageBetween = z
  .object({
    kind: z.literal('age-between'),
    /** `aanvrager-of-partner`: met when either has the age (AIO: one partner with AOW age). */
    who: z.enum(['aanvrager', 'aanvrager-of-partner']),
    min: z.number().int().min(0).max(120).optional(),
    max: z.number().int().min(0).max(120).optional(),
    ...conditionBase,
  })
  .strict();

const insuranceIn = z
  .object({
    kind: z.literal('insurance-in'),
    insurance: z.array(z.enum(HEALTH_INSURANCE)).min(1),
    failOutcome,
    ...conditionBase,
  })
  .strict();

const worksOrStudies = z
  .object({
    kind: z.literal('works-or-studies'),
    /** Income types that count as working or studying, for the aanvrager and a partner alike. */
    incomeTypes: z.array(z.enum(INCOME_TYPES)).min(1),
    ...conditionBase,
  })
  .strict();

/**
 * Kwijtschelding looks at the betalingscapaciteit: income minus the kosten van bestaan (a % of the
 * norm) minus housing costs above a standard. Within the % it is met; above it, housing costs can
 * still leave no capacity, so only an income that stays above it after all housing costs fails.
 */
const betalingscapaciteit = z
  .object({
    kind: z.literal('betalingscapaciteit'),
    incomeDefinition: text,
    normPct: pct,
    ...conditionBase,
  })
  .strict();

/** An income of one of these types (e.g. studiefinanciering), for the aanvrager or a partner. */
const incomeTypePresent = z
  .object({
    kind: z.literal('income-type-present'),
    incomeTypes: z.array(z.enum(INCOME_TYPES)).min(1),
    failOutcome,
    ...conditionBase,
  })
  .strict();

/** A condition no answer in the check settles (yet): always "misschien", with what to ask. */
const ask = z.object({ kind: z.literal('ask'), ...conditionBase }).strict();

export const simpleConditionSchema = z.discriminatedUnion('kind', [
  betalingscapaciteit,
  incomeTypePresent,
  ask,
  gemeenteIn,
  incomePctOfNorm,
  savingsMax,
  childrenAgeInRange,
  hasChildren,
  housingIn,
  rentBetween,
  uitkeringIn,
  debtsPresent,
  yesNo,
  ageBetween,
  insuranceIn,
  worksOrStudies,
]);
export type SimpleCondition = z.infer<typeof simpleConditionSchema>;

/** One level of "een van deze", e.g. "in de bijstand, of een inkomen tot 140%". */
const anyOf = z
  .object({
    kind: z.literal('any-of'),
    conditions: z.array(simpleConditionSchema).min(2),
    ...conditionBase,
  })
  .strict();

export const conditionSchema = z.discriminatedUnion('kind', [
  ...simpleConditionSchema.options,
  anyOf,
]);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition['kind'];

/**
 * Which income counts. Regelingen differ: one counts algemene bijstand, another leaves out the
 * kindgebonden budget. The engine sums the net monthly amounts of these members' sources minus the
 * excluded types.
 */
export const incomeDefinitionSchema = z
  .object({
    id: text,
    label: text,
    members: z.array(z.enum(MEMBER_ROLES)).min(1),
    excludeTypes: z.array(z.enum(INCOME_TYPES)).default([]),
    confirmed: z.boolean(),
    note: z.string().optional(),
    source: sources.optional(),
  })
  .strict();
export type IncomeDefinition = z.infer<typeof incomeDefinitionSchema>;

/** A euro amount the source gives for the regeling itself (a fund's value), with what it is per. */
export const knownAmountSchema = z
  .object({
    label: text,
    amount: z.number().nonnegative(),
    /** Up to this amount (e.g. "tot € 290 extra"). */
    upTo: z.boolean().default(false),
    per: z.enum(['jaar', 'maand', 'kind-per-jaar', 'eenmalig']),
    /** For `kind-per-jaar`: the children's age range it applies to. */
    childMinAge: z.number().int().min(0).max(120).optional(),
    childMaxAge: z.number().int().min(0).max(120).optional(),
    /** Whether the amount counts in the household's estimated yearly value. */
    countsInValue: z.boolean().default(true),
    confirmed: z.boolean(),
    source: sources,
  })
  .strict();
export type KnownAmount = z.infer<typeof knownAmountSchema>;

export const ruleSchema = z
  .object({
    regeling: eligibilityRegelingIdSchema,
    name: text,
    level: z.enum(['gemeente', 'regio', 'landelijk']),
    /** The fundament the result screen shows it under. */
    fundament: z.enum(FUNDAMENT_IDS),
    /** True when an income condition decides it; the monotonicity property is tested on these. */
    incomeTested: z.boolean(),
    confirmed: z.boolean(),
    conditions: z.array(conditionSchema).min(1),
    knownAmounts: z.array(knownAmountSchema).default([]),
    /**
     * Ordering: `priority` (0–100) is the editors' estimate of the impact for a household that
     * qualifies; the household's own yearly value from `knownAmounts` breaks ties.
     */
    impact: z.object({ priority: z.number().int().min(0).max(100), basis: text }).strict(),
    howToApply: z.array(text).min(1),
    /** The one thing to do first, in plain Dutch; the outcome row shows it. */
    nextStep: text.optional(),
    /** Income types that mean the household already gets it (bijstand for the bijstandsuitkering). */
    receivedAsIncome: z.array(z.enum(INCOME_TYPES)).default([]),
    /** An amount the engine can estimate: the top-up to the norm (algemene bijstand, AIO). */
    estimate: z
      .object({ kind: z.literal('gap-to-norm'), incomeDefinition: text, label: text })
      .strict()
      .optional(),
    documents: z.array(text).default([]),
    notes: z.array(text).default([]),
    source: sources,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const rulesFileSchema = z
  .object({
    version: z.string().min(1),
    year: z.number().int().min(2020).max(2100),
    /** The municipality whose local rules these are. */
    gemeente: text,
    incomeDefinitions: z.array(incomeDefinitionSchema).min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const defs = new Set(file.incomeDefinitions.map((d) => d.id));
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.regeling)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate rule ${rule.regeling}`,
          path: ['rules', i],
        });
      }
      seen.add(rule.regeling);
      const all = rule.conditions.flatMap((c) => (c.kind === 'any-of' ? c.conditions : [c]));
      for (const c of all) {
        if (
          (c.kind === 'income-pct-of-norm' || c.kind === 'betalingscapaciteit') &&
          !defs.has(c.incomeDefinition)
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown income definition ${c.incomeDefinition}`,
            path: ['rules', i],
          });
        }
        if (
          c.kind === 'income-pct-of-norm' &&
          c.maxPct !== null &&
          c.surelyWithinPct !== undefined
        ) {
          ctx.addIssue({
            code: 'custom',
            message: 'surelyWithinPct only makes sense when maxPct is unknown',
            path: ['rules', i],
          });
        }
      }
      if (rule.estimate !== undefined && !defs.has(rule.estimate.incomeDefinition)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown income definition ${rule.estimate.incomeDefinition}`,
          path: ['rules', i, 'estimate'],
        });
      }
      if (
        rule.incomeTested &&
        !all.some((c) => c.kind === 'income-pct-of-norm' || c.kind === 'betalingscapaciteit')
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'an income-tested rule needs an income condition',
          path: ['rules', i],
        });
      }
    });
  });
export type RulesFile = z.infer<typeof rulesFileSchema>;

export function parseRules(data: unknown): RulesFile {
  return rulesFileSchema.parse(data);
}
