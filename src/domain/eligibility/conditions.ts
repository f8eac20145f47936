import type { HouseholdField } from './household-schema';
import type { Condition, SimpleCondition } from './rule-schema';
import type { ConditionResult, SimpleResult, Threshold } from './outcome-schema';
import type { Context } from './context';
import { effectiveUitkering } from './household-facts';
import { HOUSING_WORDS, INCOME_WORDS, INSURANCE_WORDS, orList, unique } from './format';
import { NOT_ANSWERED, failOrMaybe, result } from './condition-result';
import { evalCapacity, evalIncome, evalSavings } from './condition-money';

/**
 * One evaluator per condition kind, and the rule that keeps "geen recht" honest: a condition that
 * is not met but is not confirmed by a source becomes "misschien" (uncertainFail), never "geen recht".
 */

const YES_NO_FIELD: Record<Extract<SimpleCondition, { kind: 'yes-no' }>['field'], HouseholdField> =
  {
    hasDebts: 'debts',
    hasArrears: 'debts',
    usesKinderopvang: 'kinderopvang',
    hasSpecialCosts: 'special-costs',
    energyWorries: 'energy-worries',
    moneyWorries: 'money-worries',
    lowIncomeLongTerm: 'low-income-long-term',
    illnessLimitsWork: 'illness',
    aowIncomplete: 'aow-incomplete',
  };

function yesNoText(v: boolean | undefined): string {
  return v === undefined ? NOT_ANSWERED : v ? 'Ja' : 'Nee';
}

function evalChildren(
  ctx: Context,
  c: SimpleCondition,
  minAge: number,
  maxAge: number,
): SimpleResult {
  const members = ctx.household.members;
  const threshold: Threshold = {
    text:
      maxAge >= 120
        ? 'Een kind in het huishouden'
        : `Een kind van ${minAge} tot en met ${maxAge} jaar`,
  };
  if (members === undefined)
    return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
  const kids = members.filter((m) => m.role === 'kind');
  const ages = kids.map((k) => (k.age === undefined ? 'leeftijd onbekend' : `${k.age} jaar`));
  const valueText = kids.length === 0 ? 'Geen kinderen' : `Kinderen: ${ages.join(', ')}`;
  if (kids.some((k) => k.age !== undefined && k.age >= minAge && k.age <= maxAge)) {
    return result(c, 'pass', valueText, { value: ages, threshold });
  }
  if (kids.some((k) => k.age === undefined)) {
    return result(c, 'unknown', valueText, { value: ages, threshold, missing: ['member-ages'] });
  }
  return result(c, 'fail', valueText, { value: ages, threshold });
}

