import { useTranslation } from 'react-i18next';
import { CoordinatorGate } from '../session/coordinator-gate';
import { VroegImportPage } from './vroeg-import-page';

/**
 * Importing creditors' arrears reports is for coordinators and beheerders. The page only
 * uploads and shows the server's report: nothing is kept on the device, so no PIN vault.
 */
export function VroegImportGate() {
  const { t } = useTranslation();
  return (
    <CoordinatorGate title={t('admin.vroeg.title')} refusal={t('admin.vroeg.onlyCoordinator')}>
      <VroegImportPage />
    </CoordinatorGate>
  );
}
