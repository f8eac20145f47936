import type { CheckAnswers, MemberAnswer } from './answers-schema';
import type { Question, SimpleVisibility, TopicId } from './question-schema';
import { QUESTIONS } from './questions';

/**
 * Skip logic: which questions a worker sees, given the variant and the answers so far. A question
 * whose condition rests on a declined or unknown answer stays hidden; the worker can still reach
 * the topic, and nothing is asked that does not apply to this resident.
 */

function answeredValue(answers: CheckAnswers, id: string): unknown {
  const entry = answers.answers[id];
  return entry?.status === 'answered' ? entry.value : undefined;
}

/** The members list if it was answered; used by skip logic and by answersToHousehold. */
export function answeredMembers(answers: CheckAnswers): MemberAnswer[] | undefined {
  const v = answeredValue(answers, 'huishouden');
  if (!Array.isArray(v)) return undefined;
  return v.filter(
    (m): m is MemberAnswer => typeof m === 'object' && m !== null && 'role' in m && 'id' in m,
  );
}

function matches(answers: CheckAnswers, c: SimpleVisibility): boolean {
  switch (c.kind) {
    case 'answer-equals':
      return answeredValue(answers, c.question) === c.value;
    case 'answer-in': {
      const v = answeredValue(answers, c.question);
      return typeof v === 'string' && c.values.includes(v);
    }
    case 'answer-includes': {
      const v = answeredValue(answers, c.question);
      return Array.isArray(v) && v.some((x) => x === c.value);
    }
    case 'has-member': {
      const members = answeredMembers(answers) ?? [];
      return members.some(
        (m) =>
          m.role === c.role &&
          (c.minAge === undefined || (m.age !== undefined && m.age >= c.minAge)) &&
          (c.maxAge === undefined || (m.age !== undefined && m.age <= c.maxAge)),
      );
    }
  }
}

export function isQuestionVisible(answers: CheckAnswers, question: Question): boolean {
  if (!question.variants.includes(answers.variant)) return false;
  const v = question.visibleIf;
  if (v === undefined) return true;
  if (v.kind === 'all') return v.conditions.every((c) => matches(answers, c));
  if (v.kind === 'any') return v.conditions.some((c) => matches(answers, c));
  return matches(answers, v);
}

export function visibleQuestions(answers: CheckAnswers, topic?: TopicId): Question[] {
  return QUESTIONS.filter(
    (q) => (topic === undefined || q.topic === topic) && isQuestionVisible(answers, q),
  );
}

/** Visible questions without any entry yet: what is still open when the check is resumed. */
export function openQuestions(answers: CheckAnswers): Question[] {
  return visibleQuestions(answers).filter((q) => answers.answers[q.id] === undefined);
}
