import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CheckRecord } from '../../data/repositories/checks';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n';
import { PrintLanguagePicker, usePrintLanguage } from '../components/print-language';
import { useLanguageTexts } from '../i18n/use-language-texts';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { localiseRegeling } from '../../domain/catalogue/overlay';
import { formatters } from '../i18n/format';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { DirArrow } from '../components/dir-arrow';
import { computeOutcome, localiseCheckOutcome, questionsForFields } from './check-model';
import { useOutcomeBasis, type OutcomeBasis } from './use-outcome-basis';
import { isTakeHomePoint } from '../../domain/eligibility/reason-message';
import { reasonText } from './reason-text';

/**
 * The page a resident takes home. Its language is chosen apart from the app's, because the worker
 * and the resident need not read the same one. It holds what the resident needs to act and no
 * more: no name (never asked), no household members or ages, no income, savings or debt amounts,
 * no wijk and no worker; the reasons with the household's figures stay on the worker's screen.
 */
export function ResidentSummary({ check }: { check: CheckRecord }) {
  const basis = useOutcomeBasis(check);
  if (basis.status !== 'ready') return <p role="status">{'…'}</p>;
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
  // Until the chosen language's catalogue texts are in, print nothing rather than half Dutch.
  if (!ready) return <p role="status">{t('app.loading')}</p>;

  return (
    <div className="resident-summary-page">
      <div className="summary-tools no-print">
        <p>
          <Link to={paths.checkOutcome.href(check.id)}>
            <DirArrow to="back" /> {t('checkUi.summary.back')}
          </Link>
        </p>
        <PrintLanguagePicker
          id="summary-language"
          label={t('checkUi.summary.language')}
          value={chosen}
          onChange={setChosen}
        />
        {loaded && !translated && (
          <p className="notice notice-warning">{t('checkUi.summary.notTranslated')}</p>
        )}
        <p className="muted small">{t('checkUi.summary.privacy')}</p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('checkUi.summary.print')}
        </button>
      </div>

      <article className="resident-summary" lang={lang} dir={dir} data-testid="resident-summary">
        <h1>{st('checkUi.summary.title')}</h1>
        <p className="muted">{st('checkUi.summary.date', { date })}</p>
        <p>{st('checkUi.summary.intro')}</p>

        {good.length > 0 && (
          <section>
            <h2>{st('checkUi.summary.good')}</h2>
            <ul>
              {good.map((f) => (
                <li key={f.key}>{st(f.key, { defaultValue: f.text })}</li>
              ))}
            </ul>
          </section>
        )}
        {action.length > 0 && (
          <section>
            <h2>{st('checkUi.summary.action')}</h2>
            <ul>
              {action.map((f) => (
                <li key={f.key}>{st(f.key, { defaultValue: f.text })}</li>
              ))}
            </ul>
          </section>
        )}

        <section>
          <h2>{st('checkUi.summary.regelingen')}</h2>
          {summary.regelingenToApply.length === 0 ? (
            <p>{st('checkUi.summary.regelingenNone')}</p>
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
                    <h3>{lang === 'nl' ? (regeling?.name ?? o.name) : o.name}</h3>
                    {regeling?.nameExplanation && <p>{regeling.nameExplanation}</p>}
                    <p>
                      <strong>{st(`checkUi.summary.status.${o.status}`)}</strong>
                    </p>
                    {o.status === 'misschien' && open.length > 0 && (
                      <p>
                        {st('checkUi.summary.stillToFind')}{' '}
                        {open.map((q) => st(q.labelKey)).join(' · ')}
                      </p>
                    )}
                    {points.length > 0 && (
                      <ul className="summary-points">
                        {points.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                    {amounts !== '' && <p className="summary-amounts">{amounts}</p>}
                    <p className="summary-label">{st('checkUi.summary.howToApply')}</p>
                    <ol>
                      {o.howToApply.map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ol>
                    {documents.length > 0 && (
                      <p>
                        <span className="summary-label">{st('checkUi.summary.documents')}:</span>{' '}
                        {documents.join(' · ')}
                      </p>
                    )}
                  </section>
                );
              })}
            </div>
          )}
        </section>

        <section>
          <h2>{st('checkUi.summary.help')}</h2>
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
          <p>{st('checkUi.summary.declined', { count: summary.declined.length })}</p>
        )}
        <p className="summary-footer">{st('checkUi.summary.footer')}</p>
        {lang !== 'nl' && st('checkUi.summary.dutchOnly') !== '' && (
          <p className="muted small">{st('checkUi.summary.dutchOnly')}</p>
        )}
      </article>
    </div>
  );
}