function evalSimple(ctx: Context, c: SimpleCondition): SimpleResult {
  const h = ctx.household;
  switch (c.kind) {
    case 'gemeente-in': {
      const threshold: Threshold = { text: `Wonen in ${orList(c.gemeenten)}` };
      if (h.gemeente === undefined) {
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['gemeente'] });
      }
      const wanted = c.gemeenten.map((g) => g.trim().toLowerCase());
      const ok = wanted.includes(h.gemeente.trim().toLowerCase());
      return result(c, ok ? 'pass' : 'fail', h.gemeente, {
        value: h.gemeente,
        threshold,
        notes: ok
          ? []
          : [
              'Deze regeling is van Dordrecht. Woont u ergens anders? Vraag het bij uw eigen gemeente.',
            ],
      });
    }
    case 'income-pct-of-norm':
      return evalIncome(ctx, c);
    case 'betalingscapaciteit':
      return evalCapacity(ctx, c);
    case 'savings-max':
      return evalSavings(ctx, c);
    case 'children-age-in-range':
      return evalChildren(ctx, c, c.minAge, c.maxAge);
    case 'has-children':
      return evalChildren(ctx, c, 0, 17);
    case 'housing-in': {
      const threshold: Threshold = { text: orList(c.housing.map((x) => HOUSING_WORDS[x])) };
      if (h.housing === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['housing'] });
      const words = HOUSING_WORDS[h.housing];
      if (c.housing.includes(h.housing))
        return result(c, 'pass', words, { value: h.housing, threshold });
      if (c.maybe.includes(h.housing)) {
        return result(c, 'unknown', words, {
          value: h.housing,
          threshold,
          softFail: true,
          notes: [
            'Bij deze woonsituatie hangt het af van de afspraken; vraag het na bij de aanvraag.',
          ],
        });
      }
      return result(c, 'fail', words, { value: h.housing, threshold });
    }
    case 'rent-between': {
      const rent = h.rentMonthly;
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`minstens € ${c.min}`);
      if (c.max === null) parts.push('maximum nog niet bekend');
      else if (c.max !== undefined) parts.push(`hoogstens € ${c.max}`);
      const threshold: Threshold = { text: `Huur per maand: ${parts.join(', ') || 'geen grens'}` };
      if (rent === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['rent'] });
      const valueText = `€ ${rent} per maand`;
      if (c.min !== undefined && rent < c.min)
        return result(c, 'fail', valueText, { value: rent, threshold });
      if (c.max === null)
        return result(c, 'unknown', valueText, { value: rent, threshold, thresholdUnknown: true });
      if (c.max !== undefined && rent > c.max)
        return result(c, 'fail', valueText, { value: rent, threshold });
      return result(c, 'pass', valueText, { value: rent, threshold });
    }
    case 'uitkering-in': {
      const { set, known } = effectiveUitkering(h);
      const list = [...set];
      const threshold: Threshold = { text: orList(c.uitkering.map((u) => INCOME_WORDS[u])) };
      const valueText =
        list.length > 0
          ? list.map((u) => INCOME_WORDS[u]).join(', ')
          : known
            ? 'Geen uitkering'
            : NOT_ANSWERED;
      if (c.uitkering.some((u) => set.has(u)))
        return result(c, 'pass', valueText, { value: list, threshold });
      if (known) return result(c, 'fail', valueText, { value: list, threshold });
      return result(c, 'unknown', valueText, { threshold, missing: ['uitkering'] });
    }
    case 'income-type-present': {
      const threshold: Threshold = { text: orList(c.incomeTypes.map((t) => INCOME_WORDS[t])) };
      const adults = (h.members ?? []).filter(
        (m) => m.role === 'aanvrager' || m.role === 'partner',
      );
      if (adults.length === 0)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
      const has = adults.some((m) => (m.incomes ?? []).some((s) => c.incomeTypes.includes(s.type)));
      if (has) return result(c, 'pass', 'Ja', { threshold });
      if (adults.some((m) => m.incomes === undefined))
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['incomes'] });
      return result(c, failOrMaybe(c.failOutcome), 'Nee', {
        threshold,
        softFail: c.failOutcome === 'misschien',
      });
    }
    case 'debts-present': {
      const { hasDebts, hasArrears } = h;
      const valueText = `Schulden: ${yesNoText(hasDebts).toLowerCase()}; achterstanden: ${yesNoText(hasArrears).toLowerCase()}`;
      if (hasDebts === true || hasArrears === true)
        return result(c, 'pass', valueText, { value: true });
      if (hasDebts === false && hasArrears === false)
        return result(c, 'fail', valueText, { value: false });
      return result(c, 'unknown', valueText, { missing: ['debts'] });
    }
    case 'yes-no': {
      const v = h[c.field];
      if (v === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { missing: [YES_NO_FIELD[c.field]] });
      return result(c, v === c.equals ? 'pass' : failOrMaybe(c.failOutcome), yesNoText(v), {
        value: v,
        softFail: v !== c.equals && c.failOutcome === 'misschien',
      });
    }
    case 'age-between': {
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`${c.min} jaar of ouder`);
      if (c.max !== undefined) parts.push(`${c.max} jaar of jonger`);
      const threshold: Threshold = { text: parts.join(' en ') || 'elke leeftijd' };
      const roles = c.who === 'aanvrager' ? ['aanvrager'] : ['aanvrager', 'partner'];
      const people = (h.members ?? []).filter((m) => roles.includes(m.role));
      if (!people.some((m) => m.role === 'aanvrager'))
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
      const inRange = (age: number) =>
        (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
      const ages = people.map((m) => m.age);
      const valueText = ages
        .map((a) => (a === undefined ? 'leeftijd onbekend' : `${a} jaar`))
        .join(' en ');
      const first = ages[0];
      const value = ages.length === 1 && first !== undefined ? { value: first } : {};
      if (ages.some((a) => a !== undefined && inRange(a)))
        return result(c, 'pass', valueText, { ...value, threshold });
      if (ages.some((a) => a === undefined))
        return result(c, 'unknown', valueText, { threshold, missing: ['member-ages'] });
      return result(c, 'fail', valueText, { ...value, threshold });
    }
    case 'insurance-in': {
      const threshold: Threshold = { text: orList(c.insurance.map((x) => INSURANCE_WORDS[x])) };
      const v = h.healthInsurance;
      if (v === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['health-insurance'] });
      const ok = c.insurance.includes(v);
      return result(c, ok ? 'pass' : failOrMaybe(c.failOutcome), INSURANCE_WORDS[v], {
        value: v,
        threshold,
        softFail: !ok && c.failOutcome === 'misschien',
      });
    }
    case 'works-or-studies': {
      const threshold: Threshold = { text: orList(c.incomeTypes.map((t) => INCOME_WORDS[t])) };
      if (h.members?.some((m) => m.role === 'aanvrager') !== true) {
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
      }
      const adults = h.members.filter((m) => m.role === 'aanvrager' || m.role === 'partner');
      const states = adults.map((m) =>
        m.incomes === undefined ? undefined : m.incomes.some((s) => c.incomeTypes.includes(s.type)),
      );
      const who = adults.length > 1 ? ['aanvrager', 'partner'] : ['aanvrager'];
      const valueText = states
        .map((s, i) => `${who[i] ?? ''}: ${s === undefined ? 'onbekend' : s ? 'ja' : 'nee'}`)
        .join(', ');
      if (states.some((s) => s === false)) return result(c, 'fail', valueText, { threshold });
      if (states.some((s) => s === undefined))
        return result(c, 'unknown', valueText, { threshold, missing: ['incomes'] });
      return result(c, 'pass', valueText, { threshold });
    }
    case 'ask':
      return result(c, 'unknown', 'Vraag dit na', { thresholdUnknown: true });
  }
}

