import { useTranslation } from 'react-i18next';
import type { WipedOutcome } from './use-vault';

/** After a 10-strike wipe: says plainly what was erased and whether anything was lost. */
export function WipeNotice({ wiped, onContinue }: { wiped: WipedOutcome; onContinue: () => void }) {
  const { t } = useTranslation();
  let what: string;
  switch (wiped.push) {
    case 'pushed':
      what = t('lock.wipedPushed');
      break;
    case 'nothing-to-push':
      what = t('lock.wipedNothingToPush');
      break;
    case 'offline':
      what = t('lock.wipedOffline', { count: wiped.lostChanges });
      break;
    case 'failed':
    case 'no-sync':
      what = t('lock.wipedFailed', { count: wiped.lostChanges });
      break;
  }
  return (
    <section className="vault-screen" role="alert" aria-labelledby="wiped-title">
      <h1 id="wiped-title">{t('lock.wipedTitle')}</h1>
      <p>{t('lock.wipedWhy')}</p>
      <p>
        <strong>{what}</strong>
      </p>
      <p>{t('lock.wipedNext')}</p>
      <button type="button" className="button" onClick={onContinue}>
        {t('lock.wipedContinue')}
      </button>
    </section>
  );
}
