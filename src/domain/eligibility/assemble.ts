import type { HouseholdField } from './household-schema';
import type { Rule } from './rule-schema';
import type { ConditionResult, OutcomeStatus, RegelingOutcome } from './outcome-schema';
import { incomeFor, type Context } from './context';
import { evalCondition } from './conditions';
import { andList, unique } from './format';
import { FIELD_WORDS, dutchReason } from './dutch-reasons';
import { uniqueMsgs } from './condition-result';
import type { ReasonMessage } from './reason-message';

/**
 * From condition results to one outcome row: the verdict, one plain sentence why, the points still
 * open (each once), the next step and an estimated amount per year where the sources give one.
 */

function flat(reasons: ConditionResult[]): ConditionResult[] {
  return reasons.flatMap((r) => [r, ...(r.children ?? [])]);
}

function knownAmountsFor(rule: Rule, ctx: Context) {
  const kids = (ctx.household.members ?? []).filter((m) => m.role === 'kind');
  let total = 0;
  let counted = false;
  const parts: ReasonMessage[] = [];
  const knownAmounts: RegelingOutcome['knownAmounts'] = [];
  for (const a of rule.knownAmounts) {
    let count: number | undefined;
    let yearly: number;
    if (a.per === 'kind-per-jaar') {
      count = kids.filter(
        (k) =>
          k.age !== undefined && k.age >= (a.childMinAge ?? 0) && k.age <= (a.childMaxAge ?? 120),
      ).length;
      // An amount per child that applies to none of this household's children is not shown at all.
      if (count === 0) continue;
      yearly = a.amount * count;
    } else if (
      (a.childMinAge !== undefined || a.childMaxAge !== undefined) &&
      !kids.some(
        (k) =>
          k.age !== undefined && k.age >= (a.childMinAge ?? 0) && k.age <= (a.childMaxAge ?? 120),
      )
    ) {
      // An amount for children of an age this household does not have is not shown.
      continue;
    } else if (a.per === 'maand') {
      yearly = a.amount * 12;
    } else {
      yearly = a.amount;
    }
    if (a.countsInValue) {
      total += yearly;
      counted = true;
      parts.push(
        count === undefined
          ? { code: 'estimate-year', label: a.label, cents: Math.round(yearly * 100) }
          : { code: 'estimate-children', label: a.label, amountCents: a.amount * 100, count },
      );
    }
    knownAmounts.push({
      label: a.label,
      amount: a.amount,
      per: a.per,
      upTo: a.upTo,
      ...(count === undefined ? {} : { count }),
      confirmed: a.confirmed,
    });
  }
  return { knownAmounts, total: counted ? total : undefined, parts };
}

/** The top-up to the norm (algemene bijstand, AIO), from the lowest norm and the highest income. */
function gapToNorm(rule: Rule, ctx: Context): { yearly: number; msg: ReasonMessage } | undefined {
  if (rule.estimate === undefined || ctx.norm.kind !== 'known') return undefined;
  const def = ctx.incomeDefinitions.get(rule.estimate.incomeDefinition);
  if (def === undefined) return undefined;
  const income = incomeFor(ctx, def);
  if (income.highCents === null) return undefined;
  const gap = ctx.norm.lowCents - income.highCents;
  if (gap <= 0) return undefined;
  return {
    yearly: Math.round(gap * 12) / 100,
    msg: { code: 'estimate-gap', label: rule.estimate.label, cents: gap },
  };
}

/** The deciding condition's place in the reasons: [i] or, inside an any-of, [i, j]. */
function placeOf(reasons: ConditionResult[], target: ConditionResult): number[] {
  for (const [i, r] of reasons.entries()) {
    if (r === target) return [i];
    const j = (r.children ?? []).indexOf(target);
    if (j >= 0) return [i, j];
  }
  return [0];
}

function summaryFor(status: OutcomeStatus, reasons: ConditionResult[]): ReasonMessage {
  if (status === 'geen-recht') {
    const failed = reasons.find((r) => r.status === 'fail');
    return failed === undefined
      ? { code: 'no-right' }
      : { code: 'deciding', verdict: 'fail', at: placeOf(reasons, failed) };
  }
  if (status === 'misschien') {
    const open = reasons.find((r) => r.status === 'unknown');
    return open === undefined
      ? { code: 'not-sure-yet' }
      : { code: 'deciding', verdict: 'open', at: placeOf(reasons, open) };
  }
  const passed = reasons
    .flatMap((r) => [r, ...(r.children ?? [])])
    .filter((r) => r.status === 'pass' && r.threshold?.euro !== undefined);
  const money = passed.find((r) => r.kind === 'income-pct-of-norm') ?? passed[0];
  return money === undefined
    ? { code: 'meets-known' }
    : { code: 'deciding', verdict: 'pass', at: placeOf(reasons, money) };
}

function openPointsFor(
  reasons: ConditionResult[],
  all: ConditionResult[],
  missing: HouseholdField[],
): ReasonMessage[] {
  const points: ReasonMessage[] = [];
  if (missing.length > 0) points.push({ code: 'fill-in', fields: missing });
  const inGroup = new Set(reasons.flatMap((r) => r.children ?? []));
  for (const r of reasons) {
    const open = (r.children ?? []).filter((ch) => ch.status === 'unknown');
    if (
      r.status === 'unknown' &&
      open.length > 0 &&
      open.every((ch) => ch.uncertainFail === true)
    ) {
      points.push({ code: 'probably-not', label: r.label });
    }
  }
  for (const r of all) {
    if (r.status !== 'unknown' || r.children !== undefined) continue;
    // An unsure "no" of one alternative says nothing while another alternative is still open.
    if (r.uncertainFail === true && inGroup.has(r)) continue;
    if (r.thresholdUnknown) points.push({ code: 'not-known-yet', label: r.label });
    else if (r.uncertainFail === true) points.push({ code: 'probably-not', label: r.label });
    else if (r.softFail)
      points.push(r.noteMsgs[r.noteMsgs.length - 1] ?? { code: 'not-sure', label: r.label });
    else if (r.missing.length === 0) {
      const before = points.length;
      for (const n of r.noteMsgs) points.push(n);
      if (r.outdatedMsg !== undefined) points.push(r.outdatedMsg);
      if (points.length === before) points.push({ code: 'still-not-sure', label: r.label });
    }
  }
  return uniqueMsgs(points);
}

