import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { countOverdueSignals } from '../../data/repositories/signal-list';
import { paths } from '../paths';
import { useSignalSetup } from './use-signal-context';
import './signals.css';
import { AppLink } from '../components/app-link';
import { ButtonLink } from '../components/button';
import { Heading, Paragraph } from '../components/typography';

/** On the start page: a way in to the signals and, when there are any, how many are overdue. */
export function SignalsStartCard() {
  const { t } = useTranslation();
  const setup = useSignalSetup();
  const worker = setup?.worker;
  const overdue = useLiveQuery(async () => {
    if (!worker) return 0;
    await db().signals.count();
    return countOverdueSignals(worker);
  }, [worker]);
  if (!setup) return null;
  return (
    <section aria-labelledby="signals-start-title" className="notice">
      <Heading level={2} id="signals-start-title">
        {t('signals.startCard')}
      </Heading>
      <Paragraph>{t('signals.startCardHint')}</Paragraph>
      <Paragraph className="signal-actions">
        <ButtonLink to={paths.newSignal.href()}>{t('signals.newButton')}</ButtonLink>
        <ButtonLink purpose="secondary" to={paths.signals.href()}>
          {t('signals.mine')}
        </ButtonLink>
      </Paragraph>
      {overdue !== undefined && overdue > 0 && (
        <Paragraph>
          <AppLink to={paths.signals.href({ telaat: '1' })}>
            <span className="badge-overdue">{t('signals.overdueCount', { count: overdue })}</span>
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}
