import { Navigate, useParams } from 'react-router';
import { paths } from '../paths';
import { CheckLoadNotice } from './check-load-notice';
import { visibleTopics } from './check-model';
import { useCheck } from './use-check';

/** Opens a check where the worker left it: the last topic, or the first for a new one. */
export function CheckResumePage() {
  const { id } = useParams();
  const { load } = useCheck(id);
  if (load.status !== 'ready') return <CheckLoadNotice load={load} />;
  const { check } = load;
  if (check.status === 'afgerond')
    return <Navigate to={paths.checkOutcome.href(check.id)} replace />;
  const topic = check.data.lastTopic ?? visibleTopics(check.data.answers)[0]?.id ?? 'inkomen';
  return <Navigate to={paths.checkTopic.href(check.id, topic)} replace />;
}
