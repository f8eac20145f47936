import { useTranslation } from 'react-i18next';
import { adminErrorText } from './admin-error-text';
import type { AdminLoad } from './use-admin-load';

/**
 * What every admin screen shows while it has no data: a quiet "loading", or the failure in
 * plain words. Offline shows nothing here; the screen's offline notice says it once.
 */
export function AdminLoadStatus({ state }: { state: AdminLoad<unknown> }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p role="alert" className="notice notice-error">
        {adminErrorText(t, state.error)}
      </p>
    );
  }
  return null;
}
