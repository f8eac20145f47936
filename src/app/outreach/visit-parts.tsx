import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LockedError } from '../../data/crypto/errors';
import { variantsForRole } from '../../data/repositories/checks';
import { startCheck } from '../../data/repositories/check-start';
import type { OutreachProblem } from '../../data/repositories/outreach';
import type { SignalDetail } from '../../data/repositories/signals';
import type { SignalState } from '../../domain/signals/signal-state';
import { NO_CONTACT_AFTER_ATTEMPTS } from '../../domain/signals/outreach-values';
import { currentFormat } from '../i18n/format';
import { paths } from '../paths';
import type { SignalSetup } from '../signals/use-signal-context';
import { Notice } from '../components/notice';
import { Paragraph } from '../components/typography';
import { Checkbox } from '../components/form-field';

/**
 * What the vroegsignaal's visit screen and a campaign's door screen share: one write at a time
 * with its feedback, a check linked to the address after consent, the consent tick, the hint
 * before "geen contact" is allowed, and the list of earlier attempts.
 */

export type Feedback = { error: boolean; text: string } | null;
export type VisitWrite = () => Promise<{ ok: true } | { ok: false; problem: OutreachProblem }>;

export function useVisitActions(record: SignalDetail['record'], setup: SignalSetup) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  /** Runs one write; `saved` is what the worker reads when it worked. True when it did. */
  async function run(write: VisitWrite, saved: string): Promise<boolean> {
    setBusy(true);
    setFeedback(null);
    try {
      const result = await write();
      setFeedback(
        result.ok
          ? { error: false, text: saved }
          : {
              error: true,
              text: t(`outreach.problem.${result.problem}`, {
                defaultValue: t('outreach.saveFailed'),
              }),
            },
      );
      return result.ok;
    } catch {
      setFeedback({ error: true, text: t('outreach.saveFailed') });
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** A bestaanszekerheidscheck linked to this address, started only with the resident's consent. */
  async function startLinkedCheck(consent: boolean) {
    if (!consent) return;
    setBusy(true);
    try {
      const checkId = await startCheck({
        variant: variantsForRole(setup.worker.role)[0] ?? 'short',
        consentGiven: true,
        wijk: record.wijk,
        fromSignal: record.id,
      });
      await navigate(paths.check.href(checkId));
    } catch (error) {
      setFeedback({
        error: true,
        text: error instanceof LockedError ? t('outreach.locked') : t('outreach.saveFailed'),
      });
      setBusy(false);
    }
  }

  return { busy, feedback, run, startLinkedCheck };
}

export function VisitFeedback({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return (
    <Notice type={feedback.error ? 'error' : 'ok'} role={feedback.error ? 'alert' : 'status'}>
      {feedback.text}
    </Notice>
  );
}

export function ConsentTick({
  consent,
  onChange,
}: {
  consent: boolean;
  onChange: (consent: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="choice-row">
      <span>
        <Checkbox checked={consent} onChange={(e) => onChange(e.target.checked)} />{' '}
        {t('outreach.further.consent')}
      </span>
    </label>
  );
}

/** "Geen contact" needs this many attempts since the signal was picked up (lifecycle.ts). */
export function NoContactHint({ state }: { state: SignalState }) {
  const { t } = useTranslation();
  return (
    <Paragraph className="small muted">
      {t('outreach.outcome.noContactHint', {
        count: NO_CONTACT_AFTER_ATTEMPTS,
        done: state.attemptsSincePickup,
      })}
    </Paragraph>
  );
}

/** Earlier attempts, newest first, with when and whether it was you or a colleague. */
export function AttemptHistory({ state, workerId }: { state: SignalState; workerId: string }) {
  const { t } = useTranslation();
  if (state.attempts.length === 0) {
    return <Paragraph className="muted">{t('outreach.visit.noAttempts')}</Paragraph>;
  }
  return (
    <ol className="history" aria-label={t('outreach.visit.history')}>
      {[...state.attempts].reverse().map((a) => (
        <li key={a.eventId}>
          <strong>{t(`outreach.attempt.${a.attempt}`)}</strong>{' '}
          <span className="muted small">
            {currentFormat().dateTime(a.at)}{' '}
            {a.by === workerId ? t('outreach.visit.byYou') : t('outreach.visit.byColleague')}
          </span>
        </li>
      ))}
    </ol>
  );
}
