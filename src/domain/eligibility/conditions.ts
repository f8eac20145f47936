import type { HouseholdField } from './household-schema';
import type { Condition, SimpleCondition } from './rule-schema';
import type { ConditionResult, SimpleResult } from './outcome-schema';
import type { ReasonMessage } from './reason-message';
import type { Context } from './context';
import { effectiveUitkering } from './household-facts';
import { unique } from './format';
import { dutchReason } from './dutch-reasons';
import { failOrMaybe, notAnswered, result, th } from './condition-result';
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

function evalChildren(
  ctx: Context,
  c: SimpleCondition,
  minAge: number,
  maxAge: number,
): SimpleResult {
  const members = ctx.household.members;
  const threshold = th(
    maxAge >= 120
      ? { code: 'child-in-household' }
      : { code: 'child-aged', min: minAge, max: maxAge },
  );
  if (members === undefined)
    return result(c, 'unknown', notAnswered, { threshold, missing: ['members'] });
  const kids = members.filter((m) => m.role === 'kind');
  const ages = kids.map((k) => (k.age === undefined ? 'leeftijd onbekend' : `${k.age} jaar`));
  const valueMsg: ReasonMessage = { code: 'children', ages: kids.map((k) => k.age ?? null) };
  if (kids.some((k) => k.age !== undefined && k.age >= minAge && k.age <= maxAge)) {
    return result(c, 'pass', valueMsg, { value: ages, threshold });
  }
  if (kids.some((k) => k.age === undefined)) {
    return result(c, 'unknown', valueMsg, { value: ages, threshold, missing: ['member-ages'] });
  }
  return result(c, 'fail', valueMsg, { value: ages, threshold });
}

