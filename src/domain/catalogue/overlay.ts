import { z } from 'zod';
import type { Regeling } from './schema';
import type { ConditionResult, RegelingOutcome } from '../eligibility/evaluate';
import type { ReasonMessage } from '../eligibility/reason-message';
import { householdFieldSchema } from '../eligibility/household-schema';
import type { Rule } from '../eligibility/rule-schema';

/**
 * The resident-facing texts of the catalogue and the eligibility rules in another language, kept
 * apart from the Dutch data (which stays the one source with its citations) and keyed by id.
 * Regeling names stay Dutch where that is what a resident asks for at the counter; the overlay adds
 * a short explanation of the name instead. Texts not in the overlay stay Dutch, so nothing vanishes.
 */
const text = z.string().min(1);

/**
 * A regeling's texts. Only the summary is required (the list shows it); a field left out, or a list
 * whose length no longer matches the Dutch one, stays Dutch and is marked as Dutch on screen.
 */
export const regelingOverlaySchema = z
  .object({
    nameExplanation: text.optional(),
    summary: text,
    forWhom: text.optional(),
    accessPoint: text.optional(),
    howToApply: z.array(text).optional(),
    documents: z.array(text).optional(),
    conditions: z.array(text).optional(),
    eligibilityNote: text.optional(),
  })
  .strict();

/** A wijk's own texts; stat labels, units and place kinds repeat across wijken, so they are keyed by the Dutch. */
export const wijkOverlaySchema = z
  .object({
    summary: text,
    facts: z.array(text),
    placeDescriptions: z.array(z.string()),
  })
  .strict();

export const ruleOverlaySchema = z
  .object({
    name: text,
    howToApply: z.array(text),
    documents: z.array(text),
    knownAmounts: z.array(text),
    /** The rule's own next step (its `nextStep`), shown in the outcome's row. */
    nextStep: text.optional(),
  })
  .strict();

/** The sentences the engine writes itself, and the words for each household field it asks about. */
const outcomeTextsSchema = z
  .object({
    alreadyReceiving: text,
    /** "{{fields}}" is the list of fields still to fill in. */
    fillFirst: text.regex(/\{\{fields\}\}/),
    fields: z.record(householdFieldSchema, text),
  })
  .strict();

export const catalogueOverlaySchema = z
  .object({
    /** BCP 47 code of the overlay's language: lists ("a, b and c") are joined in it. */
    language: z.enum(['en', 'ar']),
    outcomeTexts: outcomeTextsSchema,
    regelingen: z.record(z.string(), regelingOverlaySchema),
    fundamenten: z.record(z.string(), z.object({ summary: text }).strict()),
    organisations: z.record(z.string(), z.object({ summary: text }).strict()),
    wijken: z.record(z.string(), wijkOverlaySchema),
    /** Keyed by the Dutch text: the same label, unit or kind appears in many wijken. */
    statLabels: z.record(z.string(), text),
    statUnits: z.record(z.string(), text),
    placeKinds: z.record(z.string(), text),
    rules: z.record(z.string(), ruleOverlaySchema),
    /** Condition labels of the rules, keyed by the Dutch label (conditions carry no id). */
    conditionLabels: z.record(z.string(), text),
    /**
     * The editors' notes the engine passes on (rule and condition notes, norm and limit notes,
     * vakantiegeld labels, estimate labels), keyed by the Dutch text as the labels are.
     */
    dataTexts: z.record(z.string(), text),
  })
  .strict();

export type CatalogueOverlay = z.infer<typeof catalogueOverlaySchema>;
export type RegelingOverlay = z.infer<typeof regelingOverlaySchema>;
export type RuleOverlay = z.infer<typeof ruleOverlaySchema>;

/** Which of a regeling's texts are in the overlay's language; the others are Dutch. */
export type RegelingTranslated = Record<
  | 'summary'
  | 'forWhom'
  | 'accessPoint'
  | 'howToApply'
  | 'documents'
  | 'conditions'
  | 'eligibilityNote',
  boolean
>;

/** A list in translation, or undefined when its length no longer matches the Dutch (stale). */
function sameLength(translated: string[] | undefined, dutch: readonly unknown[]) {
  return translated && translated.length === dutch.length ? translated : undefined;
}

