import type { HouseholdField } from './household-schema';
import type { SimpleCondition } from './rule-schema';
import type { SimpleResult, Threshold } from './outcome-schema';
import type { Context } from './context';
import { incomeFor, memo } from './context';
import type { MoneyRange } from './household-facts';
import { resolveLimit, type LimitResolution } from './norms-resolve';
import { pctOf, toCents, unique } from './format';
import type { PctOfNorm, ReasonMessage } from './reason-message';
import {
  compareRanges,
  failOrMaybe,
  notAnswered,
  result,
  th,
  uniqueMsgs,
  type CentsRange,
} from './condition-result';

/** Conditions on money: income against a % of the norm, vermogen, betalingscapaciteit. */

type IncomeCondition = Extract<SimpleCondition, { kind: 'income-pct-of-norm' }>;
type SavingsCondition = Extract<SimpleCondition, { kind: 'savings-max' }>;
type CapacityCondition = Extract<SimpleCondition, { kind: 'betalingscapaciteit' }>;

/** An amount, a range, or "at least" while answers are missing; "not answered" when nothing is. */
function money(r: MoneyRange, perMonth: boolean): ReasonMessage {
  if (r.highCents === null && r.lowCents <= 0) return notAnswered;
  return { code: 'money', lowCents: r.lowCents, highCents: r.highCents, perMonth };
}

function limitOfNorm(
  ctx: Context,
  pct: number,
): (CentsRange & { threshold: Threshold; pctOfNorm: PctOfNorm }) | undefined {
  const norm = ctx.norm;
  if (norm.kind !== 'known') return undefined;
  const low = pctOf(norm.lowCents, pct);
  const high = norm.highCents === null ? null : pctOf(norm.highCents, pct);
  const pctOfNorm: PctOfNorm = {
    pct,
    normLowCents: norm.lowCents,
    lowCents: low,
    highCents: high,
    normCategory: norm.category,
    validFrom: norm.validFrom,
  };
  return {
    lowCents: low,
    highCents: high,
    pctOfNorm,
    threshold: th(
      { code: 'pct-of-norm', ...pctOfNorm },
      {
        pct,
        euro: low / 100,
        normAmount: norm.lowCents / 100,
        normCategory: norm.category,
        normValidFrom: norm.validFrom,
      },
    ),
  };
}

function normInfo(ctx: Context): {
  unconfirmed: boolean;
  outdatedMsg?: ReasonMessage;
  notes: ReasonMessage[];
  missing: HouseholdField[];
} {
  const norm = ctx.norm;
  if (norm.kind === 'known') {
    return {
      unconfirmed: !norm.confirmed || norm.stale !== undefined,
      ...(norm.stale === undefined ? {} : { outdatedMsg: norm.stale }),
      notes: norm.notes,
      missing: norm.missing,
    };
  }
  if (norm.kind === 'missing') return { unconfirmed: false, notes: [], missing: norm.missing };
  return { unconfirmed: false, notes: [norm.reason], missing: [] };
}

