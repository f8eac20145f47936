import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import type { CheckLoad } from './use-check';

/** What a check page shows while its record is not ready: loading, locked, gone or unreadable. */
export function CheckLoadNotice({ load }: { load: Exclude<CheckLoad, { status: 'ready' }> }) {
  const { t } = useTranslation();
  if (load.status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('app.loading')}
      </p>
    );
  }
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t(`checkUi.load.${load.status}`)}</p>
      <p>
        <Link to={paths.checks.href()}>{t('checkUi.list.back')}</Link>
      </p>
    </div>
  );
}
