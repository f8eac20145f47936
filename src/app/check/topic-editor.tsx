import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CheckAnswers } from '../../domain/check/answers-schema';
import type { Question, TopicId } from '../../domain/check/question-schema';
import { TOPICS } from '../../domain/check/questions';
import { visibleQuestions } from '../../domain/check/skip-logic';
import { LockedError } from '../../data/crypto/errors';
import { StorageFullError } from '../../data/lock/storage';
import { log } from '../../data/log';
import type { CheckRecord } from '../../data/repositories/checks';
import { useCheckFlow, type CheckFlow } from './check-flow';
import type { AnswerChange, ChangeMode } from './answer-change';
import { visibleTopics } from './check-model';
import { QuestionBlock } from './question-block';
import { SaveStatus, type SaveState } from './save-status';
import { TopicNav } from './topic-nav';
import { DirArrow } from '../components/dir-arrow';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

function applyChange(
  answers: CheckAnswers,
  questionId: string,
  change: AnswerChange,
): CheckAnswers {
  const next = Object.fromEntries(
    Object.entries(answers.answers).filter(([id]) => id !== questionId),
  );
  if (change.status !== 'cleared') next[questionId] = change;
  return { ...answers, answers: next };
}

/**
 * One topic of a check on one screen. The answers live here while the worker talks with the
 * resident; every change goes to the repository at once (taps) or after a pause (typing), and
 * what is pending is written on blur, on leaving the topic and when the page is hidden or closed.
 */
export function TopicEditor({ check, topic }: { check: CheckRecord; topic: TopicId }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<CheckAnswers>(check.data.answers);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const inFlight = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const flow = useCheckFlow(check.id);
  const flushQuietly = () => {
    flow.flush().catch(() => undefined);
  };

  useEffect(() => {
    flow.setLastTopic(topic).catch(() => undefined);
    heading.current?.focus();
  }, [flow, topic]);

  useEffect(() => {
    const flushQuietly = () => {
      flow.flush().catch(() => undefined);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushQuietly();
    };
    window.addEventListener('pagehide', flushQuietly);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flushQuietly);
      document.removeEventListener('visibilitychange', onHidden);
      flushQuietly();
    };
  }, [flow]);

  function change(question: Question, next: AnswerChange, mode: ChangeMode) {
    setAnswers((prev) => applyChange(prev, question.id, next));
    let done: Promise<void>;
    try {
      done = flow.scheduleAnswer(question.id, next);
    } catch {
      // The field sends only valid values; a refusal here means nothing was written.
      return;
    }
    inFlight.current += 1;
    setSaveState('saving');
    done.then(
      () => {
        inFlight.current -= 1;
        if (inFlight.current === 0) setSaveState('saved');
      },
      (e: unknown) => {
        inFlight.current -= 1;
        setSaveState(
          e instanceof LockedError ? 'locked' : e instanceof StorageFullError ? 'full' : 'failed',
        );
        log.warn('check.save-failed', { locked: e instanceof LockedError });
      },
    );
    if (mode === 'now') flushQuietly();
  }

  const topics = visibleTopics(answers);
  const index = topics.findIndex((x) => x.id === topic);
  const current = TOPICS.find((x) => x.id === topic);
  const previous = index > 0 ? topics[index - 1] : undefined;
  const next = index >= 0 ? topics[index + 1] : topics[0];
  const questions = visibleQuestions(answers, topic);

  return (
    <div className="check-layout">
      <TopicNav flow={flow} answers={answers} current={topic} />
      <div className="check-topic">
        <Paragraph className="eyebrow">
          {t('checkUi.title')} · {t(`checkUi.variant.${answers.variant}`)}
        </Paragraph>
        <Heading level={1} ref={heading} tabIndex={-1}>
          {current ? t(current.titleKey) : topic}
        </Heading>
        {current && <Paragraph purpose="lead">{t(current.introKey)}</Paragraph>}
        {questions.length === 0 && <Notice>{t('checkUi.topics.empty')}</Notice>}
        {questions.map((q) => (
          <QuestionBlock
            key={q.id}
            question={q}
            entry={answers.answers[q.id]}
            onChange={(c, mode) => change(q, c, mode)}
            onInvalid={() => flow.cancelPendingAnswer(q.id)}
            onFlush={flushQuietly}
          />
        ))}
        {/* The quick check stores nothing: "saved on this device" would not be true. */}
        {!flow.anonymous && <SaveStatus state={saveState} />}
        <div className="check-actions">
          {previous && (
            <ButtonLink purpose="secondary" to={flow.topicHref(previous.id)}>
              <DirArrow to="back" /> {t(previous.titleKey)}
            </ButtonLink>
          )}
          {next ? (
            <ButtonLink to={flow.topicHref(next.id)}>
              {t('checkUi.topics.next', { topic: t(next.titleKey) })} <DirArrow to="forward" />
            </ButtonLink>
          ) : (
            <ButtonLink to={flow.outcomeHref()}>
              {t('checkUi.topics.toOutcome')} <DirArrow to="forward" />
            </ButtonLink>
          )}
          {!flow.anonymous && <PauseButton flow={flow} navigate={navigate} />}
        </div>
      </div>
    </div>
  );
}

function PauseButton({
  flow,
  navigate,
}: {
  flow: CheckFlow;
  navigate: ReturnType<typeof useNavigate>;
}) {
  const { t } = useTranslation();
  return (
    <Button
      purpose="secondary"
      onClick={() => {
        void flow
          .flush()
          .catch(() => undefined)
          .then(() => navigate(flow.exitHref()));
      }}
    >
      {t('checkUi.topics.pause')}
    </Button>
  );
}
