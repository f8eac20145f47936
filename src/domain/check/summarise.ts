import type { RegelingOutcome } from '../eligibility/evaluate';
import { compareOutcomes } from '../eligibility/evaluate';
import type { CheckAnswers } from './answers-schema';
import {
  REFERRAL_IDS,
  TOPIC_IDS,
  type FindingRule,
  type Question,
  type ReferralId,
  type TopicId,
} from './question-schema';
import { QUESTIONS, nlText } from './questions';
import { isQuestionVisible, openQuestions } from './skip-logic';

/**
 * The result of a check per fundament: what goes well, what needs action, which regelingen to apply
 * for (in order of impact) and which partners to refer to. Texts are i18n keys with a Dutch default,
 * so the resident's summary can be printed in another language later.
 */

export interface Finding {
  questionId: string;
  kind: 'good' | 'action';
  key: string;
  text: string;
  referrals: ReferralId[];
}

export interface ReferralSuggestion {
  id: ReferralId;
  reasons: { key: string; params?: Record<string, string>; text: string }[];
}

export interface FundamentSummary {
  id: TopicId;
  good: Finding[];
  action: Finding[];
  /** Regelingen under this fundament worth applying for, in order of impact. */
  regelingen: RegelingOutcome[];
}

export interface CheckSummary {
  fundamenten: FundamentSummary[];
  /** All regelingen to apply for or look into (not `geen-recht`, not already received), by impact. */
  regelingenToApply: RegelingOutcome[];
  referrals: ReferralSuggestion[];
  /** What the resident chose not to answer. */
  declined: string[];
  /** Visible questions without an answer yet. */
  open: string[];
  consentGiven: boolean;
}

function findingMatches(rule: FindingRule, value: unknown): boolean {
  const w = rule.when;
  if ('equals' in w) return value === w.equals;
  if ('in' in w) return typeof value === 'string' && w.in.includes(value);
  return (
    Array.isArray(value) &&
    value.some((v) => typeof v === 'string' && !w.includesAnyExcept.includes(v))
  );
}

function findingsFor(answers: CheckAnswers, q: Question): Finding[] {
  const entry = answers.answers[q.id];
  if (entry?.status !== 'answered' || !isQuestionVisible(answers, q)) return [];
  return q.findings
    .filter((f) => findingMatches(f, entry.value))
    .map((f) => ({
      questionId: q.id,
      kind: f.kind,
      key: f.key,
      text: nlText(f.key) ?? f.key,
      referrals: f.referrals,
    }));
}

/** A regeling outcome that is itself a partner to refer to (schuldhulp, budgetcoach, energiehulp). */
function isReferralId(id: string): id is ReferralId {
  return (REFERRAL_IDS as readonly string[]).includes(id);
}

export function summariseCheck(
  answers: CheckAnswers,
  outcomes: readonly RegelingOutcome[],
): CheckSummary {
  const findings = QUESTIONS.flatMap((q) => findingsFor(answers, q));
  const topicOf = new Map(QUESTIONS.map((q) => [q.id, q.topic]));
  const toApply = outcomes
    .filter((o) => o.status !== 'geen-recht' && !o.alreadyReceiving)
    .slice()
    .sort(compareOutcomes);

  const fundamenten: FundamentSummary[] = TOPIC_IDS.map((id) => ({
    id,
    good: findings.filter((f) => f.kind === 'good' && topicOf.get(f.questionId) === id),
    action: findings.filter((f) => f.kind === 'action' && topicOf.get(f.questionId) === id),
    regelingen: toApply.filter((o) => o.fundament === id),
  }));

  const referrals = new Map<ReferralId, ReferralSuggestion>();
  const add = (id: ReferralId, reason: ReferralSuggestion['reasons'][number]): void => {
    const existing = referrals.get(id) ?? { id, reasons: [] };
    if (!existing.reasons.some((r) => r.text === reason.text)) existing.reasons.push(reason);
    referrals.set(id, existing);
  };
  for (const f of findings) {
    for (const r of f.referrals) add(r, { key: f.key, text: f.text });
  }
  for (const o of toApply) {
    if (!isReferralId(o.regeling)) continue;
    const key = 'check.referralReasons.regeling';
    const params = { name: o.name };
    add(o.regeling, { key, params, text: nlText(key, params) ?? o.name });
  }

  const declined = Object.entries(answers.answers)
    .filter(([, e]) => e.status === 'declined')
    .map(([id]) => id);

  return {
    fundamenten,
    regelingenToApply: toApply,
    referrals: REFERRAL_IDS.flatMap((id) => {
      const r = referrals.get(id);
      return r === undefined ? [] : [r];
    }),
    declined,
    open: openQuestions(answers).map((q) => q.id),
    consentGiven: answers.consent.given,
  };
}
