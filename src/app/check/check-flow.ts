import { createContext, useContext, useMemo } from 'react';
import type { TopicId } from '../../domain/check/question-schema';
import type { ComputedWith } from '../../domain/eligibility/outcome-snapshot';
import type { TakeUpEntry } from '../../domain/insight/take-up';
import {
  cancelPendingAnswer,
  completeCheck,
  flushPendingAnswers,
  recordOutcome,
  recordTakeUp,
  reopenCheck,
  scheduleAnswer,
  setLastTopic,
  type CheckFollowUp,
  type CheckRecord,
} from '../../data/repositories/checks';
import type { LanguageCode } from '../i18n/i18n';
import { paths } from '../paths';
import type { AnswerChange } from './answer-change';

/**
 * Where a check's screens write to and link to. The check screens (topics, outcome, summary)
 * are the same for a personal, encrypted check record and for the anonymous quick check at the
 * spreekuur, whose answers live in memory only: each is a flow, and the screens only talk to
 * the flow. Without a provider the screens get the record flow of the check they show.
 */
export interface CheckFlow {
  /** An anonymous quick check: nothing is stored, no signal or referral leaves from it. */
  anonymous: boolean;
  topicHref: (topic: TopicId) => string;
  outcomeHref: () => string;
  summaryHref: () => string;
  /** The resident's printable checklist for these regelingen, inside this flow's screens. */
  checklistHref: (regelingen: readonly string[], taal?: string) => string;
  /** Where "pause" leads (the check list); the quick check has no pause. */
  exitHref: () => string;
  /** Throws InvalidAnswerError at once for a value its question refuses. */
  scheduleAnswer: (questionId: string, change: AnswerChange) => Promise<void>;
  cancelPendingAnswer: (questionId: string) => void;
  flush: () => Promise<void>;
  setLastTopic: (topic: TopicId) => Promise<unknown>;
  complete: (computed: ComputedWith, followUp: CheckFollowUp) => Promise<CheckRecord>;
  reopen: () => Promise<CheckRecord>;
  recordOutcome: (computed: ComputedWith) => Promise<CheckRecord>;
  recordTakeUp: (
    regelingId: string,
    entry: Omit<TakeUpEntry, 'recordedAt'>,
  ) => Promise<CheckRecord>;
  /** The resident's summary is on screen in this language. */
  summaryShown: (lang: LanguageCode) => void;
  /** Ends the conversation from the summary (the quick check: erase and count); else absent. */
  close?: (() => void) | undefined;
}

/** The personal check record `id`, through the checks repository (encrypted, with its outbox). */
export function recordCheckFlow(id: string): CheckFlow {
  return {
    anonymous: false,
    topicHref: (topic) => paths.checkTopic.href(id, topic),
    outcomeHref: () => paths.checkOutcome.href(id),
    summaryHref: () => paths.checkSummary.href(id),
    checklistHref: (regelingen, taal) => paths.checklist.href(regelingen, taal),
    exitHref: () => paths.checks.href(),
    scheduleAnswer: (questionId, change) => scheduleAnswer(id, questionId, change),
    cancelPendingAnswer: (questionId) => cancelPendingAnswer(id, questionId),
    flush: () => flushPendingAnswers(),
    setLastTopic: (topic) => setLastTopic(id, topic),
    complete: (computed, followUp) => completeCheck(id, computed, followUp),
    reopen: () => reopenCheck(id),
    recordOutcome: (computed) => recordOutcome(id, computed),
    recordTakeUp: (regelingId, entry) => recordTakeUp(id, regelingId, entry),
    summaryShown: () => undefined,
  };
}

export const CheckFlowContext = createContext<CheckFlow | null>(null);

/** The flow the screens of check `checkId` use: the provider's, or that record's. */
export function useCheckFlow(checkId: string): CheckFlow {
  const provided = useContext(CheckFlowContext);
  return useMemo(() => provided ?? recordCheckFlow(checkId), [provided, checkId]);
}
