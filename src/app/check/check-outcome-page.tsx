import { useParams } from 'react-router';
import { CheckLoadNotice } from './check-load-notice';
import { OutcomeView } from './outcome-view';
import { useCheck } from './use-check';
import './check.css';

export function CheckOutcomePage() {
  const { id } = useParams();
  const { load, replace } = useCheck(id);
  if (load.status !== 'ready') return <CheckLoadNotice load={load} />;
  return <OutcomeView check={load.check} onChange={replace} />;
}
