import { useTranslation } from 'react-i18next';
import { CatalogueGate } from '../components/catalogue-gate';
import { Notice } from '../components/notice';
import { RequireSession } from '../session/require-session';
import { useSession } from '../session/use-session';
import { InsightPage } from './insight-page';

/**
 * The figures are for coordinators (and beheerders). Counts only, so no PIN vault; the server
 * checks the role on every request as well.
 */
export function InsightGate() {
  return (
    <RequireSession>
      <CoordinatorOnly />
    </RequireSession>
  );
}

function CoordinatorOnly() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  if (session.user.role !== 'coordinator' && session.user.role !== 'beheerder') {
    return (
      <div className="narrow">
        <h1>{t('insight.title')}</h1>
        <Notice role="status">{t('insight.onlyCoordinator')}</Notice>
      </div>
    );
  }
  return (
    <CatalogueGate>
      <InsightPage />
    </CatalogueGate>
  );
}
