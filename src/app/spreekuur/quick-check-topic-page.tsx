import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { topicIdSchema } from '../../domain/check/question-schema';
import { NotFound } from '../components/not-found';
import { TopicEditor } from '../check/topic-editor';
import { paths } from '../paths';
import { useQuickCheck } from './quick-check-context';
import '../check/check.css';

/** One topic of the quick check: the same screen as a recorded check, over memory. */
export function QuickCheckTopicPage() {
  const { t } = useTranslation();
  const { topic } = useParams();
  const { session } = useQuickCheck();
  const topicId = topicIdSchema.safeParse(topic);
  if (!topicId.success) return <NotFound message={t('checkUi.load.not-found')} />;
  // Nothing in memory (a reload, a deep link): a new conversation starts at the start screen.
  if (!session) return <Navigate to={paths.quickCheck.href()} replace />;
  return <TopicEditor key={session.check.id} check={session.check} topic={topicId.data} />;
}
