import {
  checkAnswersSchema,
  emptyCheckAnswers,
  type AnswerEntry,
  type CheckAnswers,
} from '../../domain/check/answers-schema';
import type { CheckVariant, TopicId } from '../../domain/check/question-schema';
import type { LifeEventId } from '../../domain/life-events/schema';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { newId } from '../ids';
import { log } from '../log';
import { currentSession } from '../sync/session-store';
import { writeRecords } from './records';
import type { PlainRecord } from '../crypto/record-crypto';
import { checkDataSchema, type CheckData } from './checks';

/*
 * How a check record comes to be: started after consent (perhaps from a life event), or made
 * from an anonymous quick check the resident wants followed up.
 */

export interface StartCheck {
  variant: CheckVariant;
  /** The resident agreed that the answers are recorded; without it nothing is stored. */
  consentGiven: boolean;
  wijk?: string | undefined;
  /** Started during an outreach visit after a vroegsignaal: that signal's id. */
  fromSignal?: string | undefined;
  /**
   * Started from a life event: its answers are stored as given answers (the worker can change
   * them) and the check opens at its first topic. See checkStartFor.
   */
  lifeEvent?:
    { lifeEvent: LifeEventId; answers: Record<string, AnswerEntry>; topics: TopicId[] } | undefined;
}

/** Starts a check after consent. Returns its id. Throws LockedError while the vault is locked. */
export async function startCheck(input: StartCheck, database: DichtbijDb = db()): Promise<string> {
  if (!input.consentGiven) throw new Error('A check is only recorded with the resident’s consent.');
  const now = new Date().toISOString();
  // Answers a life event implies are checked like any answer before anything is written.
  const answers: CheckAnswers = checkAnswersSchema.parse({
    ...emptyCheckAnswers(input.variant),
    consent: { given: true, recordedAt: now },
    answers: { ...input.lifeEvent?.answers },
  });
  const data: CheckData = { answers };
  if (input.fromSignal) data.fromSignal = input.fromSignal;
  if (input.lifeEvent) {
    data.lifeEvent = input.lifeEvent.lifeEvent;
    const first = input.lifeEvent.topics[0];
    if (first) data.lastTopic = first;
  }
  const id = await writeNewCheck(data, 'open', input.wijk, now, database);
  log.info('check.started', { variant: input.variant });
  return id;
}

/** Writes a new check record (with its outbox entry) by whoever is signed in. */
async function writeNewCheck(
  data: CheckData,
  status: 'open' | 'afgerond',
  wijk: string | undefined,
  now: string,
  database: DichtbijDb,
): Promise<string> {
  const session = await currentSession(database);
  const record: PlainRecord = {
    id: newId(),
    entityType: 'check',
    version: 0,
    createdAt: now,
    updatedAt: now,
    status,
    data,
  };
  if (wijk) record.wijk = wijk;
  if (session) record.createdBy = session.user.id;
  await writeRecords([{ record, op: 'put', payload: data }], database);
  return record.id;
}

/**
 * What an anonymous quick check hands over when the resident consents to follow-up: its answers
 * and, if it was completed, its outcome and what was marked at the table.
 */
export interface QuickCheckHandover {
  variant: CheckVariant;
  wijk?: string | undefined;
  answers: CheckAnswers['answers'];
  completed?:
    | Pick<CheckData, 'completedAt' | 'computedWith' | 'suggested' | 'doelgroepen' | 'takeUp'>
    | undefined;
}

/**
 * Makes a quick check a normal check record after the resident's consent, keeping its answers:
 * one write, with its outbox entry, as any other check. Returns the new check's id.
 */
export async function checkFromQuickCheck(
  input: QuickCheckHandover,
  database: DichtbijDb = db(),
): Promise<string> {
  const now = new Date().toISOString();
  const data = checkDataSchema.parse({
    answers: {
      ...emptyCheckAnswers(input.variant),
      consent: { given: true, recordedAt: now },
      answers: input.answers,
    },
    ...input.completed,
  });
  const completed = input.completed?.completedAt !== undefined;
  const id = await writeNewCheck(data, completed ? 'afgerond' : 'open', input.wijk, now, database);
  log.info('check.from-quick-check', { completed });
  return id;
}
