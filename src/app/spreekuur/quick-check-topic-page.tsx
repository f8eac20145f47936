import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { topicIdSchema } from '../../domain/check/question-schema';
import { NotFound } from '../components/not-found';
import { TopicEditor } from '../check/topic-editor';
import { useQuickCheck } from './quick-check-context';
import { QuickCheckStartPage } from './quick-check-start-page';
import '../check/check.css';

/** One topic of the quick check: the same screen as a recorded check, over memory. */
export function QuickCheckTopicPage() {
  const { t } = useTranslation();
  const { topic } = useParams();
  const { session } = useQuickCheck();
  const topicId = topicIdSchema.safeParse(topic);
  if (!topicId.success) return <NotFound message={t('checkUi.load.not-found')} />;
  // Nothing in memory (a reload, a deep link, after leaving): a new conversation starts here.
  if (!session) return <QuickCheckStartPage />;
  return <TopicEditor key={session.check.id} check={session.check} topic={topicId.data} />;
}
