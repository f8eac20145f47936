import { z } from 'zod';
import {
  healthInsuranceSchema,
  householdFieldSchema,
  housingTypeSchema,
  incomeTypeSchema,
} from './household-schema';
import { limitKeySchema, normCategorySchema } from './norms-schema';

/**
 * What the engine says about a condition or an outcome, as a code with its figures instead of a
 * sentence, so every screen can say it in its own language with its own number and date format.
 * Amounts are whole cents, dates ISO. `label` and `text` parameters carry Dutch texts from the rules
 * and norms data (condition labels, editors' notes): the catalogue overlay translates those by their
 * Dutch wording, as it does the labels themselves. The Dutch rendering (dutch-reasons.ts) stays the
 * engine's own text for the nl audit trail and for tests.
 */

const cents = z.number();
const maybeCents = z.number().nullable();
const isoDate = z.string();
const yesNoOpen = z.boolean().nullable();

/** Which limit a threshold names: the engine's own fixed limit, the bijstand's, or a toeslag's. */
export const limitNameSchema = z.enum([
  'fixed',
  'vermogensgrens-open',
  'vermogensgrens-alleenstaande',
  'vermogensgrens-ouder-of-paar',
  ...limitKeySchema.options,
]);
export type LimitName = z.infer<typeof limitNameSchema>;

const pctOfNorm = z.object({
  pct: z.number(),
  normLowCents: cents,
  lowCents: cents,
  highCents: maybeCents,
  normCategory: normCategorySchema,
  validFrom: isoDate,
});
export type PctOfNorm = z.infer<typeof pctOfNorm>;

const limitAmount = z.object({
  limit: limitNameSchema,
  lowCents: cents,
  highCents: maybeCents,
  validFrom: isoDate,
});

const m = <C extends string, S extends z.ZodRawShape>(code: C, shape: S) =>
  z.object({ code: z.literal(code), ...shape }).strict();

