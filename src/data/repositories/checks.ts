import { z } from 'zod';
import type { Doelgroep, TakeUpEntry } from '../../domain/insight/take-up';
import { doelgroepSchema, takeUpEntrySchema, takeUpSchema } from '../../domain/insight/take-up';
import { CHECK_STATUSES } from '../../domain/records/statuses';
import {
  answerEntrySchema,
  checkAnswersSchema,
  valueSchemaFor,
  type AnswerEntry,
  type CheckAnswers,
} from '../../domain/check/answers-schema';
import { topicIdSchema, type CheckVariant, type TopicId } from '../../domain/check/question-schema';
import { getQuestion } from '../../domain/check/questions';
import { computedWithSchema, type ComputedWith } from '../../domain/eligibility/outcome-snapshot';
import type { Role } from '../../domain/sync/roles';
import { lifeEventIdSchema } from '../../domain/life-events/schema';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { log } from '../log';
import { listRecords, readRecord, writeRecords } from './records';
import type { PlainRecord } from '../crypto/record-crypto';

/**
 * The bestaanszekerheidscheck on the device. Status and wijk are index fields in the clear (lists
 * and sync scope need them); the answers, consent and progress are the record's personal `data`,
 * which the records repository encrypts. Every answer is written as it is given, so a closed tab
 * or a flat battery loses at most the keystrokes of the last debounce window — and blur,
 * navigation and pagehide flush that window too.
 */

export const checkStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const checkDataSchema = z
  .object({
    answers: checkAnswersSchema,
    /** The topic the worker was on, so a paused check resumes there. */
    lastTopic: topicIdSchema.optional(),
    completedAt: z.iso.datetime().optional(),
    /**
     * For a completed check: the rules version and peildatum its outcome was computed with, and
     * the verdicts it gave, so reopening it later shows what it rested on.
     */
    computedWith: computedWithSchema.optional(),
    /** Regeling ids the outcome suggested (waarschijnlijk recht or misschien) when completed. */
    suggested: z.array(z.string().min(1).max(64)).optional(),
    /** Target groups the check reached, for the coordinator's counts. */
    doelgroepen: z.array(doelgroepSchema).optional(),
    /** What became of each suggestion (aangevraagd, toegekend, …), per regeling id. */
    takeUp: takeUpSchema.optional(),
    /** Started during an outreach visit: the vroegsignaal's id, so the two can be linked. */
    fromSignal: z.string().max(64).optional(),
    /** Started from a life event (issue 16): which one, so the check can say why it began there. */
    lifeEvent: lifeEventIdSchema.optional(),
  })
  .strict();
export type CheckData = z.infer<typeof checkDataSchema>;

export interface CheckRecord {
  id: string;
  status: CheckStatus;
  wijk: string | undefined;
  createdAt: string;
  updatedAt: string;
  createdBy: string | undefined;
  data: CheckData;
}

/** A check record whose data does not parse (newer app version, damaged): refuse to show or edit it. */
export class CheckDataError extends Error {
  constructor(readonly checkId: string) {
    super('The stored check could not be read.');
    this.name = 'CheckDataError';
  }
}

/** A value that does not meet its question's schema: it is refused, never stored. */
export class InvalidAnswerError extends Error {
  constructor(
    readonly questionId: string,
    readonly messages: string[],
  ) {
    super(`Invalid answer for ${questionId}`);
    this.name = 'InvalidAnswerError';
  }
}

/**
 * Geldpraatje volunteers run the short check (money and regelingen); wijkteam workers and
 * toekomstmakelaars the full one. An unknown role gets the short one: it asks the least.
 */
export function variantForRole(role: Role | undefined): CheckVariant {
  return role === 'wijkteam' || role === 'toekomstmakelaar' ? 'full' : 'short';
}

/** Which variants a role may choose from; the first is the default. */
export function variantsForRole(role: Role | undefined): CheckVariant[] {
  return variantForRole(role) === 'full' ? ['full', 'short'] : ['short'];
}

function toCheck(record: PlainRecord): CheckRecord {
  const data = checkDataSchema.safeParse(record.data);
  const status = checkStatusSchema.safeParse(record.status);
  if (!data.success || !status.success) throw new CheckDataError(record.id);
  return {
    id: record.id,
    status: status.data,
    wijk: record.wijk,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    createdBy: record.createdBy,
    data: data.data,
  };
}

/** Waits until typed answers and queued writes are on the device, so a read sees the last keystroke. */
async function settled(id?: string): Promise<void> {
  await flushPendingAnswers();
  const waiting = id === undefined ? [...queues.values()] : [queues.get(id)];
  await Promise.all(waiting.map((p) => p?.catch(() => undefined)));
}

