import { useTranslation } from 'react-i18next';
import { CoordinatorGate } from '../session/coordinator-gate';
import { CampaignsPage } from './campaigns-page';

/** Door-to-door campaigns: coordinators and beheerders; online, nothing kept on the device. */
export function CampaignsGate() {
  const { t } = useTranslation();
  return (
    <CoordinatorGate
      title={t('admin.campaign.title')}
      refusal={t('admin.campaign.onlyCoordinator')}
    >
      <CampaignsPage />
    </CoordinatorGate>
  );
}
