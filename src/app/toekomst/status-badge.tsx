import { useTranslation } from 'react-i18next';
import type { ToekomstStatus } from '../../domain/toekomst/trajectory';

/**
 * The trajectory's status in words. A referrer reads "Opgepakt" as soon as a toekomstmakelaar
 * took the referral up, whatever step the plan is at: that is all she needs to know.
 */
export function StatusBadge({ status }: { status: ToekomstStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`toekomst.status.${status}`)}
    </span>
  );
}
