import type { HouseholdField } from './household-schema';
import type { Rule } from './rule-schema';
import type { ConditionResult, OutcomeStatus, RegelingOutcome } from './outcome-schema';
import { incomeFor, type Context } from './context';
import { evalCondition } from './conditions';
import { andList, formatEuro, unique } from './format';

/**
 * From condition results to one outcome row: the verdict, one plain sentence why, the points still
 * open (each once), the next step and an estimated amount per year where the sources give one.
 */

const FIELD_WORDS: Record<HouseholdField, string> = {
  members: 'wie er in het huishouden wonen',
  'member-ages': 'de leeftijden',
  incomes: 'het inkomen',
  savings: 'het spaargeld',
  housing: 'de woonsituatie',
  rent: 'de woonlasten',
  uitkering: 'de uitkering',
  gemeente: 'de woonplaats',
  debts: 'de schulden',
  'health-insurance': 'de zorgverzekering',
  kinderopvang: 'de kinderopvang',
  'special-costs': 'de bijzondere kosten',
  'energy-worries': 'zorgen over de energierekening',
  'money-worries': 'rondkomen',
  car: 'de waarde van de auto',
  vakantiegeld: 'of er vakantiegeld in het inkomen zit',
  'low-income-long-term': 'hoe lang het inkomen al laag is',
  illness: 'ziekte of beperking',
  'aow-incomplete': 'of de AOW volledig is',
};

