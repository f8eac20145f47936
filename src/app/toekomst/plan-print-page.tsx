import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { readTrajectory } from '../../data/repositories/toekomst';
import { offerTextsSchema, type OfferTexts } from '../../domain/toekomst/offer-texts';
import type { LanguageCode } from '../i18n/i18n';
import { PrintLanguagePicker, usePrintLanguage } from '../components/print-language';
import { useLanguageTexts } from '../i18n/use-language-texts';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { PlanSheet } from './plan-sheet';
import './toekomst.css';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';

const offerTextLoaders: Record<Exclude<LanguageCode, 'nl'>, () => Promise<{ default: unknown }>> = {
  en: () => import('../../domain/toekomst/data/offers-en.json'),
  ar: () => import('../../domain/toekomst/data/offers-ar.json'),
};

/** The offers' texts in a language, loaded only when a plan is printed in it; Dutch needs none. */
function useOfferTexts(lang: LanguageCode): { ready: boolean; texts: OfferTexts | undefined } {
  const [state, setState] = useState<{ lang: LanguageCode; texts?: OfferTexts }>();
  useEffect(() => {
    if (lang === 'nl') return;
    let live = true;
    void offerTextLoaders[lang]().then((m) => {
      if (live) setState({ lang, texts: offerTextsSchema.parse(m.default) });
    });
    return () => {
      live = false;
    };
  }, [lang]);
  if (lang === 'nl') return { ready: true, texts: undefined };
  return state?.lang === lang
    ? { ready: true, texts: state.texts }
    : { ready: false, texts: undefined };
}

/**
 * The resident's own plan on one page, to take home, in her language (`?taal=en`): what she
 * wants, her next steps, where to go and by when. No contact details, barriers or notes: only
 * what she needs to act.
 */
export function PlanPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { catalogue } = useCatalogue();
  const [lang, setLang] = usePrintLanguage();
  const textsLoaded = useLanguageTexts(lang);
  const offerTexts = useOfferTexts(lang);
  const trajectory = useLiveQuery(async () => {
    try {
      return (await readTrajectory(id)) ?? null;
    } catch {
      return null;
    }
  }, [id]);
  if (trajectory === undefined)
    return <Paragraph className="muted">{t('toekomst.loading')}</Paragraph>;
  if (trajectory === null) return <Notice>{t('toekomst.notFound')}</Notice>;
  return (
    <article className="toekomst-print">
      <div className="no-print toekomst-print-tools">
        <Paragraph>
          <AppLink to={paths.trajectory.href(id)}>{t('toekomst.plan.back')}</AppLink>
        </Paragraph>
        <PrintLanguagePicker
          id="plan-language"
          label={t('toekomst.plan.language')}
          value={lang}
          onChange={setLang}
        />
        <Button onClick={() => window.print()}>{t('toekomst.plan.printAction')}</Button>
      </div>
      {/* Until the chosen language's texts are in, show nothing rather than half Dutch. */}
      {textsLoaded && offerTexts.ready ? (
        <PlanSheet
          plan={trajectory.plan}
          intake={trajectory.intake}
          lang={lang}
          offerTexts={offerTexts.texts}
          organisationName={(o) => catalogue.organisations.find((x) => x.id === o)?.name ?? o}
        />
      ) : (
        <Paragraph role="status">{t('toekomst.loading')}</Paragraph>
      )}
    </article>
  );
}