export async function getCheck(
  id: string,
  database: DichtbijDb = db(),
): Promise<CheckRecord | undefined> {
  await settled(id);
  const record = await readRecord('check', id, database);
  return record && !record.deleted ? toCheck(record) : undefined;
}

/** Checks on this device, newest first; with a status only those (open: to resume). */
export async function listChecks(
  status?: CheckStatus,
  database: DichtbijDb = db(),
): Promise<CheckRecord[]> {
  await settled();
  const query = status ? { where: { index: 'status' as const, equals: status }, limit: 200 } : {};
  const { items } = await listRecords('check', query, database);
  const checks: CheckRecord[] = [];
  for (const item of items) {
    if (item.deleted) continue;
    try {
      checks.push(toCheck(item));
    } catch {
      // One unreadable record must not hide the others; it is counted, never shown.
      log.warn('check.unreadable');
    }
  }
  return checks.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

// -------------------------------------------------------------------------------------------
// Writes are serialised per check: each one reads the latest record, changes it and writes it
// back, so two quick answers never overwrite each other.

const queues = new Map<string, Promise<unknown>>();

async function updateCheck(
  id: string,
  change: (check: CheckRecord) => { data: CheckData; status?: CheckStatus },
  database: DichtbijDb,
): Promise<CheckRecord> {
  const previous = queues.get(id) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      const record = await readRecord('check', id, database);
      if (!record) throw new Error('No such check on this device.');
      const current = toCheck(record);
      const next = change(current);
      const data = checkDataSchema.parse(next.data);
      const status = next.status ?? current.status;
      const updated: PlainRecord = {
        ...record,
        status,
        updatedAt: new Date().toISOString(),
        data,
      };
      await writeRecords([{ record: updated, op: 'put', payload: data }], database);
      return toCheck(updated);
    });
  queues.set(id, run);
  try {
    return await run;
  } finally {
    if (queues.get(id) === run) queues.delete(id);
  }
}

/** The entry as it may be stored, or the field messages why it may not. */
export function checkedEntry(questionId: string, entry: AnswerEntry): AnswerEntry {
  const question = getQuestion(questionId);
  if (!question) throw new InvalidAnswerError(questionId, ['unknown question']);
  const parsed = answerEntrySchema.safeParse(entry);
  if (!parsed.success) {
    throw new InvalidAnswerError(
      questionId,
      parsed.error.issues.map((i) => i.message),
    );
  }
  if (parsed.data.status === 'answered') {
    const value = valueSchemaFor(question).safeParse(parsed.data.value);
    if (!value.success)
      throw new InvalidAnswerError(
        questionId,
        value.error.issues.map((i) => i.message),
      );
  }
  return parsed.data;
}

function withAnswers(
  check: CheckRecord,
  change: (answers: CheckAnswers['answers']) => CheckAnswers['answers'],
): { data: CheckData } {
  const answers = { ...check.data.answers, answers: change({ ...check.data.answers.answers }) };
  return { data: { ...check.data, answers } };
}

/** Saves one answer now: answered, declined ("wil ik niet zeggen") or unknown ("weet ik niet"). */
export async function saveAnswer(
  id: string,
  questionId: string,
  entry: AnswerEntry,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  const checked = checkedEntry(questionId, entry);
  return updateCheck(
    id,
    (check) =>
      withAnswers(check, (answers) => {
        answers[questionId] = checked;
        return answers;
      }),
    database,
  );
}

/** Removes an answer, e.g. when the worker empties a field: the question is open again. */
export async function clearAnswer(
  id: string,
  questionId: string,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  return updateCheck(
    id,
    (check) =>
      withAnswers(check, (answers) =>
        Object.fromEntries(Object.entries(answers).filter(([q]) => q !== questionId)),
      ),
    database,
  );
}

export async function setLastTopic(
  id: string,
  topic: TopicId,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  return updateCheck(id, (check) => ({ data: { ...check.data, lastTopic: topic } }), database);
}

/** What the outcome suggested when the check was completed, kept for the follow-up and the counts. */
export interface CheckFollowUp {
  suggested: string[];
  doelgroepen: Doelgroep[];
}

/**
 * Marks the check afgerond with the outcome it was given (rules version, peildatum, verdicts)
 * and the follow-up it needs (suggested regelingen, doelgroepen reached); it stays readable for
 * the outcome and the resident's summary.
 */
