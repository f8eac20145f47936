import { z } from 'zod';
import type { Regeling } from './schema';
import type { ConditionResult, RegelingOutcome } from '../eligibility/evaluate';

/**
 * The resident-facing texts of the catalogue and the eligibility rules in another language, kept
 * apart from the Dutch data (which stays the one source with its citations) and keyed by id.
 * Regeling names stay Dutch where that is what a resident asks for at the counter; the overlay adds
 * a short explanation of the name instead. Texts not in the overlay stay Dutch, so nothing vanishes.
 */
const text = z.string().min(1);

export const regelingOverlaySchema = z
  .object({
    nameExplanation: text,
    summary: text,
    forWhom: text,
    accessPoint: text.optional(),
    howToApply: z.array(text),
    documents: z.array(text),
  })
  .strict();

export const ruleOverlaySchema = z
  .object({
    name: text,
    howToApply: z.array(text),
    documents: z.array(text),
    knownAmounts: z.array(text),
  })
  .strict();

export const catalogueOverlaySchema = z
  .object({
    regelingen: z.record(z.string(), regelingOverlaySchema),
    rules: z.record(z.string(), ruleOverlaySchema),
    /** Condition labels of the rules, keyed by the Dutch label (conditions carry no id). */
    conditionLabels: z.record(z.string(), text),
  })
  .strict();

export type CatalogueOverlay = z.infer<typeof catalogueOverlaySchema>;
export type RegelingOverlay = z.infer<typeof regelingOverlaySchema>;

/** A regeling with its texts in the overlay's language, plus the explanation of its Dutch name. */
export function localiseRegeling(
  regeling: Regeling,
  overlay: CatalogueOverlay | undefined,
): Regeling & { nameExplanation?: string } {
  const texts = overlay?.regelingen[regeling.id];
  if (!texts) return regeling;
  return {
    ...regeling,
    summary: texts.summary,
    forWhom: texts.forWhom,
    ...(texts.accessPoint === undefined ? {} : { accessPoint: texts.accessPoint }),
    howToApply: texts.howToApply,
    documents: texts.documents,
    nameExplanation: texts.nameExplanation,
  };
}

function localiseCondition<T extends Omit<ConditionResult, 'children'>>(
  condition: T,
  labels: Record<string, string>,
): T {
  return { ...condition, label: labels[condition.label] ?? condition.label };
}

/** An outcome of the check with the rule's name, steps, documents and labels translated. */
export function localiseOutcome(
  outcome: RegelingOutcome,
  overlay: CatalogueOverlay | undefined,
): RegelingOutcome {
  if (!overlay) return outcome;
  const texts = overlay.rules[outcome.regeling];
  // A translation written for other Dutch steps would tell the resident the wrong thing: when the
  // rules changed and the overlay was not updated, the Dutch stays.
  const rule =
    texts &&
    texts.howToApply.length === outcome.howToApply.length &&
    texts.documents.length === outcome.documents.length &&
    texts.knownAmounts.length === outcome.knownAmounts.length
      ? texts
      : undefined;
  const labels = overlay.conditionLabels;
  return {
    ...outcome,
    ...(rule
      ? {
          name: rule.name,
          howToApply: rule.howToApply,
          documents: rule.documents,
          knownAmounts: outcome.knownAmounts.map((a, i) => ({
            ...a,
            label: rule.knownAmounts[i] ?? a.label,
          })),
        }
      : {}),
    reasons: outcome.reasons.map((r) => ({
      ...localiseCondition(r, labels),
      ...(r.children ? { children: r.children.map((c) => localiseCondition(c, labels)) } : {}),
    })),
    unknownThresholds: outcome.unknownThresholds.map((l) => labels[l] ?? l),
  };
}
