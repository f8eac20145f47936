import type { CheckAnswers } from '../../domain/check/answers-schema';
import { answersToHousehold } from '../../domain/check/answers-to-household';
import { norms2026 } from '../../domain/eligibility/data-2026';
import type { RegelingOutcome } from '../../domain/eligibility/evaluate';
import { doelgroepenOf } from '../../domain/insight/doelgroepen';
import type { CheckFollowUp } from '../../data/repositories/checks';

/** What a completed check keeps for the follow-up: the regelingen to apply for, and whom it reached. */
export function followUpOf(
  answers: CheckAnswers,
  outcomes: readonly RegelingOutcome[],
): CheckFollowUp {
  return {
    suggested: outcomes
      .filter((o) => !o.alreadyReceiving && o.status !== 'geen-recht')
      .map((o) => o.regeling),
    doelgroepen: doelgroepenOf(answersToHousehold(answers), norms2026.aowAge.years),
  };
}
