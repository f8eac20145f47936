import { ResidentSummary } from '../check/resident-summary';
import { useQuickCheck } from './quick-check-context';
import { QuickCheckStartPage } from './quick-check-start-page';
import '../check/check.css';

/** The resident's summary of the quick check, printable in her language; closing erases it. */
export function QuickCheckSummaryPage() {
  const { session } = useQuickCheck();
  if (!session) return <QuickCheckStartPage />;
  return <ResidentSummary check={session.check} />;
}