/** A regeling with its texts in the overlay's language, plus the explanation of its Dutch name. */
export function localiseRegeling(
  regeling: Regeling,
  overlay: CatalogueOverlay | undefined,
): Regeling & { nameExplanation?: string; translated: RegelingTranslated } {
  const texts = overlay?.regelingen[regeling.id];
  const howToApply = sameLength(texts?.howToApply, regeling.howToApply);
  const documents = sameLength(texts?.documents, regeling.documents);
  const conditions = sameLength(texts?.conditions, regeling.conditions);
  const translated: RegelingTranslated = {
    summary: texts !== undefined,
    forWhom: texts?.forWhom !== undefined,
    accessPoint: texts?.accessPoint !== undefined,
    howToApply: howToApply !== undefined || regeling.howToApply.length === 0,
    documents: documents !== undefined || regeling.documents.length === 0,
    conditions: conditions !== undefined || regeling.conditions.length === 0,
    eligibilityNote: texts?.eligibilityNote !== undefined,
  };
  if (!texts) return { ...regeling, translated };
  return {
    ...regeling,
    summary: texts.summary,
    ...(texts.forWhom === undefined ? {} : { forWhom: texts.forWhom }),
    ...(texts.accessPoint === undefined ? {} : { accessPoint: texts.accessPoint }),
    ...(howToApply ? { howToApply } : {}),
    ...(documents ? { documents } : {}),
    ...(conditions ? { conditions } : {}),
    ...(texts.eligibilityNote === undefined ? {} : { eligibilityNote: texts.eligibilityNote }),
    ...(texts.nameExplanation === undefined ? {} : { nameExplanation: texts.nameExplanation }),
    translated,
  };
}

/** How the Dutch texts inside the engine's messages are looked up in the overlay. */
interface MessageWords {
  label(dutch: string): string;
  data(dutch: string): string;
  amount(dutch: string): string;
}

/**
 * The Dutch texts a message carries (condition labels, editors' notes, amount labels) in the
 * overlay's language; codes and figures stay as they are, the screen words them.
 */
export function localiseMessage(msg: ReasonMessage, words: MessageWords): ReasonMessage {
  switch (msg.code) {
    case 'data-text':
      return { ...msg, text: words.data(msg.text) };
    case 'vakantiegeld-added':
    case 'vakantiegeld-unknown':
      return { ...msg, label: words.data(msg.label) };
    case 'stale-newer':
      return msg.pending === undefined ? msg : { ...msg, pending: words.data(msg.pending) };
    case 'probably-not':
    case 'not-known-yet':
    case 'not-sure':
    case 'still-not-sure':
      return { ...msg, label: words.label(msg.label) };
    case 'not-from-source':
      return { ...msg, labels: msg.labels.map((l) => words.label(l)) };
    case 'estimate-year':
    case 'estimate-children':
      return { ...msg, label: words.amount(msg.label) };
    case 'estimate-gap':
      return { ...msg, label: words.data(msg.label) };
    default:
      return msg;
  }
}

function localiseCondition<T extends Omit<ConditionResult, 'children'>>(
  condition: T,
  labels: Record<string, string>,
  words: MessageWords,
): T {
  const local = (m: ReasonMessage) => localiseMessage(m, words);
  return {
    ...condition,
    label: labels[condition.label] ?? condition.label,
    noteMsgs: condition.noteMsgs.map(local),
    ...(condition.outdatedMsg === undefined ? {} : { outdatedMsg: local(condition.outdatedMsg) }),
  };
}

/**
 * An outcome of the check with the rule's name, steps, documents, amounts, next step and labels
 * translated. `dutchRule` is the rule the outcome came from: the overlay is checked against it
 * (an outcome lists only the amounts that fit the household, so its own lists may be shorter).
 */
/**
 * A rule's translation, if it was written for these Dutch texts. One written for other Dutch
 * steps would tell the resident the wrong thing: when the rules changed and the overlay was not
 * updated, the Dutch stays.
 */
