import { useTranslation } from 'react-i18next';
import type { WipedOutcome } from './use-vault';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';

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
      <Heading level={1} id="wiped-title">
        {t('lock.wipedTitle')}
      </Heading>
      <Paragraph>{t('lock.wipedWhy')}</Paragraph>
      <Paragraph>
        <strong>{what}</strong>
      </Paragraph>
      <Paragraph>{t('lock.wipedNext')}</Paragraph>
      <Button onClick={onContinue}>{t('lock.wipedContinue')}</Button>
    </section>
  );
}
