import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRecord } from '../../data/repositories/checks';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { PrintLanguagePicker, usePrintLanguage } from '../components/print-language';
import { useLanguageTexts } from '../i18n/use-language-texts';
import { useCheckFlow } from './check-flow';
import { useCatalogue } from '../use-catalogue';
import { localiseRegeling } from '../../domain/catalogue/overlay';
import { formatters } from '../i18n/format';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { DirArrow } from '../components/dir-arrow';
import { computeOutcome, localiseCheckOutcome, questionsForFields } from './check-model';
import { useOutcomeBasis, type OutcomeBasis } from './use-outcome-basis';
import { isTakeHomePoint } from '../../domain/eligibility/reason-message';
import { reasonText } from './reason-text';
import { AppLink } from '../components/app-link';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * The page a resident takes home. Its language is chosen apart from the app's, because the worker
 * and the resident need not read the same one. It holds what the resident needs to act and no
 * more: no name (never asked), no household members or ages, no income, savings or debt amounts,
 * no wijk and no worker; the reasons with the household's figures stay on the worker's screen.
 */
export function ResidentSummary({ check }: { check: CheckRecord }) {
  const basis = useOutcomeBasis(check);
  if (basis.status !== 'ready') return <Paragraph role="status">{'…'}</Paragraph>;
  return <ReadySummary check={check} basis={basis} />;
}

