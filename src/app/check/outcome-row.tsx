import { useTranslation } from 'react-i18next';
import type { CheckAnswers } from '../../domain/check/answers-schema';
import type { Regeling } from '../../domain/catalogue/schema';
import type { RegelingOutcome } from '../../domain/eligibility/evaluate';
import { amountPerYearOf, nextStepOf } from '../../domain/eligibility/outcome-snapshot';
import { currentFormat } from '../i18n/format';
import { OutcomeDetails } from './outcome-details';
import { DataBadge } from '../components/data-badge';

/**
 * One regeling as one compact row (name, verdict, what it brings per year, the next step) that
 * folds open to the reasons and the way to apply. Closed, ten rows fit one tablet screen, so a
 * worker and a resident see every verdict before reading any reason.
 */
export function OutcomeRow({
  outcome,
  regeling,
  answers,
  checkId,
  testId = 'outcome-row',
}: {
  outcome: RegelingOutcome;
  regeling: Regeling | undefined;
  answers: CheckAnswers;
  checkId: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const nameId = `uitkomst-${outcome.regeling}`;
  const amount = amountPerYearOf(outcome);
  const step = outcome.status === 'geen-recht' ? undefined : nextStepOf(outcome);
  return (
    <article
      className={`outcome-row outcome-${outcome.status}`}
      aria-labelledby={nameId}
      id={outcome.regeling}
      data-testid={testId}
    >
      <details>
        <summary className="outcome-row-summary">
          <span id={nameId} className="outcome-row-name" title={outcome.name}>
            {outcome.name}
          </span>
          <DataBadge className={`outcome-tag outcome-tag-${outcome.status}`}>
            {t(`checkUi.outcome.status.${outcome.status}`)}
          </DataBadge>
          <span className="outcome-row-amount">
            {amount === undefined ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t('checkUi.rows.noAmount')}</span>
              </>
            ) : (
              t('checkUi.rows.perYear', { amount: currentFormat().euro(amount) })
            )}
          </span>
          <span className="outcome-row-step" title={step}>
            {step !== undefined && (
              <>
                <span className="visually-hidden">{t('checkUi.rows.nextStep')}: </span>
                {step}
              </>
            )}
          </span>
        </summary>
        <OutcomeDetails outcome={outcome} regeling={regeling} answers={answers} checkId={checkId} />
      </details>
    </article>
  );
}
