import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { visibleQuestions } from '../../domain/check/skip-logic';
import { TOPICS } from '../../domain/check/questions';
import { variantForRole, type CheckRecord } from '../../data/repositories/checks';
import { checkFromQuickCheck } from '../../data/repositories/check-start';
import { newId } from '../../data/ids';
import { log } from '../../data/log';
import { queueTally } from '../../data/spreekuur/tallies';
import { syncNow } from '../../data/sync/sync-runner';
import { CheckFlowContext } from '../check/check-flow';
import { Notice } from '../components/notice';
import { paths } from '../paths';
import { useSession } from '../session/use-session';
import { memoryCheck, memoryCheckFlow } from './memory-check';
import {
  QuickCheckContext,
  type QuickCheckApi,
  type QuickCheckSession,
} from './quick-check-context';
import { tallyOf } from './quick-check-finish';

async function countOnce(session: QuickCheckSession): Promise<void> {
  try {
    await queueTally(await tallyOf(session));
    // Sent with the next sync; now if the server can be reached.
    void syncNow();
  } catch (e) {
    log.warn('spreekuur.tally-failed', { error: e instanceof Error ? e.name : 'unknown' });
  }
}

/**
 * Holds one anonymous quick check in this component's memory and nowhere else: leaving the
 * quick check's screens (another page, the lock screen, a reload) unmounts it and the answers
 * are gone. Closing counts it once (a tally with ids only) and erases it; a completed check left
 * without closing is counted as it unmounts; a converted one is not counted here, because from
 * then on it is a normal check record, which the figures count.
 */
export function QuickCheckLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession()?.user;
  const [session, setSession] = useState<QuickCheckSession | null>(null);
  const current = useRef<QuickCheckSession | null>(null);
  // Set as soon as a conversation was counted or handed over, so it is never counted twice.
  const settled = useRef(false);

  const update = useCallback((next: QuickCheckSession | null) => {
    current.current = next;
    setSession(next);
  }, []);

  useEffect(
    () => () => {
      const left = current.current;
      current.current = null;
      if (left && !settled.current && left.check.status === 'afgerond') void countOnce(left);
    },
    [],
  );

  const flow = useMemo(
    () =>
      session === null
        ? null
        : memoryCheckFlow({
            get: () => {
              const s = current.current;
              if (!s) throw new Error('The quick check was closed.');
              return s.check;
            },
            set: (check: CheckRecord) => {
              const s = current.current;
              if (s) update({ ...s, check });
            },
            summaryShown: (lang) => {
              const s = current.current;
              if (s && s.summaryLanguage !== lang) update({ ...s, summaryLanguage: lang });
            },
            close: () => void api.close(),
          }),
    // One flow per conversation: the screens keep their place while answers change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session?.check.id],
  );

  const api: QuickCheckApi = {
    session,
    flow,
    begin: ({ wijk, start }) => {
      const check = memoryCheck(newId(), variantForRole(user?.role), wijk, start?.answers ?? {});
      settled.current = false;
      update({
        check,
        topics: start?.topics ?? [],
        lifeEvent: start?.lifeEvent,
        summaryLanguage: 'none',
      });
      const answers = check.data.answers;
      const first =
        start?.topics?.find((topic) => visibleQuestions(answers, topic).length > 0) ??
        TOPICS.find((topic) => visibleQuestions(answers, topic.id).length > 0)?.id;
      return first ?? 'inkomen';
    },
    close: async () => {
      const s = current.current;
      if (s && !settled.current) {
        settled.current = true;
        await countOnce(s);
      }
      // Away first: the screens would otherwise see no conversation and go to the start.
      await navigate(paths.spreekuur.href());
      update(null);
    },
    convert: async () => {
      const s = current.current;
      if (!s) throw new Error('No quick check to convert.');
      const { check } = s;
      const id = await checkFromQuickCheck({
        variant: check.data.answers.variant,
        wijk: check.wijk,
        answers: check.data.answers.answers,
        completed:
          check.status === 'afgerond'
            ? {
                completedAt: check.data.completedAt,
                computedWith: check.data.computedWith,
                suggested: check.data.suggested,
                doelgroepen: check.data.doelgroepen,
                takeUp: check.data.takeUp,
              }
            : undefined,
      });
      settled.current = true;
      return id;
    },
  };

  return (
    <QuickCheckContext value={api}>
      <Notice
        type="warning"
        className="quick-check-notice no-print"
        data-testid="quick-check-notice"
      >
        {t('spreekuur.quick.notSaved')}
      </Notice>
      {flow ? (
        <CheckFlowContext value={flow}>
          <Outlet />
        </CheckFlowContext>
      ) : (
        <Outlet />
      )}
    </QuickCheckContext>
  );
}
