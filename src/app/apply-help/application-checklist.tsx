import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '../components/typography';
import { formatters } from '../i18n/format';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { CounterFacts } from './counter-facts';
import { useApplicationHelp } from './use-application-help';
import './apply-help.css';

/**
 * The checklist a resident takes home, in her language: per regeling what to bring and the steps,
 * each with a box to tick, and where to go. Nothing about the resident is on it. The texts come
 * from the catalogue's overlay; what exists only in Dutch prints in Dutch, marked as Dutch
 * (`lang="nl"`), on a Dutch checklist, and is named as Dutch-only on an English or Arabic one.
 * The caller has loaded the language's texts (useLanguageTexts).
 */
export function ApplicationChecklist({
  regelingIds,
  language,
}: {
  regelingIds: readonly string[];
  language: LanguageCode;
}) {
  const { i18n } = useTranslation();
  const st = i18n.getFixedT(language);
  const format = formatters(language);
  const dir = LANGUAGES.find((l) => l.code === language)?.dir ?? 'ltr';
  const { ready, helps } = useApplicationHelp(regelingIds, language);
  if (!ready) return <Paragraph role="status">{st('app.loading')}</Paragraph>;
  const nameAttrs = language === 'nl' ? {} : ({ lang: 'nl', dir: 'ltr' } as const);
  return (
    <article className="checklist" lang={language} dir={dir} data-testid="application-checklist">
      <Heading level={1}>{st('applyHelp.print.title')}</Heading>
      <Paragraph className="muted">
        {st('applyHelp.print.date', { date: format.date(new Date().toISOString()) })}
      </Paragraph>
      <Paragraph>{st('applyHelp.print.intro')}</Paragraph>
      {helps.length === 0 && <Paragraph>{st('applyHelp.print.notFound')}</Paragraph>}
      {helps.map((help) => (
        <section key={help.regeling} className="checklist-regeling">
          <Heading level={2}>
            <bdi {...(help.inCatalogue ? nameAttrs : {})}>{help.name}</bdi>
          </Heading>
          {help.nameExplanation && <Paragraph>{help.nameExplanation}</Paragraph>}
          <Heading level={3}>{st('applyHelp.bring')}</Heading>
          {help.documents.length === 0 ? (
            <Paragraph>{st('applyHelp.bringNone')}</Paragraph>
          ) : help.documentsDutch ? (
            <Paragraph>{st('applyHelp.dutchOnly')}</Paragraph>
          ) : (
            <ul className="checklist-items">
              {help.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <Heading level={3}>{st('applyHelp.how')}</Heading>
          {help.stepsDutch ? (
            <Paragraph>{st('applyHelp.dutchOnly')}</Paragraph>
          ) : (
            <ul className="checklist-items">
              {help.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          {help.online && (
            <Paragraph>
              {st('applyHelp.online')}: <bdi dir="ltr">{help.online.url}</bdi>
            </Paragraph>
          )}
          <Heading level={3}>{st('applyHelp.counter')}</Heading>
          <CounterFacts counter={help.counter} language={language} printed />
        </section>
      ))}
    </article>
  );
}
