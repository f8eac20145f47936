import { z } from 'zod';
import { FUNDAMENT_IDS } from '../catalogue/constants';
import { householdFieldSchema } from '../eligibility/household-schema';

/**
 * The bestaanszekerheidscheck as data: topics, questions, skip logic and what an answer says about
 * how things go. Texts are i18n keys; the Dutch defaults live in questions-nl.json (one file the
 * app loads into i18next and translators copy for English and Arabic).
 */

/** The five fundamenten plus loneliness and social network, which the seeds name as a check topic. */
export const TOPIC_IDS = [...FUNDAMENT_IDS, 'sociaal-netwerk'] as const;
export const topicIdSchema = z.enum(TOPIC_IDS);
export type TopicId = z.infer<typeof topicIdSchema>;

export const CHECK_VARIANTS = ['short', 'full'] as const;
export const checkVariantSchema = z.enum(CHECK_VARIANTS);
/** `short`: Geldpraatje (money and regelingen); `full`: wijkteam. */
export type CheckVariant = z.infer<typeof checkVariantSchema>;

export const QUESTION_TYPES = [
  'money',
  'number',
  'choice',
  'multi',
  'yes-no-unknown',
  'members',
  'income-sources',
] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Partners a worker can refer to with one tap; each is a regeling id in the catalogue. */
export const REFERRAL_IDS = [
  'schuldhulpverlening',
  'budgetcoach',
  'sociaal-wijkteam',
  'clientondersteuning',
  'werkcentrum-drechtsteden',
  'energiehulp',
] as const;
export const referralIdSchema = z.enum(REFERRAL_IDS);
export type ReferralId = z.infer<typeof referralIdSchema>;

const questionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const i18nKey = z.string().regex(/^check\.[A-Za-z0-9.-]+$/, 'an i18n key under "check."');

/** Skip logic, as data. An answer that is declined or unknown never makes a condition true. */
const simpleVisibility = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer-equals'), question: questionId, value: z.string() }).strict(),
  z
    .object({
      kind: z.literal('answer-in'),
      question: questionId,
      values: z.array(z.string()).min(1),
    })
    .strict(),
  z
    .object({ kind: z.literal('answer-includes'), question: questionId, value: z.string() })
    .strict(),
  z
    .object({
      kind: z.literal('has-member'),
      role: z.enum(['aanvrager', 'partner', 'kind', 'overig']),
      minAge: z.number().int().min(0).optional(),
      maxAge: z.number().int().max(120).optional(),
    })
    .strict(),
]);
export type SimpleVisibility = z.infer<typeof simpleVisibility>;

export const visibilitySchema = z.union([
  simpleVisibility,
  z.object({ kind: z.literal('all'), conditions: z.array(simpleVisibility).min(1) }).strict(),
  z.object({ kind: z.literal('any'), conditions: z.array(simpleVisibility).min(1) }).strict(),
]);
export type Visibility = z.infer<typeof visibilitySchema>;

/** What an answer says: something that goes well, or something that needs action (and to whom). */
export const findingRuleSchema = z
  .object({
    when: z.union([
      z.object({ equals: z.string() }).strict(),
      z.object({ in: z.array(z.string()).min(1) }).strict(),
      z.object({ includesAnyExcept: z.array(z.string()) }).strict(),
    ]),
    kind: z.enum(['good', 'action']),
    key: i18nKey,
    referrals: z.array(referralIdSchema).default([]),
  })
  .strict();
export type FindingRule = z.infer<typeof findingRuleSchema>;

export const questionSchema = z
  .object({
    id: questionId,
    topic: topicIdSchema,
    type: questionTypeSchema,
    variants: z.array(checkVariantSchema).min(1),
    labelKey: i18nKey,
    helpKey: i18nKey.optional(),
    /** For choice and multi: the allowed values, each with its label key. */
    options: z
      .array(z.object({ value: z.string().min(1), labelKey: i18nKey }).strict())
      .default([]),
    visibleIf: visibilitySchema.optional(),
    /** The household fields this question fills, so an engine "misschien" can point back at it. */
    householdFields: z.array(householdFieldSchema).default([]),
    findings: z.array(findingRuleSchema).default([]),
  })
  .strict()
  .refine((q) => (q.type === 'choice' || q.type === 'multi') === q.options.length > 0, {
    message: 'choice and multi questions need options; other types have none',
    path: ['options'],
  });
export type Question = z.infer<typeof questionSchema>;

export const topicSchema = z
  .object({
    id: topicIdSchema,
    titleKey: i18nKey,
    introKey: i18nKey,
  })
  .strict();
export type Topic = z.infer<typeof topicSchema>;
