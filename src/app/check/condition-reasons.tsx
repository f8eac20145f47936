import { useTranslation } from 'react-i18next';
import type { ConditionResult } from '../../domain/eligibility/evaluate';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * Each condition of a regeling with the household's value and the threshold on the peildatum, so
 * the worker can explain the outcome and check it. An unconfirmed threshold says so.
 */
export function ConditionReasons({ reasons }: { reasons: ConditionResult[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={`${r.kind}-${i}`} className={`reason reason-${r.status}`}>
          <p className="reason-head">
            <span className="reason-mark" aria-hidden="true">
              {MARK[r.status]}
            </span>
            <span className="visually-hidden">{t(`checkUi.reason.status.${r.status}`)}: </span>
            <strong>{r.label}</strong>
            {r.unconfirmed && (
              <span className="tag tag-warning">{t('checkUi.reason.unconfirmed')}</span>
            )}
          </p>
          {r.children === undefined ? (
            <dl className="facts reason-facts">
              <dt>{t('checkUi.reason.value')}</dt>
              {/* The engine describes values and limits in Dutch only. */}
              <dd lang="nl">{r.valueText}</dd>
              {r.threshold && (
                <>
                  <dt>{t('checkUi.reason.threshold')}</dt>
                  <dd lang="nl">{r.threshold.text}</dd>
                </>
              )}
            </dl>
          ) : (
            <>
              <p className="muted small">{t('checkUi.reason.anyOf')}</p>
              <ConditionReasons reasons={r.children} />
            </>
          )}
          {r.thresholdUnknown && <p className="small">{t('checkUi.reason.thresholdUnknown')}</p>}
          {r.softFail && <p className="small">{t('checkUi.reason.softFail')}</p>}
          {r.outdated && (
            <p className="muted small" lang="nl">
              {r.outdated}
            </p>
          )}
          {r.notes.length > 0 && (
            <ul className="muted small reason-notes" lang="nl">
              {r.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
