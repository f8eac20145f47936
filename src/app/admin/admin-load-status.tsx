import { useTranslation } from 'react-i18next';
import { adminErrorText } from './admin-error-text';
import type { AdminLoad } from './use-admin-load';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';

/**
 * What every admin screen shows while it has no data: a quiet "loading", or the failure in
 * plain words. Offline shows nothing here; the screen's offline notice says it once.
 */
export function AdminLoadStatus({ state }: { state: AdminLoad<unknown> }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <Paragraph role="status" className="muted">
        {t('app.loading')}
      </Paragraph>
    );
  }
  if (state.status === 'failed') {
    return (
      <Notice type="error" role="alert">
        {adminErrorText(t, state.error)}
      </Notice>
    );
  }
  return null;
}
