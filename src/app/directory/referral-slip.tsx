import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TextFact } from '../../domain/catalogue/schema';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { PrintLanguagePicker, usePrintLanguage } from '../components/print-language';
import { useLanguageTexts } from '../i18n/use-language-texts';
import { formatters } from '../i18n/format';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { useCatalogue } from '../use-catalogue';
import { useSession } from '../session/use-session';
import { NotFound } from '../components/not-found';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

type SlipField = 'address' | 'hours' | 'walkIn' | 'phone' | 'contact';
const FIELDS: readonly SlipField[] = ['address', 'hours', 'walkIn', 'phone', 'contact'];

/**
 * The slip a resident takes to a place: where it is, when it is open, what to bring and who sent
 * her. It names the worker who refers (their own choice to be on it) and nothing about the
 * resident or anyone else. Its language is chosen apart from the app's, like the check summary.
 */
export function ReferralSlipPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { catalogue } = useCatalogue();
  const session = useSession();
  const [chosen, setChosen] = usePrintLanguage();
  const loaded = useLanguageTexts(chosen);
  const translated =
    loaded && i18n.getResource(chosen, 'translation', 'directory.slip.title') !== undefined;
  const lang: LanguageCode = translated ? chosen : 'nl';
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
  const st = i18n.getFixedT(lang);
  const format = formatters(lang);
  const { overlay, ready } = useCatalogueOverlay(lang);
  const organisation = catalogue.organisations.find((o) => o.id === id);
  const entry = organisation?.directory;
  if (!organisation || !entry) return <NotFound message={t('directory.slip.notFound')} />;
  if (!loaded || !ready) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  // Facts are Dutch as the source states them; marked so a reader's screen reader says them so.
  const dutch = lang === 'nl' ? {} : ({ lang: 'nl', dir: 'ltr' } as const);
  const fact = (f: TextFact) =>
    'value' in f ? <span {...dutch}>{f.value}</span> : st('directory.slip.unknown');
  const summary = overlay?.organisations[organisation.id]?.summary ?? organisation.summary;
  const worker = session?.user;

  return (
    <div className="referral-slip-page">
      <div className="summary-tools no-print">
        <PrintLanguagePicker
          id="slip-language"
          label={t('directory.slip.language')}
          value={chosen}
          onChange={setChosen}
        />
        {loaded && !translated && (
          <Notice type="warning">{t('directory.slip.notTranslated')}</Notice>
        )}
        <Paragraph className="muted small">{t('directory.slip.privacy')}</Paragraph>
        <Button onClick={() => window.print()}>{t('directory.slip.print')}</Button>
      </div>
      <article className="referral-slip" lang={lang} dir={dir} data-testid="referral-slip">
        <Heading level={1}>{st('directory.slip.title')}</Heading>
        <Paragraph className="muted">
          {st('directory.slip.date', { date: format.date(new Date().toISOString()) })}
        </Paragraph>
        <Heading level={2}>
          <bdi {...dutch}>{organisation.name}</bdi>
        </Heading>
        {entry.status.value === 'in-ontwikkeling' && (
          <Notice type="warning">{st('directory.status.in-ontwikkeling')}</Notice>
        )}
        <Paragraph {...(overlay?.organisations[organisation.id] || lang === 'nl' ? {} : dutch)}>
          {summary}
        </Paragraph>
        <dl className="place-facts">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt>{st(`directory.field.${field}`)}</dt>
              <dd>{fact(entry[field])}</dd>
            </div>
          ))}
        </dl>
        <Heading level={3}>{st('directory.slip.bring')}</Heading>
        {entry.whatToBring.length > 0 ? (
          <ul {...dutch}>
            {entry.whatToBring.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <Paragraph>{st('directory.slip.bringUnknown')}</Paragraph>
        )}
        {worker && (
          <Paragraph>
            {st('directory.slip.referredBy', {
              name: worker.name,
              role: st(`role.${worker.role}`),
            })}
          </Paragraph>
        )}
        <Paragraph className="muted small">
          {st('directory.checkedOn', { date: format.date(entry.checkedOn) })}
        </Paragraph>
      </article>
    </div>
  );
}
