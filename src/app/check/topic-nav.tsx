import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CheckAnswers } from '../../domain/check/answers-schema';
import type { TopicId } from '../../domain/check/question-schema';
import type { CheckFlow } from './check-flow';
import { topicProgress, visibleTopics } from './check-model';

/** Every topic, in any order: the resident leads the conversation, the list shows what is left. */
export function TopicNav({
  flow,
  answers,
  current,
}: {
  flow: CheckFlow;
  answers: CheckAnswers;
  current: TopicId | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav className="topic-nav" aria-label={t('checkUi.topics.nav')}>
      <ol>
        {visibleTopics(answers).map((topic) => {
          const { touched, total } = topicProgress(answers, topic.id);
          const done = touched === total;
          return (
            <li key={topic.id}>
              <NavLink
                to={flow.topicHref(topic.id)}
                className={`topic-link fundament-${topic.id}${done ? ' topic-done' : ''}`}
                aria-current={topic.id === current ? 'page' : undefined}
              >
                <span className="topic-title">{t(topic.titleKey)}</span>
                <span className="topic-progress">
                  {done ? '✓ ' : ''}
                  {t('checkUi.topics.progress', { touched, total })}
                </span>
              </NavLink>
            </li>
          );
        })}
        <li>
          <NavLink to={flow.outcomeHref()} className="topic-link topic-outcome">
            <span className="topic-title">{t('checkUi.outcome.navTitle')}</span>
          </NavLink>
        </li>
      </ol>
    </nav>
  );
}
