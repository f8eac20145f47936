import { useTranslation } from 'react-i18next';
import type { ReferralSuggestion } from '../../domain/check/summarise';
import type { Regeling } from '../../domain/catalogue/schema';
import { newSignalHref, signalCategoryFor } from './check-model';
import { ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * Partners to refer to, each with a one-tap "Maak signaal" that opens the signal form with the
 * category and wijk filled in. The signal asks its own consent; nothing of the check is copied.
 */
export function ReferralList({
  referrals,
  findRegeling,
  wijk,
  checkId,
}: {
  referrals: ReferralSuggestion[];
  /** The regeling in the screen's language (its access point is resident-facing text). */
  findRegeling: (id: string) => Regeling | undefined;
  wijk: string | undefined;
  checkId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {referrals.length === 0 ? (
        <Paragraph>{t('checkUi.referrals.none')}</Paragraph>
      ) : (
        <ul className="card-list">
          {referrals.map((r) => {
            const regeling = findRegeling(r.id);
            const name = regeling?.name ?? t(`checkUi.referrals.names.${r.id}`);
            return (
              <li key={r.id} className="card referral">
                <Heading level={3} className="card-title">
                  {name}
                </Heading>
                <ul className="small">
                  {r.reasons.map((reason) => (
                    <li key={reason.text}>
                      {t(reason.key, { ...reason.params, defaultValue: reason.text })}
                    </li>
                  ))}
                </ul>
                {regeling?.accessPoint && (
                  <Paragraph className="muted small">{regeling.accessPoint}</Paragraph>
                )}
                <ButtonLink to={newSignalHref(signalCategoryFor(r.id), wijk, checkId)}>
                  {t('checkUi.referrals.makeSignal', { name })}
                </ButtonLink>
              </li>
            );
          })}
        </ul>
      )}
      <Notice className="handover">
        <Heading level={3}>{t('checkUi.handover.title')}</Heading>
        <Paragraph>{t('checkUi.handover.text')}</Paragraph>
        <ButtonLink purpose="secondary" to={newSignalHref('geldzorgen-schulden', wijk, checkId)}>
          {t('checkUi.handover.action')}
        </ButtonLink>
      </Notice>
    </>
  );
}
