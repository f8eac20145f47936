import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { formatters } from '../i18n/format';
import { FINAL_STEP_STATUSES, type PlanState } from '../../domain/toekomst/plan';
import { offerById } from '../../domain/toekomst/offers';
import { localiseOffer, type OfferTexts } from '../../domain/toekomst/offer-texts';
import type { Intake } from '../../domain/toekomst/toekomst-schema';
import { Heading, Paragraph } from '../components/typography';

/**
 * The printed part of the resident's plan, in her language (chosen apart from the app's: the
 * toekomstmakelaar and the resident need not read the same one). Its texts come from that
 * language only, so nothing Dutch is left in an English or Arabic plan but names of places.
 */
export function PlanSheet({
  plan,
  intake,
  lang,
  offerTexts,
  organisationName,
}: {
  plan: PlanState;
  intake: Intake | null;
  lang: LanguageCode;
  /** The offers' texts in `lang`; undefined for Dutch. */
  offerTexts: OfferTexts | undefined;
  organisationName: (id: string) => string;
}) {
  const { i18n } = useTranslation();
  const st = i18n.getFixedT(lang);
  const format = formatters(lang);
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
  return (
    <section className="toekomst-plan-sheet" lang={lang} dir={dir} data-testid="plan-sheet">
      <Heading level={1}>{st('toekomst.plan.printTitle')}</Heading>
      {intake && (
        <Paragraph>
          {st('toekomst.plan.myWish')}:{' '}
          {intake.wishes.map((w) => st(`toekomst.wish.${w}`)).join(', ')}
        </Paragraph>
      )}
      {plan.steps.length === 0 ? (
        <Paragraph>{st('toekomst.plan.empty')}</Paragraph>
      ) : (
        <ol>
          {plan.steps.map((s) => {
            const offer = offerById(s.offerId);
            const text = offer ? localiseOffer(offer, offerTexts) : null;
            const where = offer?.organisations.map(organisationName).join(', ');
            return (
              <li key={s.id}>
                <Heading level={2}>{text?.name ?? s.offerId}</Heading>
                {text && <Paragraph>{text.summary}</Paragraph>}
                {where && (
                  <Paragraph>
                    {st('toekomst.plan.where')}: {where}
                  </Paragraph>
                )}
                <Paragraph>
                  {st('toekomst.plan.now')}: {st(`toekomst.step.${s.status}`)}
                  {s.dueAt && !FINAL_STEP_STATUSES.includes(s.status) && (
                    <> · {st('toekomst.plan.due', { date: format.date(s.dueAt) })}</>
                  )}
                </Paragraph>
              </li>
            );
          })}
        </ol>
      )}
      <Paragraph className="muted small">{st('toekomst.plan.contactLine')}</Paragraph>
    </section>
  );
}
