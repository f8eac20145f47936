import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';

/**
 * What a signals screen shows before it can work: a quiet "loading" while the session loads,
 * and without a session that signals need a signed-in worker.
 */
export function SignalSetupPending({ setup }: { setup: null | undefined }) {
  const { t } = useTranslation();
  if (setup === undefined) {
    return (
      <Paragraph role="status" className="muted">
        {t('signals.loading')}
      </Paragraph>
    );
  }
  return <Notice>{t('signals.needRole')}</Notice>;
}