export function evalIncome(ctx: Context, c: IncomeCondition): SimpleResult {
  const def = ctx.incomeDefinitions.get(c.incomeDefinition);
  if (def === undefined) {
    return result(c, 'unknown', notAnswered, {
      thresholdUnknown: true,
      noteMsgs: [{ code: 'income-definition-missing', id: c.incomeDefinition }],
    });
  }
  const income = incomeFor(ctx, def);
  const info = normInfo(ctx);
  const unconfirmed = !c.confirmed || info.unconfirmed;
  let valueText = money(income, true);
  const norm = ctx.norm;
  if (
    valueText.code === 'money' &&
    norm.kind === 'known' &&
    income.highCents !== null &&
    income.highCents === income.lowCents
  ) {
    valueText = { ...valueText, pctOfNorm: (income.lowCents / norm.lowCents) * 100 };
  }
  const value = income.highCents === null ? undefined : income.lowCents / 100;
  const base = {
    ...(value === undefined ? {} : { value }),
    unconfirmed,
    ...(info.outdatedMsg === undefined ? {} : { outdatedMsg: info.outdatedMsg }),
  };
  const notes = [...income.notes];

  if (c.maxPct !== null) {
    const limit = limitOfNorm(ctx, c.maxPct);
    if (limit === undefined) {
      if (income.highCents === 0) {
        return result(c, 'pass', valueText, {
          ...base,
          noteMsgs: notes,
          threshold: th(
            { code: 'pct-of-norm-only', pct: c.maxPct, normUnknown: false },
            { pct: c.maxPct },
          ),
        });
      }
      return result(c, 'unknown', valueText, {
        ...base,
        noteMsgs: [...notes, ...info.notes],
        missing: unique([...info.missing, ...income.missing]),
        thresholdUnknown: norm.kind === 'not-in-data',
        threshold: th(
          { code: 'pct-of-norm-only', pct: c.maxPct, normUnknown: true },
          { pct: c.maxPct },
        ),
      });
    }
    const status = compareRanges(income, limit);
    if (status === 'pass')
      return result(c, 'pass', valueText, { ...base, noteMsgs: notes, threshold: limit.threshold });
    if (status === 'fail') {
      return result(c, failOrMaybe(c.failOutcome), valueText, {
        ...base,
        noteMsgs: notes,
        threshold: limit.threshold,
        softFail: c.failOutcome === 'misschien',
      });
    }
    return result(c, 'unknown', valueText, {
      ...base,
      noteMsgs: uniqueMsgs([...notes, ...info.notes]),
      threshold: limit.threshold,
      missing: unique([...income.missing, ...info.missing]),
    });
  }

  // The source gives no percentage: only "certainly within it" (at or below surelyWithinPct) and,
  // with a yearly euro limit, "certainly above it" can be said.
  const surely = c.surelyWithinPct === undefined ? undefined : limitOfNorm(ctx, c.surelyWithinPct);
  const unknownLimit: Extract<ReasonMessage, { code: 'limit-unknown' }> = {
    code: 'limit-unknown',
    ...(surely ? { surely: surely.pctOfNorm } : {}),
  };
  const { msg: _msg, text: _text, ...surelyFigures } = surely?.threshold ?? { msg: 0, text: '' };
  let threshold: Threshold = th(unknownLimit, surelyFigures);
  if (income.highCents === 0 || (surely && compareRanges(income, surely) === 'pass')) {
    return result(c, 'pass', valueText, { ...base, noteMsgs: notes, threshold });
  }
  let yearly: LimitResolution | undefined;
  if (c.yearlyLimit !== undefined) {
    const key = c.yearlyLimit;
    yearly = memo(ctx, `limit:${key}`, () =>
      resolveLimit(ctx.household, ctx.norms, key, ctx.peildatum),
    );
    if (yearly.kind === 'known') {
      const perYear: MoneyRange = { ...income, lowCents: income.lowCents * 12, highCents: null };
      threshold = th(
        {
          ...unknownLimit,
          yearly: {
            limit: yearly.name,
            lowCents: yearly.lowCents,
            highCents: yearly.highCents,
            validFrom: yearly.validFrom,
          },
        },
        surelyFigures,
      );
      if (compareRanges(perYear, yearly) === 'fail') {
        return result(c, failOrMaybe(c.failOutcome), valueText, {
          ...base,
          unconfirmed: unconfirmed || !yearly.confirmed,
          noteMsgs: [
            ...notes,
            ...yearly.notes,
            { code: 'net-yearly', cents: income.lowCents * 12 },
          ],
          threshold,
          softFail: c.failOutcome === 'misschien',
        });
      }
    }
  }
  return result(c, 'unknown', valueText, {
    ...base,
    noteMsgs: notes,
    threshold,
    // Once even the lowest possible income is above the "surely within" line, no answer about the
    // income can make it pass any more: only the missing limit is open.
    missing:
      surely !== undefined && income.lowCents > surely.lowCents
        ? []
        : unique([...income.missing, ...(surely ? info.missing : [])]),
    thresholdUnknown: true,
  });
}

function vermogenText(ctx: Context): ReasonMessage {
  const v = ctx.vermogen;
  if (ctx.household.savings === undefined) return notAnswered;
  const s = toCents(ctx.household.savings);
  if (v.highCents !== null && v.highCents === v.lowCents)
    return { code: 'money', lowCents: s, highCents: s, perMonth: false };
  return {
    code: 'savings-and-more',
    savingsCents: s,
    lowCents: v.lowCents,
    highCents: v.highCents,
  };
}

