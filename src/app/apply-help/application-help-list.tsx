import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationHelp } from '../../domain/catalogue/application-help';
import { AppLink, ExternalLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { SourceList } from '../components/source-list';
import { Heading, Paragraph } from '../components/typography';
import { formatters } from '../i18n/format';
import type { LanguageCode } from '../i18n/i18n';
import { paths } from '../paths';
import { CounterFacts } from './counter-facts';
import { useApplicationHelp } from './use-application-help';
import './apply-help.css';

export interface ApplicationHelpListProps {
  regelingIds: readonly string[];
  /** The language of the worker's screen. */
  language: LanguageCode;
  /** Per regeling id: the day (yyyy-mm-dd) it was applied for together at the table. */
  applied: Readonly<Record<string, string | undefined>>;
  /** Records "samen aangevraagd aan tafel"; absent: the button is not offered. */
  onMarkApplied?: (regelingId: string) => Promise<void>;
  headingLevel?: 2 | 3;
  /** Where "checklist" leads; the quick check keeps it inside its own screens. */
  checklistHref?: (regelingen: readonly string[], taal?: string) => string;
}

/**
 * Per suggested regeling, what the resident needs to apply: what to bring, how, online and at
 * which counter (from the catalogue, "unknown" where it is), a printable checklist in her language
 * and, at the table, "samen aangevraagd". Plain props: the check's outcome and the anonymous quick
 * check both use it.
 */
export function ApplicationHelpList({
  regelingIds,
  language,
  applied,
  onMarkApplied,
  headingLevel = 2,
  checklistHref = paths.checklist.href,
}: ApplicationHelpListProps) {
  const { t } = useTranslation();
  const { ready, helps } = useApplicationHelp(regelingIds, language);
  if (!ready) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (helps.length === 0) return null;
  const sub = headingLevel === 2 ? 3 : 4;
  return (
    <section aria-labelledby="apply-help-heading" className="apply-help">
      <Heading level={headingLevel} id="apply-help-heading">
        {t('applyHelp.title')}
      </Heading>
      <Paragraph className="muted">{t('applyHelp.intro')}</Paragraph>
      <ul className="card-list apply-help-list">
        {helps.map((help) => (
          <HelpCard
            key={help.regeling}
            help={help}
            language={language}
            appliedOn={applied[help.regeling]}
            onMarkApplied={onMarkApplied}
            checklistHref={checklistHref}
            level={sub}
          />
        ))}
      </ul>
    </section>
  );
}

function HelpCard({
  help,
  language,
  appliedOn,
  onMarkApplied,
  checklistHref,
  level,
}: {
  help: ApplicationHelp;
  language: LanguageCode;
  appliedOn: string | undefined;
  onMarkApplied: ((id: string) => Promise<void>) | undefined;
  checklistHref: (regelingen: readonly string[], taal?: string) => string;
  level: 3 | 4;
}) {
  const { t } = useTranslation();
  const format = formatters(language);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const dutch = language !== 'nl';

  async function mark() {
    if (!onMarkApplied) return;
    setBusy(true);
    setFailed(false);
    try {
      await onMarkApplied(help.regeling);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card apply-help-card" data-regeling={help.regeling}>
      <Heading level={level} className="card-title">
        <bdi {...(dutch && help.inCatalogue ? { lang: 'nl', dir: 'ltr' } : {})}>{help.name}</bdi>
      </Heading>
      {help.nameExplanation && <Paragraph className="muted">{help.nameExplanation}</Paragraph>}

      <Paragraph className="summary-label">{t('applyHelp.bring')}</Paragraph>
      {help.documents.length === 0 ? (
        <Paragraph>{t('applyHelp.bringNone')}</Paragraph>
      ) : help.documentsDutch ? (
        <Paragraph className="muted">{t('applyHelp.dutchOnly')}</Paragraph>
      ) : (
        <ul>
          {help.documents.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}

      <Paragraph className="summary-label">{t('applyHelp.how')}</Paragraph>
      {help.stepsDutch ? (
        <Paragraph className="muted">{t('applyHelp.dutchOnly')}</Paragraph>
      ) : (
        <ol>
          {help.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      )}
      {help.online && (
        <Paragraph>
          <span className="summary-label">{t('applyHelp.online')}:</span>{' '}
          <ExternalLink href={help.online.url} rel="noreferrer" target="_blank">
            {help.online.url.replace(/^https?:\/\//, '')}
          </ExternalLink>
        </Paragraph>
      )}

      <Paragraph className="summary-label">{t('applyHelp.counter')}</Paragraph>
      <CounterFacts counter={help.counter} language={language} />
      {language === 'nl' ? (
        <details className="small apply-help-sources">
          <summary>{t('applyHelp.sources')}</summary>
          <SourceList sources={help.sources} />
        </details>
      ) : (
        help.inCatalogue && (
          // The sources are Dutch documents with Dutch titles: as on the kaart, an English or
          // Arabic screen leaves them to the regeling's own page rather than show Dutch here.
          <Paragraph className="small no-print">
            <AppLink to={paths.regeling.href(help.regeling)}>{t('lifeEvents.regeling')}</AppLink>
          </Paragraph>
        )
      )}

      <div className="apply-help-actions no-print">
        <AppLink className="apply-help-checklist" to={checklistHref([help.regeling], language)}>
          {t('applyHelp.checklist')}
        </AppLink>
        {appliedOn ? (
          <Paragraph role="status" className="apply-help-applied">
            {t('applyHelp.markedApplied', { date: format.date(appliedOn) })}
          </Paragraph>
        ) : (
          onMarkApplied && (
            <Button purpose="secondary" disabled={busy} onClick={() => void mark()}>
              {t('applyHelp.markApplied')}
            </Button>
          )
        )}
      </div>
      {failed && (
        <Notice type="error" role="alert">
          {t('applyHelp.markFailed')}
        </Notice>
      )}
    </li>
  );
}
