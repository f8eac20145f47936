import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  compareVerdicts,
  snapshotOutcomes,
  type VerdictSnapshot,
} from '../../domain/eligibility/outcome-snapshot';
import type { PublishedRulesVersion } from '../../domain/eligibility/rules-version';
import type { CheckRecord } from '../../data/repositories/checks';
import { useCheckFlow } from './check-flow';
import { computeOutcome, todayIso, type CheckOutcome } from './check-model';
import type { OutcomeBasis } from './use-outcome-basis';
import { currentFormat } from '../i18n/format';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

type Ready = Extract<OutcomeBasis, { status: 'ready' }>;

/** "normen 2026.2 · regels 2026.1, gepubliceerd op 30 november 2026" (or "in de app"). */
export function versionText(t: TFunction, rules: PublishedRulesVersion): string {
  return rules.publishedAt
    ? t('checkUi.rulesBasis.published', {
        label: rules.label,
        date: currentFormat().date(rules.publishedAt),
      })
    : t('checkUi.rulesBasis.shipped', { label: rules.label });
}

function verdictText(t: TFunction, v: VerdictSnapshot | undefined): string {
  if (!v) return t('checkUi.rulesBasis.absent');
  const status = t(`checkUi.outcome.status.${v.status}`);
  if (!v.threshold) return status;
  return t('checkUi.rulesBasis.withThreshold', {
    status,
    amount: currentFormat().euro(v.threshold.euro),
    date: v.threshold.normValidFrom ? currentFormat().date(v.threshold.normValidFrom) : '—',
  });
}

/**
 * Which rules and peildatum the outcome rests on. A completed check keeps its own; the worker can
 * recompute it with today's rules and see, per regeling, the verdict and threshold before and
 * after, and keep the new outcome.
 */
export function RulesBasis({
  check,
  basis,
  shown,
  onChange,
}: {
  check: CheckRecord;
  basis: Ready;
  shown: CheckOutcome;
  onChange: (c: CheckRecord) => void;
}) {
  const { t } = useTranslation();
  const [compare, setCompare] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);
  const flow = useCheckFlow(check.id);
  const done = check.status === 'afgerond';
  const answers = check.data.answers;
  const recomputed = useMemo(
    () => (compare ? computeOutcome(answers, todayIso(), basis.today) : undefined),
    [compare, answers, basis.today],
  );
  const before = basis.stored?.verdicts ?? snapshotOutcomes(shown.outcomes);
  const changes = recomputed ? compareVerdicts(before, snapshotOutcomes(recomputed.outcomes)) : [];
  const changed = changes.filter((c) => c.verdictChanged || c.thresholdChanged);

  async function keep() {
    if (!recomputed) return;
    setFailed(false);
    try {
      onChange(
        await flow.recordOutcome({
          rulesVersionId: recomputed.rules.id,
          rulesVersionLabel: recomputed.rules.label,
          peildatum: recomputed.peildatum,
          verdicts: snapshotOutcomes(recomputed.outcomes),
        }),
      );
      setSaved(true);
      setCompare(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="rules-basis">
      <Paragraph className="muted small" data-testid="rules-basis">
        {basis.originalMissing && basis.stored
          ? t('checkUi.rulesBasis.originalMissing', { label: basis.stored.rulesVersionLabel })
          : t('checkUi.rulesBasis.computedWith', {
              version: versionText(t, basis.rules),
              date: currentFormat().date(basis.peildatum),
            })}
        {done && check.data.completedAt && (
          <>
            {' '}
            {t('checkUi.rulesBasis.completedOn', {
              date: currentFormat().date(check.data.completedAt),
            })}
          </>
        )}
      </Paragraph>
      {done && !compare && (
        <Button
          purpose="secondary"
          className="button-small no-print"
          onClick={() => {
            setSaved(false);
            setCompare(true);
          }}
        >
          {t('checkUi.rulesBasis.recompute')}
        </Button>
      )}
      {saved && <Notice role="status">{t('checkUi.rulesBasis.kept')}</Notice>}
      {recomputed && (
        <section className="notice recompute" aria-labelledby="recompute-heading">
          <Heading level={2} id="recompute-heading">
            {t('checkUi.rulesBasis.recomputeTitle', {
              version: versionText(t, recomputed.rules),
              date: currentFormat().date(recomputed.peildatum),
            })}
          </Heading>
          {changed.length === 0 ? (
            <Paragraph>{t('checkUi.rulesBasis.noChange')}</Paragraph>
          ) : (
            <Table className="recompute-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">
                    {t('checkUi.rulesBasis.colRegeling')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t('checkUi.rulesBasis.colBefore')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('checkUi.rulesBasis.colAfter')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {changed.map((c) => (
                  <TableRow key={c.regeling} data-regeling={c.regeling}>
                    <TableHeaderCell scope="row">{c.name}</TableHeaderCell>
                    <TableCell>{verdictText(t, c.before)}</TableCell>
                    <TableCell>{verdictText(t, c.after)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <div className="check-actions">
            {changed.length > 0 && (
              <Button className="button-small" onClick={() => void keep()}>
                {t('checkUi.rulesBasis.keep')}
              </Button>
            )}
            <Button purpose="secondary" className="button-small" onClick={() => setCompare(false)}>
              {t('checkUi.rulesBasis.close')}
            </Button>
          </div>
          {failed && (
            <Notice type="error" role="alert">
              {t('checkUi.save.failed')}
            </Notice>
          )}
        </section>
      )}
    </div>
  );
}
