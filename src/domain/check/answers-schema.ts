import { z } from 'zod';
import {
  MSG,
  ageSchema,
  incomeSourceSchema,
  memberRoleSchema,
  moneySchema,
} from '../eligibility/household-schema';
import { checkVariantSchema, type Question } from './question-schema';
import { getQuestion } from './questions';

/**
 * The answers of one check, as the app autosaves them. Each question has an entry only once it was
 * touched: answered, "wil ik niet zeggen" (declined) or "weet ik niet" (unknown). Declined and
 * unknown are kept apart because the summary tells the resident what they chose not to share.
 */

export const CHECK_MSG = {
  choice: 'Kies een van de antwoorden.',
  yesNo: 'Kies ja, nee of weet ik niet.',
  unknownQuestion: 'Deze vraag bestaat niet (meer).',
  aanvrager: 'Zet uzelf als eerste in het huishouden.',
} as const;

export const YES_NO_UNKNOWN = ['ja', 'nee', 'weet-niet'] as const;
export const yesNoUnknownSchema = z.enum(YES_NO_UNKNOWN, { error: CHECK_MSG.yesNo });

export const memberAnswerSchema = z
  .object({
    /** A local id ("m1"), never a name. */
    id: z.string().min(1),
    role: memberRoleSchema,
    age: ageSchema.optional(),
  })
  .strict();
export type MemberAnswer = z.infer<typeof memberAnswerSchema>;

export const membersAnswerSchema = z.array(memberAnswerSchema).superRefine((members, ctx) => {
  if (members.filter((m) => m.role === 'aanvrager').length !== 1) {
    ctx.addIssue({ code: 'custom', message: CHECK_MSG.aanvrager });
  }
  if (members.filter((m) => m.role === 'partner').length > 1) {
    ctx.addIssue({ code: 'custom', message: MSG.onePartner });
  }
});

export const answerValueSchema = z.union([
  z.number(),
  z.string(),
  z.array(z.string()),
  z.array(memberAnswerSchema),
  z.array(incomeSourceSchema),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answerEntrySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('answered'), value: answerValueSchema }).strict(),
  z.object({ status: z.literal('declined') }).strict(),
  z.object({ status: z.literal('unknown') }).strict(),
]);
export type AnswerEntry = z.infer<typeof answerEntrySchema>;

/** The schema a value must meet for one question; its messages are shown at the field. */
export function valueSchemaFor(question: Question): z.ZodType {
  switch (question.type) {
    case 'money':
      return moneySchema;
    case 'number':
      return z.number({ error: MSG.number }).min(0, { error: MSG.amount });
    case 'choice':
      return z
        .string({ error: CHECK_MSG.choice })
        .refine((v) => question.options.some((o) => o.value === v), {
          message: CHECK_MSG.choice,
        });
    case 'multi':
      return z
        .array(z.string(), { error: CHECK_MSG.choice })
        .refine((vs) => vs.every((v) => question.options.some((o) => o.value === v)), {
          message: CHECK_MSG.choice,
        });
    case 'yes-no-unknown':
      return yesNoUnknownSchema;
    case 'members':
      return membersAnswerSchema;
    case 'income-sources':
      return z.array(incomeSourceSchema);
  }
}

export const consentSchema = z
  .object({
    /** The resident agreed that the answers are recorded and, where chosen, shared for a referral. */
    given: z.boolean(),
    recordedAt: z.iso.datetime().optional(),
  })
  .strict();

export const checkAnswersSchema = z
  .object({
    schemaVersion: z.literal(1),
    variant: checkVariantSchema,
    consent: consentSchema,
    answers: z.record(z.string(), answerEntrySchema),
  })
  .strict()
  .superRefine((record, ctx) => {
    for (const [id, entry] of Object.entries(record.answers)) {
      const question = getQuestion(id);
      if (question === undefined) {
        ctx.addIssue({ code: 'custom', message: CHECK_MSG.unknownQuestion, path: ['answers', id] });
        continue;
      }
      if (entry.status !== 'answered') continue;
      const parsed = valueSchemaFor(question).safeParse(entry.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            path: ['answers', id, 'value', ...issue.path],
          });
        }
      }
    }
  });
export type CheckAnswers = z.infer<typeof checkAnswersSchema>;

export function emptyCheckAnswers(variant: CheckAnswers['variant']): CheckAnswers {
  return { schemaVersion: 1, variant, consent: { given: false }, answers: {} };
}

/**
 * Validate one answer before it is saved: the form calls this and shows the first message at the
 * field, so nothing wrong reaches the database.
 */
export function validateAnswer(
  question: Question,
  value: unknown,
): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  const parsed = valueSchemaFor(question).safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? MSG.number };
  const typed = answerValueSchema.safeParse(parsed.data);
  return typed.success ? { ok: true, value: typed.data } : { ok: false, message: MSG.number };
}

/**
 * Read an amount as people type it in Dutch: "1.234,56", "1234,56", "€ 850" or "850.5". Text that is
 * no number gets "Vul een getal in." instead of turning into 0 or NaN.
 */
export function parseAmountInput(
  raw: string,
): { ok: true; value: number } | { ok: false; message: string } {
  let s = raw.replace(/[€\s\u00a0]/g, '');
  if (s === '') return { ok: false, message: MSG.number };
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, message: MSG.number };
  const parsed = moneySchema.safeParse(Number(s));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? MSG.number };
}
