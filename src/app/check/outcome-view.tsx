import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getQuestion } from '../../domain/check/questions';
import { completeCheck, reopenCheck, type CheckRecord } from '../../data/repositories/checks';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { computeOutcome, formatDateNl } from './check-model';
import { FindingList } from './finding-list';
import { OutcomeCard } from './outcome-card';
import { ReferralList } from './referral-list';
import { TopicNav } from './topic-nav';
import { followUpOf } from './follow-up';
import { TakeUpPanel } from './take-up-panel';

/**
 * The worker's result screen: regelingen to apply for in order of impact with their reasons,
 * what goes well and what needs action per fundament, referrals with a one-tap signal, and the
 * warm handover to the SDD, which does the formal check.
 */
export function OutcomeView({
  check,
  onChange,
}: {
  check: CheckRecord;
  onChange: (c: CheckRecord) => void;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const answers = check.data.answers;
  const { peildatum, outcomes, summary } = useMemo(
    () => computeOutcome(answers, check.data.completedAt),
    [answers, check.data.completedAt],
  );
  const regeling = (id: string) => catalogue.regelingen.find((r) => r.id === id);
  const received = outcomes.filter((o) => o.alreadyReceiving);
  const noRight = outcomes.filter((o) => o.status === 'geen-recht' && !o.alreadyReceiving);
  const done = check.status === 'afgerond';

  async function toggleDone() {
    setBusy(true);
    setFailed(false);
    try {
      onChange(
        done
          ? await reopenCheck(check.id)
          : await completeCheck(check.id, followUpOf(answers, outcomes)),
      );
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="check-layout">
      <TopicNav checkId={check.id} answers={answers} current={undefined} />
      <div className="check-outcome">
        <p className="eyebrow">{t('checkUi.title')}</p>
        <h1>{t('checkUi.outcome.title')}</h1>
        <p className="muted">
          {t('checkUi.outcome.peildatum', { date: formatDateNl(peildatum) })}
          {done && check.data.completedAt && (
            <>
              {' '}
              · {t('checkUi.outcome.completedOn', { date: formatDateNl(check.data.completedAt) })}
            </>
          )}
        </p>
        <p className="notice">{t('checkUi.outcome.disclaimer')}</p>
        {summary.open.length > 0 && (
          <p className="notice notice-warning">
            {t('checkUi.outcome.openQuestions', { count: summary.open.length })}
          </p>
        )}

        <section aria-labelledby="apply-heading">
          <h2 id="apply-heading">{t('checkUi.outcome.apply')}</h2>
          {summary.regelingenToApply.length === 0 ? (
            <p>{t('checkUi.outcome.applyNone')}</p>
          ) : (
            <div className="outcome-list">
              {summary.regelingenToApply.map((o) => (
                <OutcomeCard
                  key={o.regeling}
                  outcome={o}
                  regeling={regeling(o.regeling)}
                  answers={answers}
                  checkId={check.id}
                />
              ))}
            </div>
          )}
        </section>

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
          <ReferralList
            referrals={summary.referrals}
            catalogue={catalogue}
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

        {received.length > 0 && (
          <section aria-labelledby="received-heading">
            <h2 id="received-heading">{t('checkUi.outcome.received')}</h2>
            <ul>
              {received.map((o) => (
                <li key={o.regeling}>{o.name}</li>
              ))}
            </ul>
          </section>
        )}

        {noRight.length > 0 && (
          <section aria-labelledby="norights-heading">
            <h2 id="norights-heading">{t('checkUi.outcome.noRight')}</h2>
            <details>
              <summary>{t('checkUi.outcome.noRightShow', { count: noRight.length })}</summary>
              {noRight.map((o) => (
                <OutcomeCard
                  key={o.regeling}
                  outcome={o}
                  regeling={regeling(o.regeling)}
                  answers={answers}
                  checkId={check.id}
                />
              ))}
            </details>
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
