import { useTranslation } from 'react-i18next';

/**
 * What a signals screen shows before it can work: a quiet "loading" while the session loads,
 * and without a session that signals need a signed-in worker.
 */
export function SignalSetupPending({ setup }: { setup: null | undefined }) {
  const { t } = useTranslation();
  if (setup === undefined) {
    return (
      <p role="status" className="muted">
        {t('signals.loading')}
      </p>
    );
  }
  return <p className="notice">{t('signals.needRole')}</p>;
}
