import type { CheckAnswers } from '../../domain/check/answers-schema';
import { answersToHousehold } from '../../domain/check/answers-to-household';
import { summariseCheck, type CheckSummary } from '../../domain/check/summarise';
import { evaluateRegelingen, type RegelingOutcome } from '../../domain/eligibility/evaluate';
import type { PublishedRulesVersion } from '../../domain/eligibility/rules-version';
import type { Question, ReferralId, Topic, TopicId } from '../../domain/check/question-schema';
import { TOPICS } from '../../domain/check/questions';
import { visibleQuestions } from '../../domain/check/skip-logic';
import { MSG, ageSchema, type HouseholdField } from '../../domain/eligibility/household-schema';
import type { SignalCategoryId } from '../../domain/signals/categories';
import { localiseOutcome, type CatalogueOverlay } from '../../domain/catalogue/overlay';
import { paths } from '../paths';
import { localDate } from '../../domain/calendar';

/** Topics with at least one question for this variant and these answers; the others are skipped. */
export function visibleTopics(answers: CheckAnswers): Topic[] {
  return TOPICS.filter((t) => visibleQuestions(answers, t.id).length > 0);
}

export function topicProgress(
  answers: CheckAnswers,
  topic: TopicId,
): { touched: number; total: number } {
  const questions = visibleQuestions(answers, topic);
  return {
    touched: questions.filter((q) => answers.answers[q.id] !== undefined).length,
    total: questions.length,
  };
}

export function checkProgress(answers: CheckAnswers): { touched: number; total: number } {
  const questions = visibleQuestions(answers);
  return {
    touched: questions.filter((q) => answers.answers[q.id] !== undefined).length,
    total: questions.length,
  };
}

/** The visible questions that fill one of these household fields: where a "misschien" is settled. */
export function questionsForFields(
  answers: CheckAnswers,
  fields: readonly HouseholdField[],
): Question[] {
  return visibleQuestions(answers).filter((q) => q.householdFields.some((f) => fields.includes(f)));
}

/** Today as an ISO date on the device's calendar: the peildatum of an open check. */
export function todayIso(now: Date = new Date()): string {
  return localDate(now);
}

/** An amount as a Dutch worker reads it back in the field: 1234.5 → "1.234,5". */
export function formatAmountInput(value: number): string {
  return value.toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: true });
}

/**
 * The signal category a referral starts with. A worker can change it on the signal form; this
 * only saves typing. Partners without a clear category get the money one, the check's theme.
 */
const REFERRAL_SIGNAL_CATEGORY: Record<ReferralId, SignalCategoryId> = {
  schuldhulpverlening: 'geldzorgen-schulden',
  budgetcoach: 'geldzorgen-schulden',
  'sociaal-wijkteam': 'geldzorgen-schulden',
  clientondersteuning: 'gezondheid-leefstijl',
  'werkcentrum-drechtsteden': 'werk-inkomen',
  energiehulp: 'achterstand-energie',
};

export function signalCategoryFor(referral: ReferralId): SignalCategoryId {
  return REFERRAL_SIGNAL_CATEGORY[referral];
}

/**
 * The prefilled "new signal" route of the signals feature. Only the category, the wijk and the
 * check's id travel in the address: no answer of the check leaves the record this way.
 */
export function newSignalHref(
  categorie: SignalCategoryId,
  wijk: string | undefined,
  checkId: string,
): string {
  return paths.newSignal.href({ categorie, wijk, check: checkId });
}

/**
 * An age as typed: whole years, 0 to 120. Empty means "not said" (undefined), text or a fraction
 * gets the schema's message, so it is shown at the field and never stored.
 */
export function parseAgeInput(
  raw: string,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const s = raw.trim();
  if (s === '') return { ok: true, value: undefined };
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return { ok: false, message: MSG.number };
  const parsed = ageSchema.safeParse(Number(s.replace(',', '.')));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? MSG.age };
}

export interface CheckOutcome {
  peildatum: string;
  rules: PublishedRulesVersion;
  outcomes: RegelingOutcome[];
  summary: CheckSummary;
}

/**
 * The engine on this check's answers, with one rules version on one peildatum (the caller
 * chooses both: see use-outcome-basis.ts).
 */
export function computeOutcome(
  answers: CheckAnswers,
  peildatum: string,
  rules: PublishedRulesVersion,
): CheckOutcome {
  const outcomes = evaluateRegelingen(
    answersToHousehold(answers),
    rules.version.rules,
    rules.version.norms,
    peildatum,
  );
  return { peildatum, rules, outcomes, summary: summariseCheck(answers, outcomes) };
}

/** The same outcome with the rules' names, steps, documents and labels in the overlay's language. */
export function localiseCheckOutcome(
  result: CheckOutcome,
  overlay: CatalogueOverlay | undefined,
): CheckOutcome {
  if (!overlay) return result;
  const rules = result.rules.version.rules.rules;
  const local = (o: RegelingOutcome) =>
    localiseOutcome(
      o,
      overlay,
      rules.find((r) => r.regeling === o.regeling),
    );
  return {
    ...result,
    outcomes: result.outcomes.map(local),
    summary: {
      ...result.summary,
      regelingenToApply: result.summary.regelingenToApply.map(local),
      fundamenten: result.summary.fundamenten.map((f) => ({
        ...f,
        regelingen: f.regelingen.map(local),
      })),
    },
  };
}