function evalSimple(ctx: Context, c: SimpleCondition): SimpleResult {
  const h = ctx.household;
  switch (c.kind) {
    case 'gemeente-in': {
      const threshold = th({ code: 'lives-in', gemeenten: c.gemeenten });
      if (h.gemeente === undefined) {
        return result(c, 'unknown', notAnswered, { threshold, missing: ['gemeente'] });
      }
      const wanted = c.gemeenten.map((g) => g.trim().toLowerCase());
      const ok = wanted.includes(h.gemeente.trim().toLowerCase());
      return result(
        c,
        ok ? 'pass' : 'fail',
        { code: 'as-typed', text: h.gemeente },
        {
          value: h.gemeente,
          threshold,
          noteMsgs: ok ? [] : [{ code: 'other-gemeente' }],
        },
      );
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
      const threshold = th({ code: 'housing-one-of', housing: c.housing });
      if (h.housing === undefined)
        return result(c, 'unknown', notAnswered, { threshold, missing: ['housing'] });
      const words: ReasonMessage = { code: 'housing', housing: h.housing };
      if (c.housing.includes(h.housing))
        return result(c, 'pass', words, { value: h.housing, threshold });
      if (c.maybe.includes(h.housing)) {
        return result(c, 'unknown', words, {
          value: h.housing,
          threshold,
          softFail: true,
          noteMsgs: [{ code: 'housing-depends' }],
        });
      }
      return result(c, 'fail', words, { value: h.housing, threshold });
    }
    case 'rent-between': {
      const rent = h.rentMonthly;
      const threshold = th({
        code: 'rent-range',
        ...(c.min === undefined ? {} : { min: c.min }),
        ...(c.max === undefined ? {} : { max: c.max }),
      });
      if (rent === undefined)
        return result(c, 'unknown', notAnswered, { threshold, missing: ['rent'] });
      const valueMsg: ReasonMessage = { code: 'rent', euro: rent };
      if (c.min !== undefined && rent < c.min)
        return result(c, 'fail', valueMsg, { value: rent, threshold });
      if (c.max === null)
        return result(c, 'unknown', valueMsg, { value: rent, threshold, thresholdUnknown: true });
      if (c.max !== undefined && rent > c.max)
        return result(c, 'fail', valueMsg, { value: rent, threshold });
      return result(c, 'pass', valueMsg, { value: rent, threshold });
    }
    case 'uitkering-in': {
      const { set, known } = effectiveUitkering(h);
      const list = [...set];
      const threshold = th({ code: 'income-one-of', types: c.uitkering });
      const valueMsg: ReasonMessage =
        list.length > 0
          ? { code: 'income-types', types: list }
          : known
            ? { code: 'no-uitkering' }
            : notAnswered;
      if (c.uitkering.some((u) => set.has(u)))
        return result(c, 'pass', valueMsg, { value: list, threshold });
      if (known) return result(c, 'fail', valueMsg, { value: list, threshold });
      return result(c, 'unknown', valueMsg, { threshold, missing: ['uitkering'] });
    }
    case 'income-type-present': {
      const threshold = th({ code: 'income-one-of', types: c.incomeTypes });
      const adults = (h.members ?? []).filter(
        (m) => m.role === 'aanvrager' || m.role === 'partner',
      );
      if (adults.length === 0)
        return result(c, 'unknown', notAnswered, { threshold, missing: ['members'] });
      const has = adults.some((m) => (m.incomes ?? []).some((s) => c.incomeTypes.includes(s.type)));
      if (has) return result(c, 'pass', { code: 'yes-no', value: true }, { threshold });
      if (adults.some((m) => m.incomes === undefined))
        return result(c, 'unknown', notAnswered, { threshold, missing: ['incomes'] });
      return result(
        c,
        failOrMaybe(c.failOutcome),
        { code: 'yes-no', value: false },
        {
          threshold,
          softFail: c.failOutcome === 'misschien',
        },
      );
    }
    case 'debts-present': {
      const { hasDebts, hasArrears } = h;
      const valueMsg: ReasonMessage = {
        code: 'debts',
        debts: hasDebts ?? null,
        arrears: hasArrears ?? null,
      };
      if (hasDebts === true || hasArrears === true)
        return result(c, 'pass', valueMsg, { value: true });
      if (hasDebts === false && hasArrears === false)
        return result(c, 'fail', valueMsg, { value: false });
      return result(c, 'unknown', valueMsg, { missing: ['debts'] });
    }
    case 'yes-no': {
      const v = h[c.field];
      if (v === undefined)
        return result(c, 'unknown', notAnswered, { missing: [YES_NO_FIELD[c.field]] });
      return result(
        c,
        v === c.equals ? 'pass' : failOrMaybe(c.failOutcome),
        { code: 'yes-no', value: v },
        { value: v, softFail: v !== c.equals && c.failOutcome === 'misschien' },
      );
    }
    case 'age-between': {
      const threshold = th({
        code: 'age-range',
        ...(c.min === undefined ? {} : { min: c.min }),
        ...(c.max === undefined ? {} : { max: c.max }),
      });
      const roles = c.who === 'aanvrager' ? ['aanvrager'] : ['aanvrager', 'partner'];
      const people = (h.members ?? []).filter((m) => roles.includes(m.role));
      if (!people.some((m) => m.role === 'aanvrager'))
        return result(c, 'unknown', notAnswered, { threshold, missing: ['members'] });
      const inRange = (age: number) =>
        (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
      const ages = people.map((m) => m.age);
      const valueMsg: ReasonMessage = { code: 'ages', ages: ages.map((a) => a ?? null) };
      const first = ages[0];
      const value = ages.length === 1 && first !== undefined ? { value: first } : {};
      if (ages.some((a) => a !== undefined && inRange(a)))
        return result(c, 'pass', valueMsg, { ...value, threshold });
      if (ages.some((a) => a === undefined))
        return result(c, 'unknown', valueMsg, { threshold, missing: ['member-ages'] });
      return result(c, 'fail', valueMsg, { ...value, threshold });
    }
    case 'insurance-in': {
      const threshold = th({ code: 'insurance-one-of', insurance: c.insurance });
      const v = h.healthInsurance;
      if (v === undefined)
        return result(c, 'unknown', notAnswered, { threshold, missing: ['health-insurance'] });
      const ok = c.insurance.includes(v);
      return result(
        c,
        ok ? 'pass' : failOrMaybe(c.failOutcome),
        { code: 'insurance', insurance: v },
        { value: v, threshold, softFail: !ok && c.failOutcome === 'misschien' },
      );
    }
    case 'works-or-studies': {
      const threshold = th({ code: 'income-one-of', types: c.incomeTypes });
      if (h.members?.some((m) => m.role === 'aanvrager') !== true) {
        return result(c, 'unknown', notAnswered, { threshold, missing: ['members'] });
      }
      const adults = h.members.filter((m) => m.role === 'aanvrager' || m.role === 'partner');
      const states = adults.map((m) =>
        m.incomes === undefined ? undefined : m.incomes.some((s) => c.incomeTypes.includes(s.type)),
      );
      const who =
        adults.length > 1 ? (['aanvrager', 'partner'] as const) : (['aanvrager'] as const);
      const valueMsg: ReasonMessage = {
        code: 'works-or-studies',
        states: states.flatMap((s, i) => {
          const role = who[i];
          return role === undefined ? [] : [{ who: role, state: s ?? null }];
        }),
      };
      if (states.some((s) => s === false)) return result(c, 'fail', valueMsg, { threshold });
      if (states.some((s) => s === undefined))
        return result(c, 'unknown', valueMsg, { threshold, missing: ['incomes'] });
      return result(c, 'pass', valueMsg, { threshold });
    }
    case 'ask':
      return result(c, 'unknown', { code: 'ask-about-it' }, { thresholdUnknown: true });
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
    noteMsgs: [...r.noteMsgs, { code: 'uncertain-fail' }],
    notes: [...r.notes, dutchReason({ code: 'uncertain-fail' })],
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
    ...result(c, status, { code: 'see-alternatives' }),
    // The Dutch audit text keeps each alternative's value in one line.
    valueText: children.map((r) => `${r.label}: ${r.valueText}`).join(' · '),
    missing: status === 'unknown' ? unique(unknowns.flatMap((r) => r.missing)) : [],
    thresholdUnknown: status === 'unknown' && unknowns.some((r) => r.thresholdUnknown),
    softFail: status === 'unknown' && unknowns.some((r) => r.softFail),
    unconfirmed: !c.confirmed || children.some((r) => r.unconfirmed),
    children,
  };
  // The group's own "confirmed" covers the combination; a fail of confirmed alternatives stands.
  return !c.confirmed ? guardUnconfirmedFail(combined) : combined;
}
