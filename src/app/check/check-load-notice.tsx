import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import type { CheckLoad } from './use-check';
import { AppLink } from '../components/app-link';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';

/** What a check page shows while its record is not ready: loading, locked, gone or unreadable. */
export function CheckLoadNotice({ load }: { load: Exclude<CheckLoad, { status: 'ready' }> }) {
  const { t } = useTranslation();
  if (load.status === 'loading') {
    return (
      <Paragraph role="status" className="muted">
        {t('app.loading')}
      </Paragraph>
    );
  }
  return (
    <Notice type="warning" role="alert">
      <Paragraph>{t(`checkUi.load.${load.status}`)}</Paragraph>
      <Paragraph>
        <AppLink to={paths.checks.href()}>{t('checkUi.list.back')}</AppLink>
      </Paragraph>
    </Notice>
  );
}
