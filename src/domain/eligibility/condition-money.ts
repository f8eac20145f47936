import type { HouseholdField } from './household-schema';
import type { SimpleCondition } from './rule-schema';
import type { SimpleResult, Threshold } from './outcome-schema';
import type { Context } from './context';
import { incomeFor, memo } from './context';
import type { MoneyRange } from './household-facts';
import { resolveLimit, type LimitResolution } from './norms-resolve';
import { formatDate, formatEuro, formatPct, pctOf, toCents, unique } from './format';
import {
  NOT_ANSWERED,
  compareRanges,
  failOrMaybe,
  result,
  type CentsRange,
} from './condition-result';

/** Conditions on money: income against a % of the norm, vermogen, betalingscapaciteit. */

type IncomeCondition = Extract<SimpleCondition, { kind: 'income-pct-of-norm' }>;
type SavingsCondition = Extract<SimpleCondition, { kind: 'savings-max' }>;
type CapacityCondition = Extract<SimpleCondition, { kind: 'betalingscapaciteit' }>;

function rangeText(r: MoneyRange, unit: string): string {
  if (r.highCents === null) {
    return r.lowCents > 0
      ? `Minstens ${formatEuro(r.lowCents)}${unit} (nog niet alles ingevuld)`
      : NOT_ANSWERED;
  }
  if (r.highCents === r.lowCents) return `${formatEuro(r.lowCents)}${unit}`;
  return `${formatEuro(r.lowCents)} tot ${formatEuro(r.highCents)}${unit}`;
}

function limitOfNorm(
  ctx: Context,
  pct: number,
): (CentsRange & { threshold: Threshold }) | undefined {
  const norm = ctx.norm;
  if (norm.kind !== 'known') return undefined;
  const low = pctOf(norm.lowCents, pct);
  const high = norm.highCents === null ? null : pctOf(norm.highCents, pct);
  const at = `norm ${norm.label} per ${formatDate(norm.validFrom)}`;
  const text =
    high === low
      ? `${pct}% van ${formatEuro(norm.lowCents)} (${at}) = ${formatEuro(low)} per maand`
      : high === null
        ? `${pct}% van de norm: minstens ${formatEuro(low)} per maand (${at}; een nieuwere of hogere norm kan gelden)`
        : `${pct}% van de norm: tussen ${formatEuro(low)} en ${formatEuro(high)} per maand (${at})`;
  return {
    lowCents: low,
    highCents: high,
    threshold: {
      pct,
      euro: low / 100,
      normAmount: norm.lowCents / 100,
      normCategory: norm.category,
      normValidFrom: norm.validFrom,
      text,
    },
  };
}

