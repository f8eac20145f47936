import { Navigate } from 'react-router';
import { ResidentSummary } from '../check/resident-summary';
import { paths } from '../paths';
import { useQuickCheck } from './quick-check-context';
import '../check/check.css';

/** The resident's summary of the quick check, printable in her language; closing erases it. */
export function QuickCheckSummaryPage() {
  const { session } = useQuickCheck();
  if (!session) return <Navigate to={paths.quickCheck.href()} replace />;
  return <ResidentSummary check={session.check} />;
}
