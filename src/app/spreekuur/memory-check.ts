import { emptyCheckAnswers, type CheckAnswers } from '../../domain/check/answers-schema';
import type { CheckVariant } from '../../domain/check/question-schema';
import { takeUpEntrySchema } from '../../domain/insight/take-up';
import {
  checkDataSchema,
  checkedEntry,
  type CheckData,
  type CheckRecord,
  type CheckStatus,
} from '../../data/repositories/checks';
import type { CheckFlow } from '../check/check-flow';
import type { LanguageCode } from '../i18n/i18n';
import { paths } from '../paths';

/**
 * The quick check's record lives in memory only: a CheckRecord-shaped value the check screens
 * can show, changed by the memory flow below and never handed to the repository, the drafts or
 * the outbox. Its id only keys the screens; it is stored nowhere.
 */
export function memoryCheck(
  id: string,
  variant: CheckVariant,
  wijk: string | undefined,
  answers: CheckAnswers['answers'],
): CheckRecord {
  const now = new Date().toISOString();
  return {
    id,
    status: 'open',
    wijk,
    createdAt: now,
    updatedAt: now,
    createdBy: undefined,
    data: { answers: { ...emptyCheckAnswers(variant), answers } },
  };
}

export interface MemoryStore {
  get: () => CheckRecord;
  set: (check: CheckRecord) => void;
  summaryShown: (lang: LanguageCode) => void;
  close: () => void;
}

function change(
  store: MemoryStore,
  next: (check: CheckRecord) => { data: CheckData; status?: CheckStatus },
): CheckRecord {
  const current = store.get();
  const result = next(current);
  const updated: CheckRecord = {
    ...current,
    status: result.status ?? current.status,
    updatedAt: new Date().toISOString(),
    data: checkDataSchema.parse(result.data),
  };
  store.set(updated);
  return updated;
}

/** The check screens' flow over a check in memory: every change is checked, nothing is written. */
export function memoryCheckFlow(store: MemoryStore): CheckFlow {
  const update = (
    next: (check: CheckRecord) => { data: CheckData; status?: CheckStatus },
  ): Promise<CheckRecord> => {
    try {
      return Promise.resolve(change(store, next));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error('invalid'));
    }
  };
  return {
    anonymous: true,
    topicHref: (topic) => paths.quickCheckTopic.href(topic),
    outcomeHref: () => paths.quickCheckOutcome.href(),
    summaryHref: () => paths.quickCheckSummary.href(),
    checklistHref: (regelingen, taal) => paths.quickCheckChecklist.href(regelingen, taal),
    exitHref: () => paths.spreekuur.href(),
    scheduleAnswer: (questionId, entry) => {
      // Checked at once, like the record flow: a refused value throws and changes nothing.
      const checked = entry.status === 'cleared' ? entry : checkedEntry(questionId, entry);
      return update((check) => {
        const answers = Object.fromEntries(
          Object.entries(check.data.answers.answers).filter(([q]) => q !== questionId),
        );
        if (checked.status !== 'cleared') answers[questionId] = checked;
        return { data: { ...check.data, answers: { ...check.data.answers, answers } } };
      }).then(() => undefined);
    },
    cancelPendingAnswer: () => undefined,
    flush: () => Promise.resolve(),
    setLastTopic: (topic) => update((check) => ({ data: { ...check.data, lastTopic: topic } })),
    complete: (computed, followUp) =>
      update((check) => ({
        data: {
          ...check.data,
          ...followUp,
          completedAt: new Date().toISOString(),
          computedWith: computed,
        },
        status: 'afgerond',
      })),
    reopen: () =>
      update((check) => {
        const { completedAt: _done, computedWith: _computed, ...data } = check.data;
        return { data, status: 'open' };
      }),
    recordOutcome: (computed) =>
      update((check) => ({ data: { ...check.data, computedWith: computed } })),
    recordTakeUp: (regelingId, entry) => {
      const parsed = takeUpEntrySchema.parse({ ...entry, recordedAt: new Date().toISOString() });
      return update((check) => ({
        data: { ...check.data, takeUp: { ...check.data.takeUp, [regelingId]: parsed } },
      }));
    },
    summaryShown: store.summaryShown,
    close: store.close,
  };
}