export function evalSavings(ctx: Context, c: SavingsCondition): SimpleResult {
  const v = ctx.vermogen;
  const valueText = memo(ctx, 'vermogen-text', () => vermogenText(ctx));
  const base = {
    ...(ctx.household.savings === undefined ? {} : { value: ctx.household.savings }),
  };
  if (c.limit === null) {
    const threshold = th({ code: 'limit-unknown' });
    if (v.highCents === 0) return result(c, 'pass', valueText, { ...base, threshold });
    return result(c, 'unknown', valueText, {
      ...base,
      threshold,
      thresholdUnknown: true,
      missing: ctx.household.savings === undefined ? ['savings'] : [],
    });
  }
  let limit: LimitResolution;
  if (typeof c.limit === 'number') {
    limit = {
      kind: 'known',
      name: 'fixed',
      label: 'Grens',
      lowCents: toCents(c.limit),
      highCents: toCents(c.limit),
      validFrom: ctx.peildatum,
      confirmed: true,
      stale: undefined,
      notes: [],
      missing: [],
    };
  } else if (c.limit === 'vermogensgrens-bijstand') {
    limit = ctx.vermogensgrens;
  } else {
    const key = c.limit;
    limit = memo(ctx, `limit:${key}`, () =>
      resolveLimit(ctx.household, ctx.norms, key, ctx.peildatum),
    );
  }
  if (limit.kind !== 'known') {
    return result(c, 'unknown', valueText, {
      ...base,
      noteMsgs: [limit.reason],
      threshold: th({ code: 'vermogensgrens-unknown' }),
      missing: unique([...limit.missing, ...v.missing]),
      thresholdUnknown: true,
    });
  }
  const threshold = th(
    {
      code: 'limit',
      limit: limit.name,
      lowCents: limit.lowCents,
      highCents: limit.highCents,
      validFrom: limit.validFrom,
    },
    { euro: limit.lowCents / 100 },
  );
  const extra = {
    ...base,
    threshold,
    unconfirmed: !c.confirmed || !limit.confirmed || limit.stale !== undefined,
    ...(limit.stale === undefined ? {} : { outdatedMsg: limit.stale }),
  };
  const status = compareRanges(v, limit);
  if (status === 'pass') return result(c, 'pass', valueText, extra);
  if (status === 'fail') {
    return result(c, failOrMaybe(c.failOutcome), valueText, {
      ...extra,
      noteMsgs: [...v.notes, ...limit.notes],
      softFail: c.failOutcome === 'misschien',
    });
  }
  return result(c, 'unknown', valueText, {
    ...extra,
    noteMsgs: [...v.notes, ...limit.notes],
    missing: unique([...v.missing, ...limit.missing]),
  });
}

export function evalCapacity(ctx: Context, c: CapacityCondition): SimpleResult {
  const def = ctx.incomeDefinitions.get(c.incomeDefinition);
  const limit = limitOfNorm(ctx, c.normPct);
  if (def === undefined || limit === undefined) {
    const info = normInfo(ctx);
    return result(c, 'unknown', notAnswered, {
      noteMsgs: info.notes,
      missing: info.missing,
      thresholdUnknown: def === undefined || ctx.norm.kind === 'not-in-data',
    });
  }
  const income = incomeFor(ctx, def);
  const info = normInfo(ctx);
  const valueText = money(income, true);
  const base = {
    ...(income.highCents === null ? {} : { value: income.lowCents / 100 }),
    unconfirmed: !c.confirmed || info.unconfirmed,
    ...(info.outdatedMsg === undefined ? {} : { outdatedMsg: info.outdatedMsg }),
    threshold: limit.threshold,
  };
  if (compareRanges(income, limit) === 'pass')
    return result(c, 'pass', valueText, { ...base, noteMsgs: income.notes });
  const h = ctx.household;
  const housing = h.housing === 'koop' ? h.mortgageMonthly : h.rentMonthly;
  if (limit.highCents !== null && income.lowCents > limit.highCents) {
    const surplus = income.lowCents - limit.highCents;
    if (housing === undefined) {
      return result(c, 'unknown', valueText, {
        ...base,
        missing: ['rent'],
        noteMsgs: [...income.notes, { code: 'capacity-fill-rent', surplusCents: surplus }],
      });
    }
    if (surplus > toCents(housing)) {
      return result(c, 'fail', valueText, {
        ...base,
        noteMsgs: [
          ...income.notes,
          {
            code: 'capacity-fail',
            housingCents: toCents(housing),
            leftCents: surplus - toCents(housing),
          },
        ],
      });
    }
    return result(c, 'unknown', valueText, {
      ...base,
      softFail: true,
      noteMsgs: [...income.notes, { code: 'capacity-close', housingCents: toCents(housing) }],
    });
  }
  return result(c, 'unknown', valueText, {
    ...base,
    noteMsgs: uniqueMsgs([...income.notes, ...info.notes]),
    missing: unique([...income.missing, ...info.missing]),
  });
}