function ReadySummary({
  check,
  basis,
}: {
  check: CheckRecord;
  basis: Extract<OutcomeBasis, { status: 'ready' }>;
}) {
  const { t, i18n } = useTranslation();
  const { catalogue } = useCatalogue();
  const [chosen, setChosen] = usePrintLanguage();
  const loaded = useLanguageTexts(chosen);
  // A language whose summary is not translated yet prints in Dutch rather than half in two languages.
  const translated =
    loaded && i18n.getResource(chosen, 'translation', 'checkUi.summary.title') !== undefined;
  const lang: LanguageCode = translated ? chosen : 'nl';
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
  const st = i18n.getFixedT(lang);
  const format = formatters(lang);
  const { overlay, ready } = useCatalogueOverlay(lang);
  const flow = useCheckFlow(check.id);
  const answers = check.data.answers;
  const { peildatum, summary } = useMemo(
    () => localiseCheckOutcome(computeOutcome(answers, basis.peildatum, basis.rules), overlay),
    [answers, basis.peildatum, basis.rules, overlay],
  );
  const findRegeling = (id: string) => {
    const found = catalogue.regelingen.find((r) => r.id === id);
    return found && localiseRegeling(found, overlay);
  };
  const good = summary.fundamenten.flatMap((f) => f.good);
  const action = summary.fundamenten.flatMap((f) => f.action);
  const date = format.date(peildatum);
  const shownIn = loaded && ready ? lang : undefined;
  useEffect(() => {
    if (shownIn) flow.summaryShown(shownIn);
  }, [flow, shownIn]);
  // Until the chosen language's texts (app and catalogue) are in, show nothing rather than
  // Dutch: on a slow tablet the resident would otherwise see the Dutch summary first.
  if (!loaded || !ready) return <Paragraph role="status">{t('app.loading')}</Paragraph>;

  return (
    <div className="resident-summary-page">
      <div className="summary-tools no-print">
        <Paragraph>
          <AppLink to={flow.outcomeHref()}>
            <DirArrow to="back" /> {t('checkUi.summary.back')}
          </AppLink>
        </Paragraph>
        <PrintLanguagePicker
          id="summary-language"
          label={t('checkUi.summary.language')}
          value={chosen}
          onChange={setChosen}
        />
        {loaded && !translated && (
          <Notice type="warning">{t('checkUi.summary.notTranslated')}</Notice>
        )}
        <Paragraph className="muted small">{t('checkUi.summary.privacy')}</Paragraph>
        <Button onClick={() => window.print()}>{t('checkUi.summary.print')}</Button>
        {flow.close && (
          <Button purpose="secondary" onClick={flow.close}>
            {t('spreekuur.quick.close')}
          </Button>
        )}
      </div>

      <article className="resident-summary" lang={lang} dir={dir} data-testid="resident-summary">
        <Heading level={1}>{st('checkUi.summary.title')}</Heading>
        <Paragraph className="muted">{st('checkUi.summary.date', { date })}</Paragraph>
        <Paragraph>{st('checkUi.summary.intro')}</Paragraph>

        {good.length > 0 && (
          <section>
            <Heading level={2}>{st('checkUi.summary.good')}</Heading>
            <ul>
              {good.map((f) => (
                <li key={f.key}>{st(f.key, { defaultValue: f.text })}</li>
              ))}
            </ul>
          </section>
        )}
        {action.length > 0 && (
          <section>
            <Heading level={2}>{st('checkUi.summary.action')}</Heading>
            <ul>
              {action.map((f) => (
                <li key={f.key}>{st(f.key, { defaultValue: f.text })}</li>
              ))}
            </ul>
          </section>
        )}

        <section>
          <Heading level={2}>{st('checkUi.summary.regelingen')}</Heading>
          {summary.regelingenToApply.length === 0 ? (
            <Paragraph>{st('checkUi.summary.regelingenNone')}</Paragraph>
          ) : (
            // Two columns on paper, each regeling kept whole: the summary fits two A4 pages.
            <div className="summary-regelingen">
              {summary.regelingenToApply.map((o) => {
                const regeling = findRegeling(o.regeling);
                const documents = [...new Set([...o.documents, ...(regeling?.documents ?? [])])];
                const open = questionsForFields(answers, o.missing);
                // What is still open about the regeling itself, in the resident's language.
                const points = [
                  ...new Set(
                    (o.openPointMsgs ?? [])
                      .filter(isTakeHomePoint)
                      .map((m) => reasonText({ t: st, format }, m, o.reasons)),
                  ),
                ];
                const amounts = o.knownAmounts
                  .map(
                    (a) =>
                      `${a.label}: ${a.upTo ? `${st('checkUi.outcome.upTo')} ` : ''}${format.euro(a.amount)} ${st(`checkUi.outcome.per.${a.per}`)}`,
                  )
                  .join(' · ');
                return (
                  <section key={o.regeling} className="summary-regeling">
                    <Heading level={3}>
                      {lang === 'nl' ? (regeling?.name ?? o.name) : o.name}
                    </Heading>
                    {regeling?.nameExplanation && <Paragraph>{regeling.nameExplanation}</Paragraph>}
                    <Paragraph>
                      <strong>{st(`checkUi.summary.status.${o.status}`)}</strong>
                    </Paragraph>
                    {o.status === 'misschien' && open.length > 0 && (
                      <Paragraph>
                        {st('checkUi.summary.stillToFind')}{' '}
                        {open.map((q) => st(q.labelKey)).join(' · ')}
                      </Paragraph>
                    )}
                    {points.length > 0 && (
                      <ul className="summary-points">
                        {points.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                    {amounts !== '' && <Paragraph className="summary-amounts">{amounts}</Paragraph>}
                    <Paragraph className="summary-label">
                      {st('checkUi.summary.howToApply')}
                    </Paragraph>
                    <ol>
                      {o.howToApply.map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ol>
                    {documents.length > 0 && (
                      <Paragraph>
                        <span className="summary-label">{st('checkUi.summary.documents')}:</span>{' '}
                        {documents.join(' · ')}
                      </Paragraph>
                    )}
                  </section>
                );
              })}
            </div>
          )}
        </section>

        <section>
          <Heading level={2}>{st('checkUi.summary.help')}</Heading>
          <ul>
            {summary.referrals.map((r) => {
              const regeling = findRegeling(r.id);
              const name =
                lang === 'nl' && regeling ? regeling.name : st(`checkUi.referrals.names.${r.id}`);
              return (
                <li key={r.id}>
                  <strong>{name}</strong>
                  {regeling?.accessPoint ? ` — ${regeling.accessPoint}` : ''}
                </li>
              );
            })}
            <li>{st('checkUi.summary.sdd')}</li>
          </ul>
        </section>

        {summary.declined.length > 0 && (
          <Paragraph>
            {st('checkUi.summary.declined', { count: summary.declined.length })}
          </Paragraph>
        )}
        <Paragraph className="summary-footer">{st('checkUi.summary.footer')}</Paragraph>
        {lang !== 'nl' && st('checkUi.summary.dutchOnly') !== '' && (
          <Paragraph className="muted small">{st('checkUi.summary.dutchOnly')}</Paragraph>
        )}
      </article>
    </div>
  );
}