export const reasonMessageSchema = z.discriminatedUnion('code', [
  // -- The household's value.
  m('not-answered', {}),
  /** An amount or range; highCents null: at least lowCents, not all answered yet. */
  m('money', {
    lowCents: cents,
    highCents: maybeCents,
    perMonth: z.boolean(),
    pctOfNorm: z.number().optional(),
  }),
  m('savings-and-more', { savingsCents: cents, lowCents: cents, highCents: maybeCents }),
  m('children', { ages: z.array(z.number().nullable()) }),
  /** A value the household typed itself (the gemeente): shown as typed. */
  m('as-typed', { text: z.string() }),
  m('housing', { housing: housingTypeSchema }),
  m('rent', { euro: z.number() }),
  m('income-types', { types: z.array(incomeTypeSchema) }),
  m('no-uitkering', {}),
  m('yes-no', { value: z.boolean() }),
  m('debts', { debts: yesNoOpen, arrears: yesNoOpen }),
  m('ages', { ages: z.array(z.number().nullable()) }),
  m('insurance', { insurance: healthInsuranceSchema }),
  m('works-or-studies', {
    states: z.array(z.object({ who: z.enum(['aanvrager', 'partner']), state: yesNoOpen })),
  }),
  m('ask-about-it', {}),
  /** An any-of group: its alternatives carry the values. */
  m('see-alternatives', {}),
  // -- The threshold.
  m('pct-of-norm', pctOfNorm.shape),
  m('pct-of-norm-only', { pct: z.number(), normUnknown: z.boolean() }),
  m('limit-unknown', {
    surely: pctOfNorm.optional(),
    yearly: limitAmount.optional(),
  }),
  m('vermogensgrens-unknown', {}),
  m('limit', limitAmount.shape),
  m('child-in-household', {}),
  m('child-aged', { min: z.number(), max: z.number() }),
  m('lives-in', { gemeenten: z.array(z.string()) }),
  m('housing-one-of', { housing: z.array(housingTypeSchema) }),
  m('rent-range', { min: z.number().optional(), max: z.number().nullable().optional() }),
  m('income-one-of', { types: z.array(incomeTypeSchema) }),
  m('age-range', { min: z.number().optional(), max: z.number().optional() }),
  m('insurance-one-of', { insurance: z.array(healthInsuranceSchema) }),
  // -- Notes on a condition, the norm or a limit.
  /** A note the editors wrote in the rules or norms data (Dutch; the overlay translates it). */
  m('data-text', { text: z.string() }),
  m('income-definition-missing', { id: z.string() }),
  m('vakantiegeld-added', { pct: z.number(), label: z.string() }),
  m('vakantiegeld-unknown', { pct: z.number(), label: z.string() }),
  m('debts-amount-missing', {}),
  m('debts-subtracted', { cents }),
  m('car-value-missing', {}),
  m('car-counts', { cents }),
  m('invalid-peildatum', {}),
  m('norm-under-18', {}),
  m('norm-not-in-data', { date: isoDate }),
  m('vermogensgrens-not-in-data', {}),
  m('limit-not-in-data', { limit: limitKeySchema, date: isoDate }),
  m('norm-depends-on-child-ages', {}),
  m('norm-raise-missing', {}),
  m('norm-raise', { lowCents: cents, highCents: cents }),
  m('kostendelersnorm', { cents }),
  /** The data has a newer change date than the amount used (its amounts not yet entered). */
  m('stale-newer', {
    what: z.enum(['bijstandsnorm', 'vermogensgrens']),
    changedOn: isoDate,
    usedFrom: isoDate,
    pending: z.string().optional(),
  }),
  m('stale-old', { what: z.enum(['bijstandsnorm', 'vermogensgrens']), usedFrom: isoDate }),
  m('limit-stale', { limit: limitKeySchema, usedFrom: isoDate }),
  m('net-yearly', { cents }),
  m('capacity-fill-rent', { surplusCents: cents }),
  m('capacity-fail', { housingCents: cents, leftCents: cents }),
  m('capacity-close', { housingCents: cents }),
  m('other-gemeente', {}),
  m('housing-depends', {}),
  m('uncertain-fail', {}),
  // -- The outcome: why, what is open, how sure, how the amount was reached.
  /** The deciding condition: reasons[at[0]], or its alternative children[at[1]]. */
  m('deciding', {
    verdict: z.enum(['fail', 'open', 'pass']),
    at: z.array(z.number().int().nonnegative()).min(1).max(2),
  }),
  m('no-right', {}),
  m('not-sure-yet', {}),
  m('meets-known', {}),
  m('fill-in', { fields: z.array(householdFieldSchema) }),
  m('probably-not', { label: z.string() }),
  m('not-known-yet', { label: z.string() }),
  m('not-sure', { label: z.string() }),
  m('still-not-sure', { label: z.string() }),
  m('rule-unconfirmed', {}),
  m('not-from-source', { labels: z.array(z.string()) }),
  m('rules-year', { rulesYear: z.number(), peildatumYear: z.number() }),
  m('estimate-year', { label: z.string(), cents }),
  m('estimate-children', { label: z.string(), amountCents: cents, count: z.number() }),
  m('estimate-gap', { label: z.string(), cents }),
]);
export type ReasonMessage = z.infer<typeof reasonMessageSchema>;
export type ReasonCode = ReasonMessage['code'];
export type MessageOf<C extends ReasonCode> = Extract<ReasonMessage, { code: C }>;

export const REASON_CODES = reasonMessageSchema.options.map(
  (o) => o.shape.code.value,
) as ReasonCode[];

/**
 * Codes whose figures are the household's own (income, savings, debts, car, rent, ages) or follow
 * from them. The resident's printed summary leaves these out: it holds no household figures.
 */
export const HOUSEHOLD_FIGURE_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'money',
  'savings-and-more',
  'children',
  'rent',
  'debts',
  'ages',
  'debts-subtracted',
  'car-counts',
  'kostendelersnorm',
  'norm-raise',
  'net-yearly',
  'capacity-fill-rent',
  'capacity-fail',
  'capacity-close',
  'deciding',
]);

/** An open point the resident may take home: no household figure, not a question to fill in. */
export function isTakeHomePoint(msg: ReasonMessage): boolean {
  return !HOUSEHOLD_FIGURE_CODES.has(msg.code) && msg.code !== 'fill-in';
}
