import type { LifeEventId } from '../../domain/life-events/schema';
import { createContext, useContext } from 'react';
import type { TopicId } from '../../domain/check/question-schema';
import type { QuickCheckStart } from '../../domain/spreekuur/quick-check-start';
import type { SummaryLanguage } from '../../domain/spreekuur/tally';
import type { CheckRecord } from '../../data/repositories/checks';
import type { CheckFlow } from '../check/check-flow';

/** One anonymous conversation, in memory only (see quick-check-layout.tsx). */
export interface QuickCheckSession {
  check: CheckRecord;
  /** The topics the caller asked to go through (a life event), first first. */
  topics: TopicId[];
  lifeEvent: LifeEventId | undefined;
  summaryLanguage: SummaryLanguage;
}

export interface QuickCheckApi {
  session: QuickCheckSession | null;
  flow: CheckFlow | null;
  /** Starts a conversation; returns the topic to open. */
  begin: (options: { wijk: string | undefined; start: QuickCheckStart | undefined }) => TopicId;
  /** Ends it: the tally is queued, the answers are erased, the overview opens. */
  close: () => Promise<void>;
  /** The resident consented to follow-up: a normal check record from now on; no tally. */
  convert: () => Promise<string>;
}

export const QuickCheckContext = createContext<QuickCheckApi | null>(null);

export function useQuickCheck(): QuickCheckApi {
  const api = useContext(QuickCheckContext);
  if (!api) throw new Error('useQuickCheck outside the quick check');
  return api;
}