/** "label." without doubling a closing mark ("…aangifte?." → "…aangifte?"). */
function closed(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function flat(reasons: ConditionResult[]): ConditionResult[] {
  return reasons.flatMap((r) => [r, ...(r.children ?? [])]);
}

function knownAmountsFor(rule: Rule, ctx: Context) {
  const kids = (ctx.household.members ?? []).filter((m) => m.role === 'kind');
  let total = 0;
  let counted = false;
  const parts: string[] = [];
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
          ? `${a.label}: ${formatEuro(Math.round(yearly * 100))} per jaar`
          : `${a.label}: ${formatEuro(a.amount * 100)} × ${count} ${count === 1 ? 'kind' : 'kinderen'}`,
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
function gapToNorm(rule: Rule, ctx: Context): { yearly: number; text: string } | undefined {
  if (rule.estimate === undefined || ctx.norm.kind !== 'known') return undefined;
  const def = ctx.incomeDefinitions.get(rule.estimate.incomeDefinition);
  if (def === undefined) return undefined;
  const income = incomeFor(ctx, def);
  if (income.highCents === null) return undefined;
  const gap = ctx.norm.lowCents - income.highCents;
  if (gap <= 0) return undefined;
  return {
    yearly: Math.round(gap * 12) / 100,
    text: `${rule.estimate.label}: ongeveer ${formatEuro(gap)} per maand`,
  };
}

function sentence(r: ConditionResult, verdict: string): string {
  const grens = r.threshold === undefined ? '' : `; grens: ${r.threshold.text}`;
  return `${r.label}: ${verdict} (${r.valueText}${grens}).`;
}

function summaryFor(status: OutcomeStatus, reasons: ConditionResult[]): string {
  if (status === 'geen-recht') {
    const failed = reasons.find((r) => r.status === 'fail');
    return failed === undefined ? 'Geen recht.' : sentence(failed, 'nee');
  }
  if (status === 'misschien') {
    const open = reasons.find((r) => r.status === 'unknown');
    return open === undefined ? 'Nog niet zeker.' : sentence(open, 'nog niet zeker');
  }
  const passed = reasons
    .flatMap((r) => [r, ...(r.children ?? [])])
    .filter((r) => r.status === 'pass' && r.threshold?.euro !== undefined);
  const money = passed.find((r) => r.kind === 'income-pct-of-norm') ?? passed[0];
  return money === undefined ? 'Voldoet aan de voorwaarden die we kennen.' : sentence(money, 'ja');
}

function openPointsFor(
  reasons: ConditionResult[],
  all: ConditionResult[],
  missing: HouseholdField[],
): string[] {
  const points: string[] = [];
  if (missing.length > 0)
    points.push(`Nog in te vullen: ${andList(missing.map((f) => FIELD_WORDS[f]))}.`);
  const inGroup = new Set(reasons.flatMap((r) => r.children ?? []));
  for (const r of reasons) {
    const open = (r.children ?? []).filter((ch) => ch.status === 'unknown');
    if (
      r.status === 'unknown' &&
      open.length > 0 &&
      open.every((ch) => ch.uncertainFail === true)
    ) {
      points.push(`Waarschijnlijk niet, maar niet zeker: ${r.label}.`);
    }
  }
  for (const r of all) {
    if (r.status !== 'unknown' || r.children !== undefined) continue;
    // An unsure "no" of one alternative says nothing while another alternative is still open.
    if (r.uncertainFail === true && inGroup.has(r)) continue;
    if (r.thresholdUnknown)
      points.push(
        closed(`Nog niet bekend: ${r.label.replace(/\s*\(grens nog niet in de gegevens\)/, '')}`),
      );
    else if (r.uncertainFail === true)
      points.push(closed(`Waarschijnlijk niet, maar niet zeker: ${r.label}`));
    else if (r.softFail) points.push(r.notes[r.notes.length - 1] ?? `Niet zeker: ${r.label}.`);
    else if (r.missing.length === 0) {
      const before = points.length;
      for (const n of r.notes) points.push(n);
      if (r.outdated !== undefined) points.push(r.outdated);
      if (points.length === before) points.push(`Nog niet zeker: ${r.label}.`);
    }
  }
  return unique(points);
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
  const unconfirmedReasons: string[] = [];
  if (!rule.confirmed)
    unconfirmedReasons.push('Deze regel is nog niet bevestigd door een actuele bron.');
  const shaky = all.filter(
    (r) => r.unconfirmed && r.children === undefined && r.outdated === undefined,
  );
  if (shaky.length > 0) {
    unconfirmedReasons.push(
      `Nog niet zeker uit een actuele bron: ${andList(unique(shaky.map((r) => r.label.toLowerCase())))}.`,
    );
  }
  for (const r of all) if (r.outdated !== undefined) unconfirmedReasons.push(r.outdated);
  const peildatumYear = Number(ctx.peildatum.slice(0, 4));
  if (ctx.peildatumValid && peildatumYear !== rulesYear) {
    unconfirmedReasons.push(
      `De regels zijn voor ${rulesYear}; de peildatum valt in ${peildatumYear}.`,
    );
  }
  const receives = ctx.household.receives ?? [];
  const alreadyReceiving =
    receives.includes(rule.regeling) ||
    ctx.incomeTypes.has(rule.regeling) ||
    rule.receivedAsIncome.some((t) => ctx.incomeTypes.has(t));
  const amounts = knownAmountsFor(rule, ctx);
  const gap = status === 'geen-recht' ? undefined : gapToNorm(rule, ctx);
  const yearly =
    amounts.total === undefined && gap === undefined
      ? undefined
      : (amounts.total ?? 0) + (gap?.yearly ?? 0);
  const estimateParts = [...amounts.parts, ...(gap === undefined ? [] : [gap.text])];
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
    unconfirmed: unconfirmedReasons.length > 0,
    unconfirmedReasons: unique(unconfirmedReasons),
    knownAmounts: amounts.knownAmounts,
    ...(yearly === undefined ? {} : { estimatedYearlyValue: Math.round(yearly * 100) / 100 }),
    alreadyReceiving,
    priority: rule.impact.priority,
    howToApply: rule.howToApply,
    documents: rule.documents,
    notes: rule.notes,
    peildatum: ctx.peildatum,
    summary: summaryFor(status, reasons),
    openPoints: status === 'geen-recht' ? [] : openPointsFor(reasons, all, missing),
    ...(nextStep === undefined ? {} : { nextStep }),
    ...(estimateParts.length === 0 ? {} : { estimateText: estimateParts.join(' + ') }),
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
