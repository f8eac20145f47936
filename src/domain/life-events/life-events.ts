import type { AnswerEntry } from '../check/answers-schema';
import type { TopicId } from '../check/question-schema';
import data from './data/life-events.json';
import { lifeEventsSchema, type LifeEvent, type LifeEventId } from './schema';

/** The eight life events, parsed once: a broken data file fails at start-up and in the unit tests. */
export const LIFE_EVENTS: readonly LifeEvent[] = lifeEventsSchema.parse(data);

export function getLifeEvent(id: LifeEventId): LifeEvent {
  const found = LIFE_EVENTS.find((e) => e.id === id);
  // The schema requires every id to be present, so this cannot happen with parsed data.
  if (!found) throw new Error(`No content for life event ${id}`);
  return found;
}

/** How a check starts from a life event. */
export interface CheckStart {
  lifeEvent: LifeEventId;
  /** Answers the event itself implies, keyed by question id; the worker can still change them. */
  answers: Record<string, AnswerEntry>;
  /** The topics to go through first, the first one opens. */
  topics: TopicId[];
  /** The questions that matter most for this event, in the order to look at them. */
  questions: string[];
}

/**
 * The way into the check for a life event: the same for the normal check and the anonymous quick
 * check. Pure; the caller stores the answers (startCheck) or keeps them in memory.
 */
export function checkStartFor(eventId: LifeEventId): CheckStart {
  const event = getLifeEvent(eventId);
  return {
    lifeEvent: event.id,
    answers: structuredClone(event.check.answers),
    topics: [...event.check.topics],
    questions: [...event.check.questions],
  };
}
