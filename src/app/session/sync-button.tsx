import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../data/sync/use-sync-status';
import { paths } from '../paths';
import { useSession } from './use-session';

/** The header's sync state: pending changes and when the device last reached the server. */
export function SyncBadge() {
  const { t } = useTranslation();
  const session = useSession();
  const status = useSyncStatus();
  if (!session) {
    return (
      <Link className="status-pill status-link" to={paths.login.href()}>
        {t('session.login')}
      </Link>
    );
  }
  const attention = status.pending + status.conflicts + status.rejected > 0 || status.lastErrorCode;
  return (
    <Link
      className={`status-pill status-link ${attention ? 'status-attention' : ''}`}
      to={paths.account.href()}
      data-testid="sync-badge"
    >
      {status.running
        ? t('sync.running')
        : status.pending > 0
          ? t('sync.pending', { count: status.pending })
          : status.lastErrorCode
            ? t('sync.notSynced')
            : t('sync.upToDate')}
    </Link>
  );
}
