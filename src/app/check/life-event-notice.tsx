import { useTranslation } from 'react-i18next';
import type { TopicId } from '../../domain/check/question-schema';
import { getQuestion } from '../../domain/check/questions';
import { getLifeEvent } from '../../domain/life-events/life-events';
import type { LifeEventId } from '../../domain/life-events/schema';
import { Notice } from '../components/notice';
import { useFormat } from '../i18n/format';

/** On a check begun from a life event: which one, and its questions on this topic to look at. */
export function LifeEventNotice({ lifeEvent, topic }: { lifeEvent: LifeEventId; topic: TopicId }) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const event = getLifeEvent(lifeEvent);
  const here = event.check.questions.flatMap((id) => {
    const q = getQuestion(id);
    return q && q.topic === topic ? [q] : [];
  });
  return (
    <Notice className="life-event-notice" data-testid="check-life-event">
      {t('lifeEvents.fromEvent', { event: event.title[language] })}
      {here.length > 0 && (
        <>
          {' '}
          {t('lifeEvents.focus')} {here.map((q) => t(q.labelKey)).join(' · ')}
        </>
      )}
    </Notice>
  );
}
