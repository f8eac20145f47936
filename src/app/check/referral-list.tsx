import { useTranslation } from 'react-i18next';
import type { ReferralSuggestion } from '../../domain/check/summarise';
import type { Regeling } from '../../domain/catalogue/schema';
import { newSignalHref, signalCategoryFor } from './check-model';
import { ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { proposePlaces } from '../../domain/directory/dichtbij';
import { REFERRAL_TOPICS } from '../../domain/directory/referral-topics';
import { useCatalogue } from '../use-catalogue';
import { PlaceList } from '../directory/place-card';

/**
 * Partners to refer to, each with a one-tap "Maak signaal" that opens the signal form with the
 * category and wijk filled in, and the places from the sociale kaart that help with it, nearest to
 * the resident's wijk first. The signal asks its own consent; nothing of the check is copied.
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
  /** The check a signal would link to; none for the anonymous quick check (no signal from it). */
  checkId: string | undefined;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const placesFor = (id: ReferralSuggestion['id']) =>
    proposePlaces(catalogue.organisations, catalogue.wijken, wijk, REFERRAL_TOPICS[id]);
  return (
    <>
      {!wijk && referrals.length > 0 && (
        <Paragraph className="muted">{t('directory.noWijk')}</Paragraph>
      )}
      {referrals.length === 0 ? (
        <Paragraph>{t('checkUi.referrals.none')}</Paragraph>
      ) : (
        <ul className="card-list referrals">
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
                {checkId !== undefined && (
                  <ButtonLink to={newSignalHref(signalCategoryFor(r.id), wijk, checkId)}>
                    {t('checkUi.referrals.makeSignal', { name })}
                  </ButtonLink>
                )}
                <Heading level={4}>{t('directory.placesTitle')}</Heading>
                <PlaceList places={placesFor(r.id)} headingLevel={4} first={2} />
              </li>
            );
          })}
        </ul>
      )}
      <Notice className="handover">
        <Heading level={3}>{t('checkUi.handover.title')}</Heading>
        <Paragraph>{t('checkUi.handover.text')}</Paragraph>
        {checkId !== undefined && (
          <ButtonLink purpose="secondary" to={newSignalHref('geldzorgen-schulden', wijk, checkId)}>
            {t('checkUi.handover.action')}
          </ButtonLink>
        )}
      </Notice>
    </>
  );
}
