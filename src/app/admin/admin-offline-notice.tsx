import { useTranslation } from 'react-i18next';
import { useOnline } from '../components/online-status';
import { Notice } from '../components/notice';

/** Admin work needs the server; offline is normal, so this informs rather than alarms. */
export function AdminOfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <Notice role="status" data-testid="admin-offline">
      {t('admin.offline')}
    </Notice>
  );
}
