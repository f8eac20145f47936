import { useState } from 'react';
import { Button } from '../components/button';
import { useTranslation } from 'react-i18next';
import { ACTION_PROBLEMS_NL, recordSignalEvent } from '../../data/repositories/signals';
import type { HelpOutcome } from '../../domain/signals/signal-events';
import type { SignalState } from '../../domain/signals/signal-state';
import { HELP_OUTCOMES } from '../../domain/signals/signal-events';
import type { SignalSetup } from './use-signal-context';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/**
 * After contact: record whether the resident accepted the help offered ("hulp aanvaard na
 * vroegsignaal"). One tap; a later answer replaces an earlier one in the figures.
 */
export function HelpOutcomeActions({
  id,
  state,
  setup,
}: {
  id: string;
  state: SignalState;
  setup: SignalSetup;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.firstContactAt === null) return null;

  async function record(help: HelpOutcome) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await recordSignalEvent(id, { type: 'help', help }, setup.context);
      if (!result.ok) {
        setProblem(
          t(`signals.problem.${result.problem}`, {
            defaultValue: ACTION_PROBLEMS_NL[result.problem],
          }),
        );
      }
    } catch {
      setProblem(t('signals.saveFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signal-help-title">
      <Heading level={2} id="signal-help-title">
        {t('signals.help.title')}
      </Heading>
      <Paragraph>
        {state.help === null ? t('signals.help.question') : t(`signals.help.current.${state.help}`)}
      </Paragraph>
      <div className="signal-actions">
        {HELP_OUTCOMES.map((help) => (
          <Button
            key={help}
            purpose={help === 'aanvaard' ? 'primary' : 'secondary'}
            aria-pressed={state.help === help}
            disabled={busy}
            onClick={() => void record(help)}
          >
            {t(`signals.help.${help}`)}
          </Button>
        ))}
      </div>
      {problem && (
        <Notice type="error" role="alert">
          {problem}
        </Notice>
      )}
    </section>
  );
}
