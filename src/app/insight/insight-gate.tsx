import { useTranslation } from 'react-i18next';
import { CoordinatorGate } from '../session/coordinator-gate';
import { InsightPage } from './insight-page';

/** The figures are for coordinators (and beheerders): counts only, so no PIN vault. */
export function InsightGate() {
  const { t } = useTranslation();
  return (
    <CoordinatorGate title={t('insight.title')} refusal={t('insight.onlyCoordinator')}>
      <InsightPage />
    </CoordinatorGate>
  );
}
