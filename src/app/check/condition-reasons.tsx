import { useTranslation } from 'react-i18next';
import type { ConditionResult } from '../../domain/eligibility/evaluate';
import { useFormat } from '../i18n/format';
import { reasonText } from './reason-text';
import { Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * Each condition of a regeling with the household's value and the threshold on the peildatum, so
 * the worker can explain the outcome and check it. An unconfirmed threshold says so.
 */
export function ConditionReasons({ reasons }: { reasons: ConditionResult[] }) {
  const { t } = useTranslation();
  const words = { t, format: useFormat() };
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={`${r.kind}-${i}`} className={`reason reason-${r.status}`}>
          <Paragraph className="reason-head">
            <span className="reason-mark" aria-hidden="true">
              {MARK[r.status]}
            </span>
            <span className="visually-hidden">{t(`checkUi.reason.status.${r.status}`)}: </span>
            <strong>{r.label}</strong>
            {r.unconfirmed && (
              <DataBadge className="badge-warning">{t('checkUi.reason.unconfirmed')}</DataBadge>
            )}
          </Paragraph>
          {r.children === undefined ? (
            <dl className="facts reason-facts">
              <dt>{t('checkUi.reason.value')}</dt>
              <dd>{reasonText(words, r.valueMsg)}</dd>
              {r.threshold && (
                <>
                  <dt>{t('checkUi.reason.threshold')}</dt>
                  <dd>{reasonText(words, r.threshold.msg)}</dd>
                </>
              )}
            </dl>
          ) : (
            <>
              <Paragraph className="muted small">{t('checkUi.reason.anyOf')}</Paragraph>
              <ConditionReasons reasons={r.children} />
            </>
          )}
          {r.thresholdUnknown && (
            <Paragraph className="small">{t('checkUi.reason.thresholdUnknown')}</Paragraph>
          )}
          {r.softFail && <Paragraph className="small">{t('checkUi.reason.softFail')}</Paragraph>}
          {r.outdatedMsg && (
            <Paragraph className="muted small">{reasonText(words, r.outdatedMsg)}</Paragraph>
          )}
          {r.noteMsgs.length > 0 && (
            <ul className="muted small reason-notes">
              {r.noteMsgs.map((n) => {
                const text = reasonText(words, n);
                return <li key={text}>{text}</li>;
              })}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
