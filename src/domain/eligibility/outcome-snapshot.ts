import { z } from 'zod';
import { outcomeStatusSchema, type ConditionResult, type RegelingOutcome } from './evaluate';
import type { ReasonMessage } from './reason-message';

/**
 * What an outcome said, kept with a completed check: the rules version and peildatum it was
 * computed with and, per regeling, the verdict and the income threshold in euro. Reopened later,
 * the check shows what it was based on, and a recomputation with today's rules can say exactly
 * which verdicts and thresholds moved, even on a device that never held the old rules.
 */

const isoDate = z.iso.date();

export const verdictSnapshotSchema = z
  .object({
    regeling: z.string().min(1),
    name: z.string().min(1),
    status: outcomeStatusSchema,
    /** The income limit in euro per month for this household, with the norm date it rests on. */
    threshold: z
      .object({
        euro: z.number(),
        pct: z.number().optional(),
        normValidFrom: z.string().optional(),
      })
      .strict()
      .optional(),
    amountPerYear: z.number().optional(),
  })
  .strict();
export type VerdictSnapshot = z.infer<typeof verdictSnapshotSchema>;

export const computedWithSchema = z
  .object({
    rulesVersionId: z.string().min(1),
    rulesVersionLabel: z.string().min(1),
    peildatum: isoDate,
    verdicts: z.array(verdictSnapshotSchema),
  })
  .strict();
export type ComputedWith = z.infer<typeof computedWithSchema>;

/** The first income-limit reason with a euro amount: the threshold a resident's verdict hinges on. */
export function incomeThresholdOf(outcome: RegelingOutcome): ConditionResult['threshold'] {
  for (const reason of outcome.reasons) {
    for (const r of [reason, ...(reason.children ?? [])]) {
      if (r.kind === 'income-pct-of-norm' && r.threshold?.euro !== undefined) return r.threshold;
    }
  }
  return undefined;
}

/** The yearly amount an outcome brings for this household, where the sources give one. */
export function amountPerYearOf(outcome: RegelingOutcome): number | undefined {
  const value = outcome.estimatedYearlyValue;
  return value !== undefined && value > 0 ? value : undefined;
}

/** The one next step: the engine's plain sentence, else the first way to apply. */
export function nextStepOf(outcome: RegelingOutcome): string | undefined {
  return outcome.nextStep ?? outcome.howToApply[0];
}

export function snapshotOutcomes(outcomes: readonly RegelingOutcome[]): VerdictSnapshot[] {
  return outcomes.map((o) => {
    const t = incomeThresholdOf(o);
    const amount = amountPerYearOf(o);
    return {
      regeling: o.regeling,
      name: o.name,
      status: o.status,
      ...(t?.euro === undefined
        ? {}
        : {
            threshold: {
              euro: t.euro,
              ...(t.pct === undefined ? {} : { pct: t.pct }),
              ...(t.normValidFrom === undefined ? {} : { normValidFrom: t.normValidFrom }),
            },
          }),
      ...(amount === undefined ? {} : { amountPerYear: amount }),
    };
  });
}

export interface VerdictChange {
  regeling: string;
  name: string;
  before: VerdictSnapshot | undefined;
  after: VerdictSnapshot | undefined;
  verdictChanged: boolean;
  thresholdChanged: boolean;
}

/** Per regeling, old against new; a regeling only one side knows counts as changed. */
export function compareVerdicts(
  before: readonly VerdictSnapshot[],
  after: readonly VerdictSnapshot[],
): VerdictChange[] {
  const old = new Map(before.map((v) => [v.regeling, v]));
  const next = new Map(after.map((v) => [v.regeling, v]));
  const ids = [...new Set([...after.map((v) => v.regeling), ...before.map((v) => v.regeling)])];
  return ids.map((id) => {
    const a = old.get(id);
    const b = next.get(id);
    return {
      regeling: id,
      name: (b ?? a)?.name ?? id,
      before: a,
      after: b,
      verdictChanged: a?.status !== b?.status,
      thresholdChanged:
        a?.threshold?.euro !== b?.threshold?.euro ||
        a?.threshold?.normValidFrom !== b?.threshold?.normValidFrom,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The first screen a worker goes through with a resident.

export interface OutcomeGroups {
  /** Waarschijnlijk recht and misschien, not yet received: one row each. */
  rows: RegelingOutcome[];
  noRight: RegelingOutcome[];
  received: RegelingOutcome[];
}

const ROW_STATUS_RANK = { 'waarschijnlijk-recht': 0, misschien: 1, 'geen-recht': 2 } as const;

/**
 * Likely rights before maybes; within each, what it brings per year (where known) first, then
 * the editors' impact estimate, so a regeling without a known amount (huurtoeslag) is not pushed
 * under a small fund only because the sources give the fund's amount.
 */
export function groupOutcomes(outcomes: readonly RegelingOutcome[]): OutcomeGroups {
  const received = outcomes.filter((o) => o.alreadyReceiving);
  const noRight = outcomes.filter((o) => !o.alreadyReceiving && o.status === 'geen-recht');
  const rows = outcomes
    .filter((o) => !o.alreadyReceiving && o.status !== 'geen-recht')
    .sort(
      (a, b) =>
        ROW_STATUS_RANK[a.status] - ROW_STATUS_RANK[b.status] ||
        (amountPerYearOf(b) ?? -1) - (amountPerYearOf(a) ?? -1) ||
        b.priority - a.priority ||
        a.name.localeCompare(b.name),
    );
  return { rows, noRight, received };
}

/** Each note that a norm used may be outdated on the peildatum, once for the whole outcome. */
export function outdatedNormNotes(outcomes: readonly RegelingOutcome[]): ReasonMessage[] {
  const notes = new Map<string, ReasonMessage>();
  for (const o of outcomes)
    for (const r of o.reasons.flatMap((r) => [r, ...(r.children ?? [])]))
      if (r.outdatedMsg !== undefined) notes.set(JSON.stringify(r.outdatedMsg), r.outdatedMsg);
  return [...notes.values()];
}