function normInfo(ctx: Context): {
  unconfirmed: boolean;
  outdated?: string;
  notes: string[];
  missing: HouseholdField[];
} {
  const norm = ctx.norm;
  if (norm.kind === 'known') {
    return {
      unconfirmed: !norm.confirmed || norm.stale !== undefined,
      ...(norm.stale === undefined ? {} : { outdated: norm.stale }),
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
    return result(c, 'unknown', NOT_ANSWERED, {
      thresholdUnknown: true,
      notes: [`Inkomensdefinitie ${c.incomeDefinition} ontbreekt in de regels.`],
    });
  }
  const income = incomeFor(ctx, def);
  const info = normInfo(ctx);
  const unconfirmed = !c.confirmed || info.unconfirmed;
  let valueText = rangeText(income, ' per maand');
  const norm = ctx.norm;
  if (norm.kind === 'known' && income.highCents !== null && income.highCents === income.lowCents) {
    valueText += ` (${formatPct((income.lowCents / norm.lowCents) * 100)} van de norm)`;
  }
  const value = income.highCents === null ? undefined : income.lowCents / 100;
  const base = {
    ...(value === undefined ? {} : { value }),
    unconfirmed,
    ...(info.outdated === undefined ? {} : { outdated: info.outdated }),
  };
  const notes = [...income.notes];

  if (c.maxPct !== null) {
    const limit = limitOfNorm(ctx, c.maxPct);
    if (limit === undefined) {
      if (income.highCents === 0) {
        return result(c, 'pass', valueText, {
          ...base,
          notes,
          threshold: { pct: c.maxPct, text: `${c.maxPct}% van de norm` },
        });
      }
      return result(c, 'unknown', valueText, {
        ...base,
        notes: [...notes, ...info.notes],
        missing: unique([...info.missing, ...income.missing]),
        thresholdUnknown: norm.kind === 'not-in-data',
        threshold: { pct: c.maxPct, text: `${c.maxPct}% van de norm (norm nog niet bekend)` },
      });
    }
    const status = compareRanges(income, limit);
    if (status === 'pass')
      return result(c, 'pass', valueText, { ...base, notes, threshold: limit.threshold });
    if (status === 'fail') {
      return result(c, failOrMaybe(c.failOutcome), valueText, {
        ...base,
        notes,
        threshold: limit.threshold,
        softFail: c.failOutcome === 'misschien',
      });
    }
    return result(c, 'unknown', valueText, {
      ...base,
      notes: unique([...notes, ...info.notes]),
      threshold: limit.threshold,
      missing: unique([...income.missing, ...info.missing]),
    });
  }

  // The source gives no percentage: only "certainly within it" (at or below surelyWithinPct) and,
  // with a yearly euro limit, "certainly above it" can be said.
  const surely = c.surelyWithinPct === undefined ? undefined : limitOfNorm(ctx, c.surelyWithinPct);
  let threshold: Threshold = {
    text: surely
      ? `Grens nog niet bekend; tot ${surely.threshold.text} zeker binnen de grens`
      : 'Grens nog niet bekend',
  };
  if (surely) threshold = { ...surely.threshold, text: threshold.text };
  if (income.highCents === 0 || (surely && compareRanges(income, surely) === 'pass')) {
    return result(c, 'pass', valueText, { ...base, notes, threshold });
  }
  let yearly: LimitResolution | undefined;
  if (c.yearlyLimit !== undefined) {
    const key = c.yearlyLimit;
    yearly = memo(ctx, `limit:${key}`, () =>
      resolveLimit(ctx.household, ctx.norms, key, ctx.peildatum),
    );
    if (yearly.kind === 'known') {
      const perYear: MoneyRange = { ...income, lowCents: income.lowCents * 12, highCents: null };
      threshold = {
        ...threshold,
        text: `${threshold.text}; ${yearly.label}: ${yearly.highCents === yearly.lowCents ? formatEuro(yearly.lowCents) : `${formatEuro(yearly.lowCents)} of ${formatEuro(yearly.highCents ?? yearly.lowCents)}`} (per ${formatDate(yearly.validFrom)})`,
      };
      if (compareRanges(perYear, yearly) === 'fail') {
        return result(c, failOrMaybe(c.failOutcome), valueText, {
          ...base,
          unconfirmed: unconfirmed || !yearly.confirmed,
          notes: [
            ...notes,
            ...yearly.notes,
            `Netto ${formatEuro(income.lowCents * 12)} per jaar; het bruto inkomen is nog hoger.`,
          ],
          threshold,
          softFail: c.failOutcome === 'misschien',
        });
      }
    }
  }
  return result(c, 'unknown', valueText, {
    ...base,
    notes,
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

function vermogenText(ctx: Context): string {
  const v = ctx.vermogen;
  if (ctx.household.savings === undefined) return NOT_ANSWERED;
  const s = formatEuro(toCents(ctx.household.savings));
  if (v.highCents !== null && v.highCents === v.lowCents) return s;
  return `${s} spaargeld; samen met auto en schulden ${rangeText(v, '')}`;
}

export function evalSavings(ctx: Context, c: SavingsCondition): SimpleResult {
  const v = ctx.vermogen;
  const valueText = memo(ctx, 'vermogen-text', () => vermogenText(ctx));
  const base = {
    ...(ctx.household.savings === undefined ? {} : { value: ctx.household.savings }),
  };
  if (c.limit === null) {
    const threshold = { text: 'Grens nog niet bekend' };
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
      notes: [limit.reason],
      threshold: { text: 'Vermogensgrens nog niet bekend' },
      missing: unique([...limit.missing, ...v.missing]),
      thresholdUnknown: true,
    });
  }
  const threshold: Threshold = {
    euro: limit.lowCents / 100,
    text:
      limit.highCents === limit.lowCents
        ? `${limit.label}: ${formatEuro(limit.lowCents)} (per ${formatDate(limit.validFrom)})`
        : `${limit.label}: ${formatEuro(limit.lowCents)} tot ${limit.highCents === null ? 'onbekend' : formatEuro(limit.highCents)} (per ${formatDate(limit.validFrom)})`,
  };
  const extra = {
    ...base,
    threshold,
    unconfirmed: !c.confirmed || !limit.confirmed || limit.stale !== undefined,
    ...(limit.stale === undefined ? {} : { outdated: limit.stale }),
  };
  const status = compareRanges(v, limit);
  if (status === 'pass') return result(c, 'pass', valueText, extra);
  if (status === 'fail') {
    return result(c, failOrMaybe(c.failOutcome), valueText, {
      ...extra,
      notes: [...v.notes, ...limit.notes],
      softFail: c.failOutcome === 'misschien',
    });
  }
  return result(c, 'unknown', valueText, {
    ...extra,
    notes: [...v.notes, ...limit.notes],
    missing: unique([...v.missing, ...limit.missing]),
  });
}

export function evalCapacity(ctx: Context, c: CapacityCondition): SimpleResult {
  const def = ctx.incomeDefinitions.get(c.incomeDefinition);
  const limit = limitOfNorm(ctx, c.normPct);
  if (def === undefined || limit === undefined) {
    const info = normInfo(ctx);
    return result(c, 'unknown', NOT_ANSWERED, {
      notes: info.notes,
      missing: info.missing,
      thresholdUnknown: def === undefined || ctx.norm.kind === 'not-in-data',
    });
  }
  const income = incomeFor(ctx, def);
  const info = normInfo(ctx);
  const valueText = rangeText(income, ' per maand');
  const base = {
    ...(income.highCents === null ? {} : { value: income.lowCents / 100 }),
    unconfirmed: !c.confirmed || info.unconfirmed,
    ...(info.outdated === undefined ? {} : { outdated: info.outdated }),
    threshold: limit.threshold,
  };
  if (compareRanges(income, limit) === 'pass')
    return result(c, 'pass', valueText, { ...base, notes: income.notes });
  const h = ctx.household;
  const housing = h.housing === 'koop' ? h.mortgageMonthly : h.rentMonthly;
  if (limit.highCents !== null && income.lowCents > limit.highCents) {
    const surplus = income.lowCents - limit.highCents;
    if (housing === undefined) {
      return result(c, 'unknown', valueText, {
        ...base,
        missing: ['rent'],
        notes: [
          ...income.notes,
          `Het inkomen is ${formatEuro(surplus)} per maand hoger dan de kosten van bestaan; hoge woonlasten kunnen dat opheffen. Vul de woonlasten in.`,
        ],
      });
    }
    if (surplus > toCents(housing)) {
      return result(c, 'fail', valueText, {
        ...base,
        notes: [
          ...income.notes,
          `Ook als alle woonlasten (${formatEuro(toCents(housing))}) meetellen, blijft er ${formatEuro(surplus - toCents(housing))} per maand over om de belasting te betalen.`,
        ],
      });
    }
    return result(c, 'unknown', valueText, {
      ...base,
      softFail: true,
      notes: [
        ...income.notes,
        `Het inkomen is net hoger dan de kosten van bestaan, maar de woonlasten (${formatEuro(toCents(housing))}) zijn hoog. Bij de aanvraag wordt de betalingscapaciteit precies uitgerekend: vraag kwijtschelding toch aan.`,
      ],
    });
  }
  return result(c, 'unknown', valueText, {
    ...base,
    notes: unique([...income.notes, ...info.notes]),
    missing: unique([...income.missing, ...info.missing]),
  });
}
