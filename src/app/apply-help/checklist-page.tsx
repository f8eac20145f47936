import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PrintLanguagePicker, usePrintLanguage } from '../components/print-language';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';
import type { LanguageCode } from '../i18n/i18n';
import { useLanguageTexts } from '../i18n/use-language-texts';
import { DirArrow } from '../components/dir-arrow';
import { ApplicationChecklist } from './application-checklist';
import '../check/check.css';

/**
 * `/checklist?regeling=…&taal=…`: the printable checklist for one or more regelingen, in a language
 * chosen apart from the app's. The address holds only regeling ids and a language, nothing about
 * the resident, so the normal check and the anonymous quick check both link here.
 */
export function ChecklistPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ids = params.getAll('regeling').filter((id) => /^[a-z0-9-]{1,64}$/.test(id));
  const [chosen, setChosen] = usePrintLanguage();
  const loaded = useLanguageTexts(chosen);
  // Until a language's checklist texts are in, it prints in Dutch rather than half in two.
  const translated =
    loaded && i18n.getResource(chosen, 'translation', 'applyHelp.print.title') !== undefined;
  const lang: LanguageCode = translated ? chosen : 'nl';
  if (!loaded) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <div className="resident-summary-page">
      <div className="summary-tools no-print">
        <Paragraph>
          <Button purpose="secondary" onClick={() => void navigate(-1)}>
            <DirArrow to="back" /> {t('applyHelp.print.back')}
          </Button>
        </Paragraph>
        <PrintLanguagePicker
          id="checklist-language"
          label={t('applyHelp.print.language')}
          value={chosen}
          onChange={(next) => setChosen(next)}
        />
        {!translated && <Notice type="warning">{t('applyHelp.print.notTranslated')}</Notice>}
        <Paragraph className="muted small">{t('applyHelp.print.privacy')}</Paragraph>
        <Button onClick={() => window.print()}>{t('applyHelp.print.print')}</Button>
      </div>
      <ApplicationChecklist regelingIds={ids} language={lang} />
    </div>
  );
}
