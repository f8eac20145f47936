import { z } from 'zod';
import { sourceRefSchema } from '../catalogue/schema';
import { answerEntrySchema } from '../check/answers-schema';
import { topicIdSchema } from '../check/question-schema';

/**
 * Life events (issue 16; 000 L245–248: the policy informs residents around moments such as "ik
 * word 18" and "ik ga met pensioen"). Per event: what changes for the resident — regelingen and
 * toeslagen to apply for, to pass a change to, or that stop — each with its source, a deadline
 * only where a source gives one, and the questions of the check that matter. Pure data; the texts
 * are B1 Dutch with English and Arabic next to them, so a missing translation cannot parse.
 */

export const LIFE_EVENT_IDS = [
  '18-worden',
  'samenwonen-of-uit-elkaar',
  'kind-geboren',
  'baan-kwijt-of-nieuwe-baan',
  'met-pensioen',
  'verhuizen-of-renovatie',
  'uit-opvang-of-detentie',
  'overlijden-partner',
] as const;
export const lifeEventIdSchema = z.enum(LIFE_EVENT_IDS);
export type LifeEventId = z.infer<typeof lifeEventIdSchema>;

export function isLifeEventId(value: unknown): value is LifeEventId {
  return lifeEventIdSchema.safeParse(value).success;
}

const text = z.string().trim().min(1);
/** The same text in the three languages of the app; all three are required. */
export const textsSchema = z.object({ nl: text, en: text, ar: text }).strict();
export type Texts = z.infer<typeof textsSchema>;

const sources = z.array(sourceRefSchema).min(1, 'every fact needs a source');

/** What the resident does about a regeling: apply, pass on a change, know that it stops, or find out. */
export const CHANGE_ACTIONS = ['aanvragen', 'doorgeven', 'stopt', 'nagaan'] as const;
export const changeActionSchema = z.enum(CHANGE_ACTIONS);
export type ChangeAction = z.infer<typeof changeActionSchema>;

/** A deadline is stated only with its source; otherwise it is explicitly unknown. */
export const deadlineSchema = z.union([
  z.object({ text: textsSchema, source: sources }).strict(),
  z.object({ unknown: z.literal(true) }).strict(),
]);
export type Deadline = z.infer<typeof deadlineSchema>;

export const lifeEventChangeSchema = z
  .object({
    action: changeActionSchema,
    /** A regeling id of the catalogue or of the check's rules, where one exists. */
    regeling: z.string().min(1).max(64).optional(),
    text: textsSchema,
    deadline: deadlineSchema,
    source: sources,
  })
  .strict();
export type LifeEventChange = z.infer<typeof lifeEventChangeSchema>;

const questionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** How the check starts from the event: its topics first, the questions to look at, answers it implies. */
export const lifeEventCheckSchema = z
  .object({
    topics: z.array(topicIdSchema).min(1),
    questions: z.array(questionId).min(1),
    /** Only what the event itself says (turning 18: the resident is 18); the worker can change it. */
    answers: z.record(questionId, answerEntrySchema).default({}),
  })
  .strict();

export const lifeEventSchema = z
  .object({
    id: lifeEventIdSchema,
    title: textsSchema,
    intro: textsSchema,
    changes: z.array(lifeEventChangeSchema).min(1),
    check: lifeEventCheckSchema,
    source: sources,
  })
  .strict();
export type LifeEvent = z.infer<typeof lifeEventSchema>;

export const lifeEventsSchema = z
  .array(lifeEventSchema)
  .refine((events) => LIFE_EVENT_IDS.every((id) => events.some((e) => e.id === id)), {
    message: 'every life event needs its content',
  })
  .refine((events) => new Set(events.map((e) => e.id)).size === events.length, {
    message: 'life event ids are unique',
  });
