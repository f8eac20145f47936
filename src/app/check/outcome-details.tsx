import { useTranslation } from 'react-i18next';
import type { CheckAnswers } from '../../domain/check/answers-schema';
import type { Regeling } from '../../domain/catalogue/schema';
import type { RegelingOutcome } from '../../domain/eligibility/evaluate';
import { paths } from '../paths';
import { useCheckFlow } from './check-flow';
import { useFormat } from '../i18n/format';
import { questionsForFields } from './check-model';
import { ConditionReasons } from './condition-reasons';
import { reasonText } from './reason-text';
import { AppLink } from '../components/app-link';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';

/** Documents from the rule and the catalogue together, each once. */
function documentsFor(outcome: RegelingOutcome, regeling: Regeling | undefined): string[] {
  return [...new Set([...outcome.documents, ...(regeling?.documents ?? [])])];
}

/**
 * What folds open under a regeling's row: what is still unknown (with a way back to the
 * question), known amounts, the reasons, how to apply and what to bring.
 */
export function OutcomeDetails({
  outcome,
  regeling,
  answers,
  checkId,
}: {
  outcome: RegelingOutcome;
  regeling: Regeling | undefined;
  answers: CheckAnswers;
  checkId: string;
}) {
  const { t } = useTranslation();
  const flow = useCheckFlow(checkId);
  const format = useFormat();
  const open = questionsForFields(answers, outcome.missing);
  const documents = documentsFor(outcome, regeling);
  const words = { t, format };
  const say = (msgs: Parameters<typeof reasonText>[1][] | undefined) => [
    ...new Set((msgs ?? []).map((m) => reasonText(words, m, outcome.reasons))),
  ];
  const openPoints = say(outcome.openPointMsgs);
  const estimate = say(outcome.estimateMsgs);
  const unconfirmed = say(outcome.unconfirmedMsgs);
  return (
    <div className="outcome-details">
      {outcome.summaryMsg !== undefined && (
        <Paragraph className="outcome-summary">
          {reasonText(words, outcome.summaryMsg, outcome.reasons)}
        </Paragraph>
      )}
      {openPoints.length > 0 && (
        <ul className="outcome-open-points">
          {openPoints.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Paragraph className="card-meta">
        <DataBadge>{t(`level.${outcome.level}`)}</DataBadge>
        {outcome.alreadyReceiving && <DataBadge>{t('checkUi.outcome.alreadyReceiving')}</DataBadge>}
      </Paragraph>

      {outcome.status === 'misschien' &&
        (open.length > 0 || outcome.unknownThresholds.length > 0) && (
          <Notice>
            <Paragraph>
              <strong>{t('checkUi.outcome.stillUnknown')}</strong>
            </Paragraph>
            <ul>
              {open.map((q) => (
                <li key={q.id}>
                  <AppLink to={flow.topicHref(q.topic)}>{t(q.labelKey)}</AppLink>
                </li>
              ))}
              {outcome.unknownThresholds.map((label) => (
                <li key={label}>{t('checkUi.outcome.thresholdMissing', { label })}</li>
              ))}
            </ul>
          </Notice>
        )}

      {outcome.knownAmounts.length > 0 && (
        <>
          <Heading level={4}>{t('checkUi.outcome.amounts')}</Heading>
          <ul>
            {outcome.knownAmounts.map((a) => (
              <li key={a.label}>
                {a.label}: {a.upTo ? t('checkUi.outcome.upTo') + ' ' : ''}
                {format.euro(a.amount)} {t(`checkUi.outcome.per.${a.per}`)}
                {a.count !== undefined && ` (${t('checkUi.outcome.children', { count: a.count })})`}
                {!a.confirmed && (
                  <DataBadge className="badge-warning">
                    {t('checkUi.reason.amountUnconfirmed')}
                  </DataBadge>
                )}
              </li>
            ))}
          </ul>
          {outcome.estimatedYearlyValue !== undefined && outcome.estimatedYearlyValue > 0 && (
            <Paragraph>
              {t('checkUi.outcome.estimatedValue', {
                amount: format.euro(outcome.estimatedYearlyValue),
              })}
              {estimate.length > 0 && ` (${estimate.join(' + ')})`}
            </Paragraph>
          )}
        </>
      )}

      <Heading level={4}>{t('checkUi.outcome.reasons')}</Heading>
      <ConditionReasons reasons={outcome.reasons} />
      {unconfirmed.length > 0 && (
        <details className="unconfirmed">
          <summary>{t('checkUi.outcome.unconfirmed')}</summary>
          <ul className="small">
            {unconfirmed.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}

      {outcome.status !== 'geen-recht' && (
        <>
          <Heading level={4}>{t('checkUi.outcome.howToApply')}</Heading>
          <ol>
            {outcome.howToApply.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {regeling?.accessPoint && (
            <Paragraph>
              <strong>{t('regeling.accessPoint')}:</strong> {regeling.accessPoint}
            </Paragraph>
          )}
          {documents.length > 0 && (
            <>
              <Heading level={4}>{t('checkUi.outcome.documents')}</Heading>
              <ul>
                {documents.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {outcome.notes.length > 0 && (
        <ul className="muted small">
          {outcome.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {regeling && (
        <Paragraph>
          <AppLink to={paths.regeling.href(regeling.id)}>
            {t('checkUi.outcome.moreAbout', { name: regeling.name })}
          </AppLink>
        </Paragraph>
      )}
    </div>
  );
}
