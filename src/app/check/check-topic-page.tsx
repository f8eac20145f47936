import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { topicIdSchema } from '../../domain/check/question-schema';
import { NotFound } from '../components/not-found';
import { CheckLoadNotice } from './check-load-notice';
import { LifeEventNotice } from './life-event-notice';
import { TopicEditor } from './topic-editor';
import { useCheck } from './use-check';
import './check.css';

export function CheckTopicPage() {
  const { t } = useTranslation();
  const { id, topic } = useParams();
  const { load } = useCheck(id);
  const topicId = topicIdSchema.safeParse(topic);
  if (!topicId.success) return <NotFound message={t('checkUi.load.not-found')} />;
  if (load.status !== 'ready') return <CheckLoadNotice load={load} />;
  const lifeEvent = load.check.data.lifeEvent;
  // Keyed by check, not by topic: moving between topics keeps the answers being edited.
  return (
    <>
      {lifeEvent && <LifeEventNotice lifeEvent={lifeEvent} topic={topicId.data} />}
      <TopicEditor key={load.check.id} check={load.check} topic={topicId.data} />
    </>
  );
}
