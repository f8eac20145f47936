import { z } from 'zod';
import type { CheckAnswers } from '../check/answers-schema';
import { topicIdSchema, TOPIC_IDS, type TopicId } from '../check/question-schema';
import { getQuestion } from '../check/questions';
import { slug as catalogueSlug } from '../catalogue/schema';
import { lifeEventIdSchema, type LifeEventId } from '../life-events/schema';

/**
 * What an anonymous quick check at the spreekuur leaves behind: one tally for the coordinator's
 * counts and the volunteer's overview of the evening. It holds ids from fixed lists only — no
 * free text, no amounts, no ages, no answer values, nothing that points at the resident. The
 * same schema is the device's queue entry and the server's input, and it refuses unknown keys.
 */

/** "Unknown" wijk: the volunteer did not choose one (the insight rows call it "onbekend"). */
export const UNKNOWN_TALLY_WIJK = 'unknown';
/** The summary was not shown to the resident. */
export const NO_SUMMARY = 'none';
export const SUMMARY_LANGUAGES = ['nl', 'en', 'ar', NO_SUMMARY] as const;
export const summaryLanguageSchema = z.enum(SUMMARY_LANGUAGES);
export type SummaryLanguage = z.infer<typeof summaryLanguageSchema>;

/** A catalogue id (regeling, wijk), bounded: never free text. */
const slug = catalogueSlug.min(1).max(64);
const uniqueSlugs = (max: number) =>
  z
    .array(slug)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'No id twice.');

export const quickCheckTallySchema = z
  .object({
    /** Chosen on the device, so a resend is recognised (idempotent). ULID. */
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'A ULID.'),
    /** The day of the spreekuur, on the device's calendar. */
    day: z.iso.date(),
    wijk: slug,
    /** Regelingen the outcome suggested (waarschijnlijk recht or misschien). */
    suggested: uniqueSlugs(80),
    /** Regelingen the volunteer marked as applied for at the table. */
    applied: uniqueSlugs(80),
    /** Topics of the check that came up (had at least one answer). */
    topics: z
      .array(topicIdSchema)
      .max(TOPIC_IDS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'No topic twice.'),
    /** Questions that came up: ids only, never what was said. */
    questions: uniqueSlugs(200).refine(
      (xs) => xs.every((q) => getQuestion(q) !== undefined),
      'Only questions of the check.',
    ),
    summaryLanguage: summaryLanguageSchema,
    /** The life event the check started from ("18 worden"), if any. */
    lifeEvent: lifeEventIdSchema.optional(),
  })
  .strict();
export type QuickCheckTally = z.infer<typeof quickCheckTallySchema>;

export const TALLY_KEYS = Object.keys(quickCheckTallySchema.shape) as (keyof QuickCheckTally)[];

export const MAX_TALLIES_PER_REQUEST = 200;
export const tallyRequestSchema = z
  .object({ tallies: z.array(quickCheckTallySchema).min(1).max(MAX_TALLIES_PER_REQUEST) })
  .strict();
export type TallyRequest = z.infer<typeof tallyRequestSchema>;

export const tallyResponseSchema = z
  .object({ accepted: z.array(z.string()), duplicate: z.array(z.string()) })
  .strict();
export type TallyResponse = z.infer<typeof tallyResponseSchema>;

export interface TallyInput {
  id: string;
  day: string;
  wijk: string | undefined;
  answers: CheckAnswers;
  suggested: readonly string[];
  applied: readonly string[];
  summaryLanguage: SummaryLanguage;
  lifeEvent?: LifeEventId | undefined;
}

/**
 * The tally of one finished quick check. Only which questions had an entry is kept (answered,
 * "weet ik niet" or "wil ik niet zeggen"), never the entry itself.
 */
export function buildTally(input: TallyInput): QuickCheckTally {
  const questions = Object.keys(input.answers.answers).filter((q) => getQuestion(q) !== undefined);
  const topics = new Set<TopicId>();
  for (const q of questions) {
    const topic = getQuestion(q)?.topic;
    if (topic) topics.add(topic);
  }
  const tally: QuickCheckTally = {
    id: input.id,
    day: input.day,
    wijk: input.wijk && input.wijk !== '' ? input.wijk : UNKNOWN_TALLY_WIJK,
    suggested: [...new Set(input.suggested)].sort(),
    applied: [...new Set(input.applied)].sort(),
    topics: TOPIC_IDS.filter((t) => topics.has(t)),
    questions: questions.sort(),
    summaryLanguage: input.summaryLanguage,
  };
  if (input.lifeEvent) tally.lifeEvent = input.lifeEvent;
  return quickCheckTallySchema.parse(tally);
}
