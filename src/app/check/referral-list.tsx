import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralSuggestion } from '../../domain/check/summarise';
import type { Regeling } from '../../domain/catalogue/schema';
import { newSignalHref, signalCategoryFor } from './check-model';

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
        <p>{t('checkUi.referrals.none')}</p>
      ) : (
        <ul className="card-list">
          {referrals.map((r) => {
            const regeling = findRegeling(r.id);
            const name = regeling?.name ?? t(`checkUi.referrals.names.${r.id}`);
            return (
              <li key={r.id} className="card referral">
                <h3 className="card-title">{name}</h3>
                <ul className="small">
                  {r.reasons.map((reason) => (
                    <li key={reason.text}>
                      {t(reason.key, { ...reason.params, defaultValue: reason.text })}
                    </li>
                  ))}
                </ul>
                {regeling?.accessPoint && <p className="muted small">{regeling.accessPoint}</p>}
                <Link className="button" to={newSignalHref(signalCategoryFor(r.id), wijk, checkId)}>
                  {t('checkUi.referrals.makeSignal', { name })}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <div className="notice handover">
        <h3>{t('checkUi.handover.title')}</h3>
        <p>{t('checkUi.handover.text')}</p>
        <Link
          className="button button-secondary"
          to={newSignalHref('geldzorgen-schulden', wijk, checkId)}
        >
          {t('checkUi.handover.action')}
        </Link>
      </div>
    </>
  );
}
