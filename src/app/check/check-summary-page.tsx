import { useParams } from 'react-router';
import { CheckLoadNotice } from './check-load-notice';
import { ResidentSummary } from './resident-summary';
import { useCheck } from './use-check';
import './check.css';

export function CheckSummaryPage() {
  const { id } = useParams();
  const { load } = useCheck(id);
  if (load.status !== 'ready') return <CheckLoadNotice load={load} />;
  return <ResidentSummary check={load.check} />;
}
