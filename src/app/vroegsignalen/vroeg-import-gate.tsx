import { useTranslation } from 'react-i18next';
import { CatalogueGate } from '../components/catalogue-gate';
import { Notice } from '../components/notice';
import { Heading } from '../components/typography';
import { RequireSession } from '../session/require-session';
import { useSession } from '../session/use-session';
import { VroegImportPage } from './vroeg-import-page';

/**
 * Importing creditors' arrears reports is for coordinators and beheerders. The page only
 * uploads and shows the server's report: nothing is kept on the device, so no PIN vault. The
 * server checks the role on every request too.
 */
export function VroegImportGate() {
  return (
    <RequireSession>
      <CoordinatorOrBeheerder />
    </RequireSession>
  );
}

function CoordinatorOrBeheerder() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  if (session.user.role !== 'coordinator' && session.user.role !== 'beheerder') {
    return (
      <div className="narrow">
        <Heading level={1}>{t('admin.vroeg.title')}</Heading>
        <Notice role="status">{t('admin.vroeg.onlyCoordinator')}</Notice>
      </div>
    );
  }
  return (
    <CatalogueGate>
      <VroegImportPage />
    </CatalogueGate>
  );
}