/** A fail that rests on an unconfirmed condition, norm or limit says "misschien" instead. */
function guardUnconfirmedFail<R extends SimpleResult>(r: R): R {
  if (r.status !== 'fail' || !r.unconfirmed) return r;
  return {
    ...r,
    status: 'unknown',
    softFail: true,
    uncertainFail: true,
    notes: [...r.notes, 'Deze voorwaarde is niet zeker genoeg bekend om "geen recht" te zeggen.'],
  };
}

export function evalCondition(ctx: Context, c: Condition): ConditionResult {
  if (c.kind !== 'any-of') return guardUnconfirmedFail(evalSimple(ctx, c));
  const children = c.conditions.map((child) => guardUnconfirmedFail(evalSimple(ctx, child)));
  const status = children.some((r) => r.status === 'pass')
    ? 'pass'
    : children.every((r) => r.status === 'fail')
      ? 'fail'
      : 'unknown';
  const unknowns = children.filter((r) => r.status === 'unknown');
  const combined: ConditionResult = {
    ...result(c, status, children.map((r) => `${r.label}: ${r.valueText}`).join(' · ')),
    missing: status === 'unknown' ? unique(unknowns.flatMap((r) => r.missing)) : [],
    thresholdUnknown: status === 'unknown' && unknowns.some((r) => r.thresholdUnknown),
    softFail: status === 'unknown' && unknowns.some((r) => r.softFail),
    unconfirmed: !c.confirmed || children.some((r) => r.unconfirmed),
    children,
  };
  // The group's own "confirmed" covers the combination; a fail of confirmed alternatives stands.
  return !c.confirmed ? guardUnconfirmedFail(combined) : combined;
}
