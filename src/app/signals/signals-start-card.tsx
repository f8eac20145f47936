import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { countOverdueSignals } from '../../data/repositories/signals';
import { paths } from '../paths';
import { useSignalSetup } from './use-signal-context';
import './signals.css';

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
      <h2 id="signals-start-title">{t('signals.startCard')}</h2>
      <p>{t('signals.startCardHint')}</p>
      <p className="signal-actions">
        <Link className="button" to={paths.newSignal.href()}>
          {t('signals.newButton')}
        </Link>
        <Link className="button button-secondary" to={paths.signals.href()}>
          {t('signals.mine')}
        </Link>
      </p>
      {overdue !== undefined && overdue > 0 && (
        <p>
          <Link to={paths.signals.href({ telaat: '1' })}>
            <span className="badge-overdue">{t('signals.overdueCount', { count: overdue })}</span>
          </Link>
        </p>
      )}
    </section>
  );
}
