import { z } from 'zod';
import { answerEntrySchema, valueSchemaFor } from '../check/answers-schema';
import { topicIdSchema } from '../check/question-schema';
import { getQuestion } from '../check/questions';
import { lifeEventIdSchema } from '../life-events/schema';

/**
 * How another screen starts an anonymous quick check with some answers already given and the
 * topics to go through (a life event such as "18 worden"): `{ answers, topics, lifeEvent }`.
 * Answers are checked like typed ones: an unknown question or a wrong value is refused.
 */
export const quickCheckStartSchema = z
  .object({
    answers: z
      .record(z.string(), answerEntrySchema)
      .superRefine((answers, ctx) => {
        for (const [id, entry] of Object.entries(answers)) {
          const question = getQuestion(id);
          if (!question) {
            ctx.addIssue({ code: 'custom', message: `Unknown question ${id}.`, path: [id] });
            continue;
          }
          if (
            entry.status === 'answered' &&
            !valueSchemaFor(question).safeParse(entry.value).success
          )
            ctx.addIssue({ code: 'custom', message: `Invalid answer for ${id}.`, path: [id] });
        }
      })
      .optional(),
    /** The topics to go through, first first; the check opens at the first. */
    topics: z.array(topicIdSchema).max(10).optional(),
    /** The life event's id, counted in the tally ("18-worden"). */
    lifeEvent: lifeEventIdSchema.optional(),
  })
  .strict();
export type QuickCheckStart = z.infer<typeof quickCheckStartSchema>;
