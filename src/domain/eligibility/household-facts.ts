import {
  UITKERING_TYPES,
  type Household,
  type HouseholdField,
  type UitkeringType,
} from './household-schema';
import type { Norms } from './norms-schema';
import type { IncomeDefinition } from './rule-schema';
import { toCents } from './format';
import type { ReasonMessage } from './reason-message';

/**
 * Income and vermogen as ranges in cents. An unanswered amount leaves the top open (never read as
 * zero); vakantiegeld that may or may not be in a monthly amount, debts that may be subtracted and a
 * car that may be needed widen the range instead of being guessed.
 */

export interface MoneyRange {
  lowCents: number;
  /** null: no upper bound known (an amount is missing). */
  highCents: number | null;
  missing: HouseholdField[];
  notes: ReasonMessage[];
}

function vakantiegeldShares(norms: Norms): Map<string, Norms['vakantiegeld'][number]> {
  const map = new Map<string, Norms['vakantiegeld'][number]>();
  for (const share of norms.vakantiegeld) for (const t of share.incomeTypes) map.set(t, share);
  return map;
}

/** Net monthly income of the members the definition counts, with vakantiegeld made explicit. */
export function incomeRange(household: Household, def: IncomeDefinition, norms: Norms): MoneyRange {
  const members = household.members;
  if (members === undefined || !members.some((m) => m.role === 'aanvrager')) {
    return { lowCents: 0, highCents: null, missing: ['members'], notes: [] };
  }
  const shares = vakantiegeldShares(norms);
  const included = household.vakantiegeldIncluded;
  let low = 0;
  let high: number | null = 0;
  const missing = new Set<HouseholdField>();
  // Keyed by the message's content: each note once, however many incomes add the same share.
  const notes = new Map<string, ReasonMessage>();
  for (const m of members) {
    if (!def.members.includes(m.role)) continue;
    if (m.incomes === undefined) {
      high = null;
      missing.add('incomes');
      continue;
    }
    for (const src of m.incomes) {
      if (def.excludeTypes.includes(src.type)) continue;
      if (src.netMonthly === undefined) {
        high = null;
        missing.add('incomes');
        continue;
      }
      const x = toCents(src.netMonthly);
      const share = shares.get(src.type);
      if (share === undefined || included === true || x === 0) {
        low += x;
        if (high !== null) high += x;
        continue;
      }
      const withShare = Math.round((x * (100 + share.pct)) / 100);
      if (included === false) {
        low += withShare;
        if (high !== null) high += withShare;
        const note: ReasonMessage = {
          code: 'vakantiegeld-added',
          pct: share.pct,
          label: share.label,
        };
        notes.set(JSON.stringify(note), note);
      } else {
        low += x;
        if (high !== null) high += withShare;
        missing.add('vakantiegeld');
        const note: ReasonMessage = {
          code: 'vakantiegeld-unknown',
          pct: share.pct,
          label: share.label,
        };
        notes.set(JSON.stringify(note), note);
      }
    }
  }
  return { lowCents: low, highCents: high, missing: [...missing], notes: [...notes.values()] };
}

/** Savings plus a car, minus debts (Participatiewet art. 34: bezittingen verminderd met schulden). */
export function vermogenRange(household: Household): MoneyRange {
  const { savings, hasDebts, debtAmount, hasCar, carValue } = household;
  const notes: ReasonMessage[] = [];
  const missing: HouseholdField[] = [];
  if (savings === undefined) {
    return { lowCents: 0, highCents: null, missing: ['savings'], notes };
  }
  const s = toCents(savings);
  let low = s;
  let high: number | null = s;
  if (hasDebts === true || (hasDebts === undefined && debtAmount !== undefined)) {
    if (debtAmount === undefined) {
      low = 0;
      notes.push({ code: 'debts-amount-missing' });
    } else {
      low = Math.max(0, s - toCents(debtAmount));
      high = low;
      if (debtAmount > 0) notes.push({ code: 'debts-subtracted', cents: toCents(debtAmount) });
    }
  } else if (hasDebts === undefined) {
    low = 0;
    missing.push('debts');
  }
  if (hasCar === true) {
    if (carValue === undefined) {
      high = null;
      missing.push('car');
      notes.push({ code: 'car-value-missing' });
    } else {
      high = (high ?? 0) + toCents(carValue);
      if (carValue > 0) {
        notes.push({ code: 'car-counts', cents: toCents(carValue) });
      }
    }
  }
  return { lowCents: Math.min(low, high ?? low), highCents: high, missing, notes };
}

/** Uitkeringen named directly or found among the adults' income sources. */
export function effectiveUitkering(household: Household): {
  set: Set<UitkeringType>;
  known: boolean;
} {
  const set = new Set<UitkeringType>(household.uitkering ?? []);
  const adults = (household.members ?? []).filter(
    (m) => m.role === 'aanvrager' || m.role === 'partner',
  );
  for (const m of adults) {
    for (const src of m.incomes ?? []) {
      if ((UITKERING_TYPES as readonly string[]).includes(src.type))
        set.add(src.type as UitkeringType);
    }
  }
  const incomesKnown =
    household.members !== undefined &&
    adults.length > 0 &&
    adults.every((m) => m.incomes !== undefined);
  return { set, known: household.uitkering !== undefined || incomesKnown };
}
