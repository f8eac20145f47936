import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getQuestion } from '../../domain/check/questions';
import {
  groupOutcomes,
  outdatedNormNotes,
  snapshotOutcomes,
} from '../../domain/eligibility/outcome-snapshot';
import { completeCheck, reopenCheck, type CheckRecord } from '../../data/repositories/checks';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { localiseRegeling } from '../../domain/catalogue/overlay';
import { useFormat } from '../i18n/format';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { computeOutcome, localiseCheckOutcome } from './check-model';
import { FindingList } from './finding-list';
import { OutcomeRow } from './outcome-row';
import { ReferralList } from './referral-list';
import { RulesBasis } from './rules-basis';
import { ToekomstReferralCard } from '../toekomst/referral-card';
import { TopicNav } from './topic-nav';
import { useOutcomeBasis, type OutcomeBasis } from './use-outcome-basis';
import { followUpOf } from './follow-up';
import { TakeUpPanel } from './take-up-panel';
import { reasonText } from './reason-text';

/**
 * The worker's result screen, to go through with a resident: first one row per regeling (verdict,
 * what it brings, the next step) with the reasons folded away, then what goes well and what needs
 * action per fundament, referrals with a one-tap signal, and the warm handover to the SDD, which
 * does the formal check.
 */
export function OutcomeView({
  check,
  onChange,
}: {
  check: CheckRecord;
  onChange: (c: CheckRecord) => void;
}) {
  const basis = useOutcomeBasis(check);
  if (basis.status !== 'ready') return <p role="status">{'…'}</p>;
  return <ReadyOutcome check={check} basis={basis} onChange={onChange} />;
}