export async function completeCheck(
  id: string,
  computed: ComputedWith | undefined,
  followUp: CheckFollowUp | undefined = undefined,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  await flushPendingAnswers();
  return updateCheck(
    id,
    (check) => ({
      data: {
        ...check.data,
        ...followUp,
        completedAt: new Date().toISOString(),
        ...(computed ? { computedWith: computed } : {}),
      },
      status: 'afgerond',
    }),
    database,
  );
}

/** A completed check takes the outcome recomputed with today's rules as its own. */
export async function recordOutcome(
  id: string,
  computed: ComputedWith,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  return updateCheck(
    id,
    (check) => ({ data: { ...check.data, computedWith: computed } }),
    database,
  );
}

/** Records what became of one suggested regeling; a later entry replaces the earlier one. */
export async function recordTakeUp(
  id: string,
  regelingId: string,
  entry: Omit<TakeUpEntry, 'recordedAt'>,
  database: DichtbijDb = db(),
): Promise<CheckRecord> {
  const parsed = takeUpEntrySchema.parse({ ...entry, recordedAt: new Date().toISOString() });
  return updateCheck(
    id,
    (check) => ({
      data: { ...check.data, takeUp: { ...check.data.takeUp, [regelingId]: parsed } },
    }),
    database,
  );
}

/** Opens a completed check again, for a correction or a follow-up question. */
export async function reopenCheck(id: string, database: DichtbijDb = db()): Promise<CheckRecord> {
  return updateCheck(
    id,
    (check) => {
      const { completedAt: _done, computedWith: _computed, ...data } = check.data;
      return { data, status: 'open' };
    },
    database,
  );
}

// -------------------------------------------------------------------------------------------
// Debounced saving of typed answers: one write per pause in typing, and the last keystroke is
// never lost because blur, navigation and pagehide call flushPendingAnswers.

export const ANSWER_DEBOUNCE_MS = 400;

type Cleared = { status: 'cleared' };
interface PendingAnswer {
  checkId: string;
  questionId: string;
  entry: AnswerEntry | Cleared;
  database: DichtbijDb;
  timer: ReturnType<typeof setTimeout>;
  resolve: () => void;
  reject: (e: unknown) => void;
  done: Promise<void>;
}

const pendingAnswers = new Map<string, PendingAnswer>();

function pendingKey(checkId: string, questionId: string): string {
  return `${checkId}\u0000${questionId}`;
}

async function writePending(p: PendingAnswer): Promise<void> {
  try {
    if (p.entry.status === 'cleared') await clearAnswer(p.checkId, p.questionId, p.database);
    else await saveAnswer(p.checkId, p.questionId, p.entry, p.database);
    p.resolve();
  } catch (e) {
    p.reject(e);
  }
}

/**
 * Saves an answer after a short pause in typing. The value is checked now, so an invalid one is
 * refused at once (InvalidAnswerError) and a pending valid one for the same question is dropped.
 * Resolves when the answer is stored.
 */
export function scheduleAnswer(
  checkId: string,
  questionId: string,
  entry: AnswerEntry | Cleared,
  database: DichtbijDb = db(),
): Promise<void> {
  const key = pendingKey(checkId, questionId);
  const previous = pendingAnswers.get(key);
  if (previous) {
    clearTimeout(previous.timer);
    pendingAnswers.delete(key);
    // The older value is replaced, not lost: whoever waited on it learns when the newer is stored.
  }
  const checked = entry.status === 'cleared' ? entry : checkedEntry(questionId, entry);
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const item: PendingAnswer = {
    checkId,
    questionId,
    entry: checked,
    database,
    resolve,
    reject,
    done,
    timer: setTimeout(() => {
      pendingAnswers.delete(key);
      void writePending(item);
    }, ANSWER_DEBOUNCE_MS),
  };
  pendingAnswers.set(key, item);
  if (previous) done.then(previous.resolve, previous.reject);
  return done;
}

/** Drops a pending (not yet written) answer, e.g. when the worker types something invalid. */
export function cancelPendingAnswer(checkId: string, questionId: string): void {
  const key = pendingKey(checkId, questionId);
  const p = pendingAnswers.get(key);
  if (!p) return;
  clearTimeout(p.timer);
  pendingAnswers.delete(key);
  p.resolve();
}

/** Writes every pending answer now (blur, leaving a topic, pagehide, before an app update). */
export async function flushPendingAnswers(): Promise<void> {
  const items = [...pendingAnswers.values()];
  pendingAnswers.clear();
  for (const p of items) clearTimeout(p.timer);
  await Promise.all(items.map((p) => writePending(p)));
  await Promise.all(items.map((p) => p.done.catch(() => undefined)));
}