export function evaluateRule(ctx: Context, rule: Rule, rulesYear: number): RegelingOutcome {
  const reasons = rule.conditions.map((c) => evalCondition(ctx, c));
  const all = flat(reasons);
  const status: OutcomeStatus = reasons.some((r) => r.status === 'fail')
    ? 'geen-recht'
    : reasons.some((r) => r.status === 'unknown')
      ? 'misschien'
      : 'waarschijnlijk-recht';
  const unknowns = reasons.filter((r) => r.status === 'unknown');
  const missing = status === 'misschien' ? unique(unknowns.flatMap((r) => r.missing)) : [];
  const unknownThresholds =
    status === 'misschien'
      ? unique(
          all
            .filter((r) => r.children === undefined && r.status === 'unknown' && r.thresholdUnknown)
            .map((r) => r.label),
        )
      : [];
  const unconfirmedMsgs: ReasonMessage[] = [];
  if (!rule.confirmed) unconfirmedMsgs.push({ code: 'rule-unconfirmed' });
  const shaky = all.filter(
    (r) => r.unconfirmed && r.children === undefined && r.outdated === undefined,
  );
  if (shaky.length > 0) {
    // Each label once, however it is capitalised in different conditions.
    const seen = new Set<string>();
    const labels = shaky
      .map((r) => r.label)
      .filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
    unconfirmedMsgs.push({ code: 'not-from-source', labels });
  }
  for (const r of all) if (r.outdatedMsg !== undefined) unconfirmedMsgs.push(r.outdatedMsg);
  const peildatumYear = Number(ctx.peildatum.slice(0, 4));
  if (ctx.peildatumValid && peildatumYear !== rulesYear) {
    unconfirmedMsgs.push({ code: 'rules-year', rulesYear, peildatumYear });
  }
  const receives = ctx.household.receives ?? [];
  const alreadyReceiving =
    receives.includes(rule.regeling) ||
    ctx.incomeTypes.has(rule.regeling) ||
    rule.receivedAsIncome.some((t) => ctx.incomeTypes.has(t));
  const unconfirmed = uniqueMsgs(unconfirmedMsgs);
  const summary = summaryFor(status, reasons);
  const openPoints = status === 'geen-recht' ? [] : openPointsFor(reasons, all, missing);
  const amounts = knownAmountsFor(rule, ctx);
  const gap = status === 'geen-recht' ? undefined : gapToNorm(rule, ctx);
  const yearly =
    amounts.total === undefined && gap === undefined
      ? undefined
      : (amounts.total ?? 0) + (gap?.yearly ?? 0);
  const estimateParts = [...amounts.parts, ...(gap === undefined ? [] : [gap.msg])];
  let nextStep: string | undefined;
  if (status === 'geen-recht') nextStep = undefined;
  else if (alreadyReceiving)
    nextStep = 'U krijgt dit al. Geef veranderingen in inkomen of gezin op tijd door.';
  else if (status === 'misschien' && missing.length > 0)
    nextStep = `Vul eerst in: ${andList(missing.map((f) => FIELD_WORDS[f]))}.`;
  else nextStep = rule.nextStep ?? rule.howToApply[0];
  return {
    regeling: rule.regeling,
    name: rule.name,
    level: rule.level,
    fundament: rule.fundament,
    status,
    reasons,
    missing,
    unknownThresholds,
    unconfirmed: unconfirmed.length > 0,
    unconfirmedMsgs: unconfirmed,
    unconfirmedReasons: unconfirmed.map((m) => dutchReason(m)),
    knownAmounts: amounts.knownAmounts,
    ...(yearly === undefined ? {} : { estimatedYearlyValue: Math.round(yearly * 100) / 100 }),
    alreadyReceiving,
    priority: rule.impact.priority,
    howToApply: rule.howToApply,
    documents: rule.documents,
    notes: rule.notes,
    peildatum: ctx.peildatum,
    summaryMsg: summary,
    summary: dutchReason(summary, reasons),
    openPointMsgs: openPoints,
    openPoints: unique(openPoints.map((m) => dutchReason(m))),
    ...(nextStep === undefined ? {} : { nextStep }),
    ...(estimateParts.length === 0
      ? {}
      : {
          estimateMsgs: estimateParts,
          estimateText: estimateParts.map((m) => dutchReason(m)).join(' + '),
        }),
  };
}

const STATUS_RANK: Record<OutcomeStatus, number> = {
  'waarschijnlijk-recht': 0,
  misschien: 1,
  'geen-recht': 2,
};

/** Order for the result screen: likely rights first, what they already get last, then what it brings. */
export function compareOutcomes(a: RegelingOutcome, b: RegelingOutcome): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    Number(a.alreadyReceiving) - Number(b.alreadyReceiving) ||
    b.priority - a.priority ||
    (b.estimatedYearlyValue ?? 0) - (a.estimatedYearlyValue ?? 0) ||
    a.regeling.localeCompare(b.regeling)
  );
}