export function currentRuleTexts(
  texts: RuleOverlay,
  dutch: {
    howToApply: readonly unknown[];
    documents: readonly unknown[];
    knownAmounts: readonly unknown[];
  },
): RuleOverlay | undefined {
  return texts.howToApply.length === dutch.howToApply.length &&
    texts.documents.length === dutch.documents.length &&
    texts.knownAmounts.length === dutch.knownAmounts.length
    ? texts
    : undefined;
}

export function localiseOutcome(
  outcome: RegelingOutcome,
  overlay: CatalogueOverlay | undefined,
  dutchRule?: Pick<Rule, 'howToApply' | 'documents' | 'knownAmounts' | 'nextStep'>,
): RegelingOutcome {
  if (!overlay) return outcome;
  const texts = overlay.rules[outcome.regeling];
  const reference = dutchRule ?? {
    howToApply: outcome.howToApply,
    documents: outcome.documents,
    knownAmounts: outcome.knownAmounts,
    nextStep: undefined,
  };
  const rule = texts && currentRuleTexts(texts, reference);
  const amountLabel = (label: string, i: number): string => {
    if (!rule) return label;
    const at = dutchRule ? dutchRule.knownAmounts.findIndex((a) => a.label === label) : i;
    return rule.knownAmounts[at] ?? label;
  };
  const labels = overlay.conditionLabels;
  const data = overlay.dataTexts;
  const words: MessageWords = {
    label: (l) => labels[l] ?? l,
    data: (t) => data[t] ?? t,
    amount: (l) => {
      const i = outcome.knownAmounts.findIndex((a) => a.label === l);
      return i < 0 ? l : amountLabel(l, i);
    },
  };
  const local = (m: ReasonMessage) => localiseMessage(m, words);
  const nextStep = localNextStep(outcome, overlay, rule, dutchRule);
  return {
    ...outcome,
    ...(rule
      ? {
          name: rule.name,
          howToApply: rule.howToApply,
          documents: rule.documents,
          knownAmounts: outcome.knownAmounts.map((a, i) => ({
            ...a,
            label: amountLabel(a.label, i),
          })),
        }
      : {}),
    ...(nextStep === undefined ? {} : { nextStep }),
    reasons: outcome.reasons.map((r) => ({
      ...localiseCondition(r, labels, words),
      ...(r.children
        ? { children: r.children.map((c) => localiseCondition(c, labels, words)) }
        : {}),
    })),
    unknownThresholds: outcome.unknownThresholds.map((l) => labels[l] ?? l),
    notes: outcome.notes.map((n) => data[n] ?? n),
    unconfirmedMsgs: outcome.unconfirmedMsgs.map(local),
    ...(outcome.openPointMsgs ? { openPointMsgs: outcome.openPointMsgs.map(local) } : {}),
    ...(outcome.estimateMsgs ? { estimateMsgs: outcome.estimateMsgs.map(local) } : {}),
  };
}

/**
 * The engine's next step in the overlay's language, following the engine's own choice (see
 * assemble.ts): already received, fields still to fill in, or the rule's step. Undefined keeps
 * the engine's (Dutch) sentence, for a rule the overlay does not match.
 */
function localNextStep(
  outcome: RegelingOutcome,
  overlay: CatalogueOverlay,
  rule: CatalogueOverlay['rules'][string] | undefined,
  dutchRule: Pick<Rule, 'howToApply' | 'nextStep'> | undefined,
): string | undefined {
  if (outcome.nextStep === undefined) return undefined;
  const words = overlay.outcomeTexts;
  if (outcome.alreadyReceiving) return words.alreadyReceiving;
  if (outcome.status === 'misschien' && outcome.missing.length > 0) {
    const list = new Intl.ListFormat(overlay.language, { type: 'conjunction' }).format(
      outcome.missing.map((f) => words.fields[f]),
    );
    return words.fillFirst.replace('{{fields}}', list);
  }
  if (!rule || !dutchRule) return undefined;
  if (dutchRule.nextStep !== undefined && outcome.nextStep === dutchRule.nextStep)
    return rule.nextStep;
  if (outcome.nextStep === dutchRule.howToApply[0]) return rule.howToApply[0];
  return undefined;
}
