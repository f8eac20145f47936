import {
  UITKERING_TYPES,
  type Household,
  type HouseholdField,
  type UitkeringType,
} from './household-schema';
import type { Norms } from './norms-schema';
import type { IncomeDefinition } from './rule-schema';
import { formatEuro, formatPct, toCents } from './format';

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
  notes: string[];
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
  const notes = new Set<string>();
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
        notes.add(
          `Vakantiegeld zit niet in het maandbedrag; daarom is ${formatPct(share.pct)} opgeteld (${share.label}), want de normen zijn inclusief vakantiegeld.`,
        );
      } else {
        low += x;
        if (high !== null) high += withShare;
        missing.add('vakantiegeld');
        notes.add(
          `Nog niet bekend of vakantiegeld in het maandbedrag zit; gerekend zonder en met ${formatPct(share.pct)} (${share.label}).`,
        );
      }
    }
  }
  return { lowCents: low, highCents: high, missing: [...missing], notes: [...notes] };
}

/** Savings plus a car, minus debts (Participatiewet art. 34: bezittingen verminderd met schulden). */
export function vermogenRange(household: Household): MoneyRange {
  const { savings, hasDebts, debtAmount, hasCar, carValue } = household;
  const notes: string[] = [];
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
      notes.push('Schulden gaan van het vermogen af; het bedrag van de schulden is niet ingevuld.');
    } else {
      low = Math.max(0, s - toCents(debtAmount));
      high = low;
      if (debtAmount > 0)
        notes.push(`Schulden (${formatEuro(toCents(debtAmount))}) gaan van het vermogen af.`);
    }
  } else if (hasDebts === undefined) {
    low = 0;
    missing.push('debts');
  }
  if (hasCar === true) {
    if (carValue === undefined) {
      high = null;
      missing.push('car');
      notes.push('Er is een auto; de waarde ervan kan meetellen als vermogen.');
    } else {
      high = (high ?? 0) + toCents(carValue);
      if (carValue > 0) {
        notes.push(
          `De auto (${formatEuro(toCents(carValue))}) telt mee als vermogen, tenzij die nodig is, bijvoorbeeld voor werk of door een beperking.`,
        );
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
