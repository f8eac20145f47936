import { computeOutcome, todayIso } from '../check/check-model';
import { followUpOf } from '../check/follow-up';
import { appliedTogether } from '../../domain/insight/take-up';
import { buildTally, type QuickCheckTally } from '../../domain/spreekuur/tally';
import { activeRulesVersion } from '../../data/rules/rules-store';
import type { QuickCheckSession } from './quick-check-context';

/**
 * The tally of a finished quick check: the regelingen its outcome suggested (kept when it was
 * completed, else computed now with today's rules), those marked as applied for at the table,
 * and which questions and topics came up — never what was answered.
 */
export async function tallyOf(session: QuickCheckSession): Promise<QuickCheckTally> {
  const { check } = session;
  let suggested = check.data.suggested;
  if (suggested === undefined) {
    const rules = await activeRulesVersion();
    const outcome = computeOutcome(check.data.answers, todayIso(), rules);
    suggested = followUpOf(check.data.answers, outcome.outcomes).suggested;
  }
  const applied = Object.entries(check.data.takeUp ?? {})
    .filter(([, e]) => appliedTogether(e))
    .map(([id]) => id);
  return buildTally({
    id: check.id,
    day: todayIso(),
    wijk: check.wijk,
    answers: check.data.answers,
    suggested,
    applied,
    summaryLanguage: session.summaryLanguage,
    lifeEvent: session.lifeEvent,
  });
}