function ReadyOutcome({
  check,
  basis,
  onChange,
}: {
  check: CheckRecord;
  basis: Extract<OutcomeBasis, { status: 'ready' }>;
  onChange: (c: CheckRecord) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { overlay } = useCatalogueOverlay(format.language);
  const { catalogue } = useCatalogue();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const answers = check.data.answers;
  const shown = useMemo(
    () => localiseCheckOutcome(computeOutcome(answers, basis.peildatum, basis.rules), overlay),
    [answers, basis.peildatum, basis.rules, overlay],
  );
  const { outcomes, summary } = shown;
  const regeling = (id: string) => {
    const found = catalogue.regelingen.find((r) => r.id === id);
    return found && localiseRegeling(found, overlay);
  };
  const { rows, noRight, received } = groupOutcomes(outcomes);
  const outdated = outdatedNormNotes(outcomes);
  const words = { t, format };
  const done = check.status === 'afgerond';
  // A resident who wants (other) work goes to the toekomstmakelaars, not only to the Werkcentrum
  // that is still to be set up (000 L447–453; 003 L3651–3653).
  const work = answers.answers['werk-wens'];
  const wantsWork = work?.status === 'answered' && work.value === 'ja';

  async function toggleDone() {
    setBusy(true);
    setFailed(false);
    try {
      onChange(
        done
          ? await reopenCheck(check.id)
          : await completeCheck(
              check.id,
              {
                rulesVersionId: shown.rules.id,
                rulesVersionLabel: shown.rules.label,
                peildatum: shown.peildatum,
                verdicts: snapshotOutcomes(outcomes),
              },
              followUpOf(answers, outcomes),
            ),
      );
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="check-layout check-layout-outcome">
      <TopicNav checkId={check.id} answers={answers} current={undefined} />
      <div className="check-outcome">
        <h1>{t('checkUi.outcome.title')}</h1>
        <p className="notice outcome-disclaimer">{t('checkUi.outcome.disclaimer')}</p>
        {outdated.length > 0 && (
          // Never silent, but folded: the notes are long and the rows must stay on the first screen.
          <details className="notice notice-warning outcome-outdated" data-testid="norms-outdated">
            <summary>{t('checkUi.rows.outdated')}</summary>
            <ul>
              {outdated.map((note) => (
                <li key={JSON.stringify(note)}>{reasonText(words, note)}</li>
              ))}
            </ul>
          </details>
        )}

        <section aria-labelledby="apply-heading" className="outcome-rows">
          <h2 id="apply-heading" className="visually-hidden">
            {t('checkUi.rows.heading')}
          </h2>
          {rows.length === 0 && <p>{t('checkUi.outcome.applyNone')}</p>}
          {rows.map((o) => (
            <OutcomeRow
              key={o.regeling}
              outcome={o}
              regeling={regeling(o.regeling)}
              answers={answers}
              checkId={check.id}
            />
          ))}
          {noRight.length > 0 && (
            <details className="outcome-group" data-testid="outcome-no-right">
              <summary>
                {t('checkUi.rows.noRight', {
                  count: noRight.length,
                  names: noRight.map((o) => o.name).join(', '),
                })}
              </summary>
              {noRight.map((o) => (
                <OutcomeRow
                  testId="outcome-row-no-right"
                  key={o.regeling}
                  outcome={o}
                  regeling={regeling(o.regeling)}
                  answers={answers}
                  checkId={check.id}
                />
              ))}
            </details>
          )}
          {received.length > 0 && (
            <p className="outcome-group" data-testid="outcome-received">
              {t('checkUi.rows.received', {
                count: received.length,
                names: received.map((o) => o.name).join(', '),
              })}
            </p>
          )}
        </section>
        <RulesBasis check={check} basis={basis} shown={shown} onChange={onChange} />
        {summary.open.length > 0 && (
          <p className="notice notice-warning">
            {t('checkUi.outcome.openQuestions', { count: summary.open.length })}
          </p>
        )}

        <TakeUpPanel check={check} names={(id) => regeling(id)?.name ?? id} onChange={onChange} />

        <section aria-labelledby="fundamenten-heading">
          <h2 id="fundamenten-heading">{t('checkUi.outcome.perFundament')}</h2>
          {summary.fundamenten
            .filter((f) => f.good.length + f.action.length + f.regelingen.length > 0)
            .map((f) => (
              <div key={f.id} className={`fundament-result fundament-${f.id}`}>
                <h3>{t(`check.topics.${f.id}.title`)}</h3>
                <FindingList heading={t('check.summary.good')} findings={f.good} />
                <FindingList heading={t('check.summary.action')} findings={f.action} />
                {f.regelingen.length > 0 && (
                  <p>
                    {t('check.summary.regelingen')}:{' '}
                    {f.regelingen.map((o, i) => (
                      <span key={o.regeling}>
                        {i > 0 && ', '}
                        <a href={`#${o.regeling}`}>{o.name}</a>
                      </span>
                    ))}
                  </p>
                )}
              </div>
            ))}
        </section>

        <section aria-labelledby="referrals-heading">
          <h2 id="referrals-heading">{t('check.summary.referrals')}</h2>
          {wantsWork && (
            <ToekomstReferralCard source="check" sourceId={check.id} wijk={check.wijk} />
          )}
          <ReferralList
            referrals={summary.referrals}
            findRegeling={regeling}
            wijk={check.wijk}
            checkId={check.id}
          />
        </section>

        {summary.declined.length > 0 && (
          <section aria-labelledby="declined-heading">
            <h2 id="declined-heading">{t('checkUi.outcome.declined')}</h2>
            <ul>
              {summary.declined.map((qid) => {
                const q = getQuestion(qid);
                return <li key={qid}>{q ? t(q.labelKey) : qid}</li>;
              })}
            </ul>
          </section>
        )}

        <div className="check-actions">
          <Link className="button" to={paths.checkSummary.href(check.id)}>
            {t('checkUi.summary.open')}
          </Link>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void toggleDone()}
          >
            {done ? t('checkUi.outcome.reopen') : t('checkUi.outcome.complete')}
          </button>
          <Link className="button button-secondary" to={paths.checks.href()}>
            {t('checkUi.list.back')}
          </Link>
        </div>
        {done && (
          <p role="status" className="notice">
            {t('checkUi.outcome.isComplete')}
          </p>
        )}
        {failed && (
          <p role="alert" className="notice notice-error">
            {t('checkUi.save.failed')}
          </p>
        )}
      </div>
    </div>
  );
}
