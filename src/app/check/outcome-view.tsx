import { useMemo, useState } from 'react';

import { useTranslation } from 'react-i18next';
import { getQuestion } from '../../domain/check/questions';
import {
  groupOutcomes,
  outdatedNormNotes,
  snapshotOutcomes,
} from '../../domain/eligibility/outcome-snapshot';
import type { CheckRecord } from '../../data/repositories/checks';
import { useCheckFlow } from './check-flow';
import { appliedAtTableEntry, appliedTogether } from '../../domain/insight/take-up';
import { ApplicationHelpList } from '../apply-help/application-help-list';
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
import { ExternalLink } from '../components/app-link';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

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
  if (basis.status !== 'ready') return <Paragraph role="status">{'…'}</Paragraph>;
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
  const flow = useCheckFlow(check.id);
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
  const appliedAtTable = Object.fromEntries(
    Object.entries(check.data.takeUp ?? {}).flatMap(([id, entry]) =>
      appliedTogether(entry) ? [[id, entry.date]] : [],
    ),
  );
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
          ? await flow.reopen()
          : await flow.complete(
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
      <TopicNav flow={flow} answers={answers} current={undefined} />
      <div className="check-outcome">
        <Heading level={1}>{t('checkUi.outcome.title')}</Heading>
        <Notice className="outcome-disclaimer">{t('checkUi.outcome.disclaimer')}</Notice>
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
          <Heading level={2} id="apply-heading" className="visually-hidden">
            {t('checkUi.rows.heading')}
          </Heading>
          {rows.length === 0 && <Paragraph>{t('checkUi.outcome.applyNone')}</Paragraph>}
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
            <Paragraph className="outcome-group" data-testid="outcome-received">
              {t('checkUi.rows.received', {
                count: received.length,
                names: received.map((o) => o.name).join(', '),
              })}
            </Paragraph>
          )}
        </section>
        <RulesBasis check={check} basis={basis} shown={shown} onChange={onChange} />
        {summary.open.length > 0 && (
          <Notice type="warning">
            {t('checkUi.outcome.openQuestions', { count: summary.open.length })}
          </Notice>
        )}

        <ApplicationHelpList
          regelingIds={rows.map((o) => o.regeling)}
          checklistHref={flow.checklistHref}
          language={format.language}
          applied={appliedAtTable}
          onMarkApplied={async (id) => {
            // "Samen aangevraagd aan tafel": aangevraagd today, made together (issue 16).
            const today = new Date().toISOString().slice(0, 10);
            onChange(await flow.recordTakeUp(id, appliedAtTableEntry(today)));
          }}
        />

        <TakeUpPanel check={check} names={(id) => regeling(id)?.name ?? id} onChange={onChange} />

        <section aria-labelledby="fundamenten-heading">
          <Heading level={2} id="fundamenten-heading">
            {t('checkUi.outcome.perFundament')}
          </Heading>
          {summary.fundamenten
            .filter((f) => f.good.length + f.action.length + f.regelingen.length > 0)
            .map((f) => (
              <div key={f.id} className={`fundament-result fundament-${f.id}`}>
                <Heading level={3}>{t(`check.topics.${f.id}.title`)}</Heading>
                <FindingList heading={t('check.summary.good')} findings={f.good} />
                <FindingList heading={t('check.summary.action')} findings={f.action} />
                {f.regelingen.length > 0 && (
                  <Paragraph>
                    {t('check.summary.regelingen')}:{' '}
                    {f.regelingen.map((o, i) => (
                      <span key={o.regeling}>
                        {i > 0 && ', '}
                        <ExternalLink href={`#${o.regeling}`}>{o.name}</ExternalLink>
                      </span>
                    ))}
                  </Paragraph>
                )}
              </div>
            ))}
        </section>

        <section aria-labelledby="referrals-heading">
          <Heading level={2} id="referrals-heading">
            {t('check.summary.referrals')}
          </Heading>
          {wantsWork && !flow.anonymous && (
            <ToekomstReferralCard source="check" sourceId={check.id} wijk={check.wijk} />
          )}
          <ReferralList
            referrals={summary.referrals}
            findRegeling={regeling}
            wijk={check.wijk}
            checkId={flow.anonymous ? undefined : check.id}
          />
        </section>

        {summary.declined.length > 0 && (
          <section aria-labelledby="declined-heading">
            <Heading level={2} id="declined-heading">
              {t('checkUi.outcome.declined')}
            </Heading>
            <ul>
              {summary.declined.map((qid) => {
                const q = getQuestion(qid);
                return <li key={qid}>{q ? t(q.labelKey) : qid}</li>;
              })}
            </ul>
          </section>
        )}

        <div className="check-actions">
          <ButtonLink to={flow.summaryHref()}>{t('checkUi.summary.open')}</ButtonLink>
          <Button purpose="secondary" disabled={busy} onClick={() => void toggleDone()}>
            {done ? t('checkUi.outcome.reopen') : t('checkUi.outcome.complete')}
          </Button>
          {!flow.anonymous && (
            <ButtonLink purpose="secondary" to={flow.exitHref()}>
              {t('checkUi.list.back')}
            </ButtonLink>
          )}
        </div>
        {done && <Notice role="status">{t('checkUi.outcome.isComplete')}</Notice>}
        {failed && (
          <Notice type="error" role="alert">
            {t('checkUi.save.failed')}
          </Notice>
        )}
      </div>
    </div>
  );
}
