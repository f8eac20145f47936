import { z } from 'zod';
import questionsJson from './data/questions.json';
import questionsNl from './questions-nl.json';
import {
  questionSchema,
  topicSchema,
  type Question,
  type Topic,
  type TopicId,
} from './question-schema';

/**
 * The check's topics and questions, parsed once from data/questions.json. Texts are i18n keys;
 * questions-nl.json holds the Dutch defaults the app registers with i18next.
 */
const checkDataSchema = z
  .object({ topics: z.array(topicSchema).min(1), questions: z.array(questionSchema).min(1) })
  .strict()
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    data.questions.forEach((q, i) => {
      if (ids.has(q.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate question ${q.id}`,
          path: ['questions', i],
        });
      ids.add(q.id);
    });
    data.questions.forEach((q, i) => {
      const v = q.visibleIf;
      const refs = v === undefined ? [] : 'conditions' in v ? v.conditions : [v];
      for (const r of refs) {
        if ('question' in r && !ids.has(r.question)) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown question ${r.question}`,
            path: ['questions', i],
          });
        }
      }
    });
  });

const checkData = checkDataSchema.parse(questionsJson);

export const TOPICS: readonly Topic[] = checkData.topics;
export const QUESTIONS: readonly Question[] = checkData.questions;

const byId = new Map(QUESTIONS.map((q) => [q.id, q]));

export function getQuestion(id: string): Question | undefined {
  return byId.get(id);
}

export function questionsForTopic(topic: TopicId): Question[] {
  return QUESTIONS.filter((q) => q.topic === topic);
}

/** The Dutch resource bundle, for i18next (`resources.nl.translation`). */
export const CHECK_NL: unknown = questionsNl;

/**
 * The Dutch default for a key, with i18next-style `{{name}}` interpolation. Used for the summary's
 * default texts and in tests that every key exists; the app renders through i18next.
 */
export function nlText(key: string, params: Record<string, string> = {}): string | undefined {
  let node: unknown = questionsNl;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') return undefined;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}
