import { z } from 'zod';
import { FUNDAMENT_IDS } from '../catalogue/constants';
import {
  UITKERING_TYPES,
  deriveHouseholdProfile,
  householdFieldSchema,
  type Household,
  type HouseholdField,
  type HouseholdProfile,
  type Member,
  type UitkeringType,
} from './household-schema';
import {
  normCategorySchema,
  type NormCategory,
  type Norms,
  type VermogenCategory,
} from './norms-schema';
import {
  eligibilityRegelingIdSchema,
  type Condition,
  type IncomeDefinition,
  type Rule,
  type RulesFile,
  type SimpleCondition,
} from './rule-schema';

/**
 * The one interpreter of the eligibility rules. It is pure and total: for any household the schema
 * accepts it returns an outcome per regeling and never throws, because a worker in the field must
 * always get an answer, even if that answer is "misschien — dit weten we nog niet".
 *
 * Three-valued logic: each condition is `pass`, `fail` or `unknown`. A regeling is `geen-recht` as
 * soon as one condition fails, `misschien` while any is unknown, else `waarschijnlijk-recht`. An
 * unanswered question is unknown, never zero.
 */

export const CONDITION_STATUSES = ['pass', 'fail', 'unknown'] as const;
export const OUTCOME_STATUSES = ['waarschijnlijk-recht', 'misschien', 'geen-recht'] as const;
export const outcomeStatusSchema = z.enum(OUTCOME_STATUSES);
export type OutcomeStatus = z.infer<typeof outcomeStatusSchema>;

export const thresholdSchema = z.object({
  /** Percentage of the norm, when the threshold is one. */
  pct: z.number().optional(),
  /** The threshold in euro for this peildatum and household, when it can be computed. */
  euro: z.number().optional(),
  normAmount: z.number().optional(),
  normCategory: normCategorySchema.optional(),
  normValidFrom: z.string().optional(),
  /** Dutch, for the reason list: "140% van € 1.369,06 = € 1.916,68 per maand". */
  text: z.string(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const conditionResultBase = z.object({
  kind: z.string(),
  label: z.string(),
  status: z.enum(CONDITION_STATUSES),
  /** The household's value, as a number (euro, age …), text or list. */
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]).optional(),
  /** Dutch, for the reason list. */
  valueText: z.string(),
  threshold: thresholdSchema.optional(),
  /** Answers that would settle an `unknown`. */
  missing: z.array(householdFieldSchema),
  /** The data has no limit for this yet: no answer can settle it, an editor must add the number. */
  thresholdUnknown: z.boolean(),
  /**
   * Not met, but the rule says that gives "misschien", not "geen recht": above 110% part may still be
   * paid, a room may count as housing, insurance can still be taken out.
   */
  softFail: z.boolean(),
  unconfirmed: z.boolean(),
  /** Why the norm or vermogensgrens used may be outdated on the peildatum. */
  outdated: z.string().optional(),
  notes: z.array(z.string()),
});
export const conditionResultSchema = conditionResultBase.extend({
  /** For `any-of`: the result of each alternative. */
  children: z.array(conditionResultBase).optional(),
});
export type ConditionResult = z.infer<typeof conditionResultSchema>;
type SimpleResult = z.infer<typeof conditionResultBase>;

export const regelingOutcomeSchema = z.object({
  regeling: eligibilityRegelingIdSchema,
  name: z.string(),
  level: z.enum(['gemeente', 'regio', 'landelijk']),
  fundament: z.enum(FUNDAMENT_IDS),
  status: outcomeStatusSchema,
  reasons: z.array(conditionResultSchema),
  /** For `misschien`: which answers are still missing. */
  missing: z.array(householdFieldSchema),
  /** For `misschien`: limits the data does not have yet (labels). */
  unknownThresholds: z.array(z.string()),
  unconfirmed: z.boolean(),
  unconfirmedReasons: z.array(z.string()),
  knownAmounts: z.array(
    z.object({
      label: z.string(),
      amount: z.number(),
      per: z.string(),
      upTo: z.boolean(),
      /** For amounts per child: how many children of this household it applies to. */
      count: z.number().optional(),
      confirmed: z.boolean(),
    }),
  ),
  /** Sum of the known amounts for this household per year, where the sources give them. */
  estimatedYearlyValue: z.number().optional(),
  alreadyReceiving: z.boolean(),
  priority: z.number(),
  howToApply: z.array(z.string()),
  documents: z.array(z.string()),
  notes: z.array(z.string()),
  peildatum: z.string(),
});
export type RegelingOutcome = z.infer<typeof regelingOutcomeSchema>;

// ---------------------------------------------------------------------------------------------
// Money is compared in whole cents so that 130% of € 1.345,45 is € 1.749,09 as the sources print it.

function toCents(euro: number): number {
  return Math.round(euro * 100);
}

function pctOf(cents: number, pct: number): number {
  return Math.round((cents * pct) / 100);
}

export function formatEuro(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? '-' : ''}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

function formatPct(value: number): string {
  return `${(Math.round(value * 10) / 10).toString().replace('.', ',')}%`;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

function monthsBetween(fromIso: string, toIso: string): number {
  const [fy = 0, fm = 0, fd = 0] = fromIso.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = toIso.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// ---------------------------------------------------------------------------------------------
// Norm look-up: the latest amount valid on the peildatum, and whether a newer one should exist.

interface AmountLookup {
  amountCents: number;
  validFrom: string;
  confirmed: boolean;
  /** Why this amount may be outdated on the peildatum, in Dutch. */
  staleReason: string | undefined;
}

interface DatedRecord<C extends string> {
  validFrom: string;
  category: C;
  amount: number;
  confirmed: boolean;
}

function lookupAmount<C extends string>(
  table: {
    updateIntervalMonths: number;
    records: DatedRecord<C>[];
    pending: { validFrom: string; note: string }[];
  },
  category: C,
  peildatum: string,
  what: string,
): AmountLookup | undefined {
  let best: DatedRecord<C> | undefined;
  for (const r of table.records) {
    if (r.category === category && r.validFrom <= peildatum) {
      if (best === undefined || r.validFrom > best.validFrom) best = r;
    }
  }
  if (best === undefined) return undefined;
  // The newest change date on or before the peildatum, whether or not its amounts are known.
  let latestChange = best.validFrom;
  for (const r of table.records) {
    if (r.validFrom <= peildatum && r.validFrom > latestChange) latestChange = r.validFrom;
  }
  let pendingNote: string | undefined;
  for (const p of table.pending) {
    if (p.validFrom <= peildatum && p.validFrom > latestChange) {
      latestChange = p.validFrom;
      pendingNote = p.note;
    }
  }
  let staleReason: string | undefined;
  if (latestChange > best.validFrom) {
    staleReason = `De ${what} per ${formatDate(latestChange)} staat nog niet in de gegevens; gerekend met die van ${formatDate(best.validFrom)}.`;
    if (pendingNote !== undefined) staleReason += ` ${pendingNote}`;
  } else if (monthsBetween(best.validFrom, peildatum) >= table.updateIntervalMonths) {
    staleReason = `De ${what} is van ${formatDate(best.validFrom)}; er is waarschijnlijk een nieuwere.`;
  }
  return {
    amountCents: toCents(best.amount),
    validFrom: best.validFrom,
    confirmed: best.confirmed,
    staleReason,
  };
}

// ---------------------------------------------------------------------------------------------
// Per-household context, computed once per evaluation.

type NormResolution =
  | { kind: 'known'; category: NormCategory; lookup: AmountLookup }
  | { kind: 'missing'; missing: HouseholdField[] }
  | { kind: 'not-in-data'; reason: string };

type VermogenResolution =
  | { kind: 'known'; category: VermogenCategory; lookup: AmountLookup }
  | { kind: 'missing'; missing: HouseholdField[] }
  | { kind: 'not-in-data'; reason: string };

interface Context {
  household: Household;
  profile: HouseholdProfile;
  peildatum: string;
  peildatumValid: boolean;
  norms: Norms;
  norm: NormResolution;
  vermogensgrens: VermogenResolution;
  incomeDefinitions: Map<string, IncomeDefinition>;
  incomeCache: Map<string, IncomeSum>;
}

function aanvragerOf(members: Member[]): Member | undefined {
  return members.find((m) => m.role === 'aanvrager');
}

function resolveNormCategory(household: Household, aowAge: number): NormResolution | NormCategory {
  const members = household.members;
  if (members === undefined) return { kind: 'missing', missing: ['members'] };
  const aanvrager = aanvragerOf(members);
  if (aanvrager === undefined) return { kind: 'missing', missing: ['members'] };
  const partner = members.find((m) => m.role === 'partner');
  const adults = partner === undefined ? [aanvrager] : [aanvrager, partner];
  if (adults.some((m) => m.age === undefined)) return { kind: 'missing', missing: ['member-ages'] };
  const ages = adults.map((m) => m.age ?? 0);
  const band = (a: number): string =>
    a < 18 ? 'u18' : a < 21 ? '18-20' : a < aowAge ? '21-aow' : 'aow';
  const bands = new Set(ages.map(band));
  const only = bands.size === 1 ? [...bands][0] : undefined;
  if (partner === undefined) {
    if (only === '21-aow') return 'alleenstaande-21-aow';
    if (only === 'aow') return 'alleenstaande-aow';
    if (only === '18-20') {
      const kids = members.filter((m) => m.role === 'kind');
      if (kids.some((k) => k.age === undefined))
        return { kind: 'missing', missing: ['member-ages'] };
      if (kids.every((k) => (k.age ?? 0) >= 18)) return 'alleenstaande-18-20';
      return {
        kind: 'not-in-data',
        reason:
          'De norm voor een alleenstaande ouder van 18 tot en met 20 jaar staat niet in de gegevens.',
      };
    }
    return {
      kind: 'not-in-data',
      reason: 'Voor een aanvrager jonger dan 18 jaar is er geen bijstandsnorm.',
    };
  }
  if (only === '21-aow') return 'gehuwden-21-aow';
  if (only === 'aow') return 'gehuwden-aow';
  return {
    kind: 'not-in-data',
    reason:
      'De norm voor een paar van wie de partners in verschillende leeftijdsgroepen vallen (bijvoorbeeld één met AOW) staat niet in de gegevens.',
  };
}

function resolveNorm(ctx: Omit<Context, 'norm' | 'vermogensgrens'>): NormResolution {
  const aowAge = ctx.norms.aowAge.years;
  const category = resolveNormCategory(ctx.household, aowAge);
  if (typeof category !== 'string') return category;
  if (!ctx.peildatumValid) {
    return { kind: 'not-in-data', reason: 'De peildatum is geen geldige datum.' };
  }
  const lookup = lookupAmount(ctx.norms.bijstandsnormen, category, ctx.peildatum, 'bijstandsnorm');
  if (lookup === undefined) {
    return {
      kind: 'not-in-data',
      reason: `Er staat geen bijstandsnorm voor deze situatie op ${formatDate(ctx.peildatum)} in de gegevens.`,
    };
  }
  return { kind: 'known', category, lookup };
}

function resolveVermogensgrens(ctx: Omit<Context, 'norm' | 'vermogensgrens'>): VermogenResolution {
  const { profile } = ctx;
  let category: VermogenCategory | undefined;
  if (ctx.household.members === undefined) return { kind: 'missing', missing: ['members'] };
  const hasPartner = ctx.household.members.some((m) => m.role === 'partner');
  if (hasPartner) category = 'alleenstaande-ouder-of-gezin';
  else if (profile.childrenUnder18 === undefined)
    return { kind: 'missing', missing: ['member-ages'] };
  else category = profile.childrenUnder18 > 0 ? 'alleenstaande-ouder-of-gezin' : 'alleenstaande';
  if (!ctx.peildatumValid)
    return { kind: 'not-in-data', reason: 'De peildatum is geen geldige datum.' };
  const lookup = lookupAmount(
    ctx.norms.vermogensgrenzen,
    category,
    ctx.peildatum,
    'vermogensgrens',
  );
  if (lookup === undefined) {
    return {
      kind: 'not-in-data',
      reason: 'Er staat geen vermogensgrens voor deze datum in de gegevens.',
    };
  }
  return { kind: 'known', category, lookup };
}

interface IncomeSum {
  cents: number;
  complete: boolean;
  missing: HouseholdField[];
}

/** Sum of the counted income. Incomplete sums are still a lower bound: amounts are never negative. */
function incomeFor(ctx: Context, def: IncomeDefinition): IncomeSum {
  const cached = ctx.incomeCache.get(def.id);
  if (cached !== undefined) return cached;
  const members = ctx.household.members;
  let result: IncomeSum;
  if (members === undefined || aanvragerOf(members) === undefined) {
    result = { cents: 0, complete: false, missing: ['members'] };
  } else {
    let cents = 0;
    let complete = true;
    for (const m of members) {
      if (!def.members.includes(m.role)) continue;
      if (m.incomes === undefined) {
        complete = false;
        continue;
      }
      for (const src of m.incomes) {
        if (def.excludeTypes.includes(src.type)) continue;
        if (src.netMonthly === undefined) complete = false;
        else cents += toCents(src.netMonthly);
      }
    }
    result = { cents, complete, missing: complete ? [] : ['incomes'] };
  }
  ctx.incomeCache.set(def.id, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Condition evaluation.

function result(
  c: { kind: string; label: string; confirmed: boolean; note?: string | undefined },
  status: SimpleResult['status'],
  valueText: string,
  extra: Partial<SimpleResult> = {},
): SimpleResult {
  const notes = c.note === undefined ? [] : [c.note];
  return {
    kind: c.kind,
    label: c.label,
    status,
    valueText,
    missing: [],
    thresholdUnknown: false,
    softFail: false,
    unconfirmed: !c.confirmed,
    ...extra,
    notes: [...notes, ...(extra.notes ?? [])],
  };
}

const NOT_ANSWERED = 'Nog niet ingevuld';

function failOrMaybe(failOutcome: 'geen-recht' | 'misschien'): SimpleResult['status'] {
  return failOutcome === 'misschien' ? 'unknown' : 'fail';
}

function normThresholdText(pct: number, lookup: AmountLookup, cents: number): string {
  return `${pct}% van ${formatEuro(lookup.amountCents)} (norm per ${formatDate(lookup.validFrom)}) = ${formatEuro(cents)} per maand`;
}

function evalIncome(
  ctx: Context,
  c: Extract<SimpleCondition, { kind: 'income-pct-of-norm' }>,
): SimpleResult {
  const def = ctx.incomeDefinitions.get(c.incomeDefinition);
  if (def === undefined) {
    return result(c, 'unknown', NOT_ANSWERED, {
      thresholdUnknown: true,
      notes: [`Inkomensdefinitie ${c.incomeDefinition} ontbreekt in de regels.`],
    });
  }
  const income = incomeFor(ctx, def);
  const norm = ctx.norm;
  const notes: string[] = [];
  if (!def.confirmed) notes.push(`Inkomen: ${def.label}. ${def.note ?? ''}`.trim());
  if ((ctx.profile.otherAdults21Plus ?? 0) > 0) {
    notes.push('Er wonen andere volwassenen in huis; de kostendelersnorm is niet meegenomen.');
  }
  let unconfirmed = !c.confirmed || !def.confirmed;
  let outdated: string | undefined;
  if (norm.kind === 'known') {
    if (!norm.lookup.confirmed) unconfirmed = true;
    outdated = norm.lookup.staleReason;
    if (outdated !== undefined) unconfirmed = true;
  } else if (norm.kind === 'not-in-data') {
    notes.push(norm.reason);
  }

  const value = income.complete ? income.cents / 100 : undefined;
  let valueText: string;
  if (income.complete) {
    valueText = `${formatEuro(income.cents)} per maand`;
    if (norm.kind === 'known') {
      valueText += ` (${formatPct((income.cents / norm.lookup.amountCents) * 100)} van de norm)`;
    }
  } else if (income.cents > 0) {
    valueText = `Minstens ${formatEuro(income.cents)} per maand (nog niet alles ingevuld)`;
  } else {
    valueText = NOT_ANSWERED;
  }
  const base = { value, unconfirmed, ...(outdated === undefined ? {} : { outdated }) };
  const normMissing = norm.kind === 'missing' ? norm.missing : [];

  if (c.maxPct !== null) {
    if (norm.kind !== 'known') {
      if (income.complete && income.cents === 0) {
        return result(c, 'pass', valueText, {
          ...base,
          notes,
          threshold: { pct: c.maxPct, text: `${c.maxPct}% van de norm` },
        });
      }
      return result(c, 'unknown', valueText, {
        ...base,
        notes,
        missing: [...normMissing, ...income.missing],
        thresholdUnknown: norm.kind === 'not-in-data',
        threshold: { pct: c.maxPct, text: `${c.maxPct}% van de norm (norm nog niet bekend)` },
      });
    }
    const limit = pctOf(norm.lookup.amountCents, c.maxPct);
    const threshold: Threshold = {
      pct: c.maxPct,
      euro: limit / 100,
      normAmount: norm.lookup.amountCents / 100,
      normCategory: norm.category,
      normValidFrom: norm.lookup.validFrom,
      text: normThresholdText(c.maxPct, norm.lookup, limit),
    };
    if (income.cents > limit) {
      return result(c, failOrMaybe(c.failOutcome), valueText, {
        ...base,
        notes,
        threshold,
        softFail: c.failOutcome === 'misschien',
      });
    }
    if (!income.complete) {
      return result(c, 'unknown', valueText, {
        ...base,
        notes,
        threshold,
        missing: income.missing,
      });
    }
    return result(c, 'pass', valueText, { ...base, notes, threshold });
  }

  // The source gives no limit: only "certainly within it" can be said.
  const surely = c.surelyWithinPct;
  let threshold: Threshold = { text: 'Grens nog niet bekend' };
  let surelyLimit: number | undefined;
  if (surely !== undefined && norm.kind === 'known') {
    surelyLimit = pctOf(norm.lookup.amountCents, surely);
    threshold = {
      pct: surely,
      euro: surelyLimit / 100,
      normAmount: norm.lookup.amountCents / 100,
      normCategory: norm.category,
      normValidFrom: norm.lookup.validFrom,
      text: `Grens nog niet bekend; tot ${normThresholdText(surely, norm.lookup, surelyLimit)} zeker binnen de grens`,
    };
  }
  if (
    income.complete &&
    (income.cents === 0 || (surelyLimit !== undefined && income.cents <= surelyLimit))
  ) {
    return result(c, 'pass', valueText, { ...base, notes, threshold });
  }
  const missing: HouseholdField[] = [...income.missing];
  if (surely !== undefined) missing.push(...normMissing);
  return result(c, 'unknown', valueText, {
    ...base,
    notes,
    threshold,
    missing,
    thresholdUnknown: true,
  });
}

function evalSavings(
  ctx: Context,
  c: Extract<SimpleCondition, { kind: 'savings-max' }>,
): SimpleResult {
  const savings = ctx.household.savings;
  const valueText = savings === undefined ? NOT_ANSWERED : formatEuro(toCents(savings));
  const base = { value: savings };
  if (c.limit === null) {
    if (savings === 0)
      return result(c, 'pass', valueText, {
        ...base,
        threshold: { text: 'Grens nog niet bekend' },
      });
    return result(c, 'unknown', valueText, {
      ...base,
      threshold: { text: 'Grens nog niet bekend' },
      thresholdUnknown: true,
      missing: savings === undefined ? ['savings'] : [],
    });
  }
  if (typeof c.limit === 'number') {
    const limit = toCents(c.limit);
    const threshold: Threshold = { euro: c.limit, text: `${formatEuro(limit)}` };
    if (savings === undefined)
      return result(c, 'unknown', valueText, { threshold, missing: ['savings'] });
    return result(c, toCents(savings) <= limit ? 'pass' : failOrMaybe(c.failOutcome), valueText, {
      ...base,
      threshold,
      softFail: toCents(savings) > limit && c.failOutcome === 'misschien',
    });
  }
  const grens = ctx.vermogensgrens;
  if (grens.kind !== 'known') {
    // Without the household type the limit is one of the known limits: the lowest and highest still decide.
    const amounts = ctx.peildatumValid
      ? ctx.norms.vermogensgrenzen.records
          .filter((r) => r.category !== 'eigen-woning' && r.validFrom <= ctx.peildatum)
          .map((r) => toCents(r.amount))
      : [];
    const notes = grens.kind === 'not-in-data' ? [grens.reason] : [];
    if (savings !== undefined && amounts.length > 0) {
      const s = toCents(savings);
      if (s <= Math.min(...amounts))
        return result(c, 'pass', valueText, {
          ...base,
          notes,
          threshold: { text: 'Vermogensgrens bijstand' },
        });
      if (s > Math.max(...amounts)) {
        return result(c, failOrMaybe(c.failOutcome), valueText, {
          ...base,
          notes,
          threshold: { text: 'Vermogensgrens bijstand' },
          softFail: c.failOutcome === 'misschien',
        });
      }
    }
    return result(c, 'unknown', valueText, {
      ...base,
      notes,
      threshold: { text: 'Vermogensgrens bijstand (hangt af van het huishouden)' },
      missing: [
        ...(grens.kind === 'missing' ? grens.missing : []),
        ...(savings === undefined ? (['savings'] as const) : []),
      ],
      thresholdUnknown: grens.kind === 'not-in-data',
    });
  }
  const limit = grens.lookup.amountCents;
  const threshold: Threshold = {
    euro: limit / 100,
    text: `Vermogensgrens ${grens.category === 'alleenstaande' ? 'alleenstaande' : 'alleenstaande ouder of gezin'}: ${formatEuro(limit)} (per ${formatDate(grens.lookup.validFrom)})`,
  };
  const outdated = grens.lookup.staleReason;
  const unconfirmed = !c.confirmed || !grens.lookup.confirmed || outdated !== undefined;
  const extra = { threshold, unconfirmed, ...(outdated === undefined ? {} : { outdated }) };
  if (savings === undefined) {
    return result(c, 'unknown', valueText, { ...extra, missing: ['savings'] });
  }
  const over = toCents(savings) > limit;
  return result(c, over ? failOrMaybe(c.failOutcome) : 'pass', valueText, {
    ...base,
    ...extra,
    softFail: over && c.failOutcome === 'misschien',
  });
}

function evalChildren(
  ctx: Context,
  c: SimpleCondition,
  minAge: number,
  maxAge: number,
): SimpleResult {
  const members = ctx.household.members;
  const threshold: Threshold = { text: `Kind van ${minAge} tot en met ${maxAge} jaar` };
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

function effectiveUitkering(household: Household): { set: Set<UitkeringType>; known: boolean } {
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

const YES_NO_FIELD: Record<Extract<SimpleCondition, { kind: 'yes-no' }>['field'], HouseholdField> =
  {
    hasDebts: 'debts',
    hasArrears: 'debts',
    usesKinderopvang: 'kinderopvang',
    hasSpecialCosts: 'special-costs',
    energyWorries: 'energy-worries',
    moneyWorries: 'money-worries',
  };

function yesNoText(v: boolean | undefined): string {
  return v === undefined ? NOT_ANSWERED : v ? 'Ja' : 'Nee';
}

function evalSimple(ctx: Context, c: SimpleCondition): SimpleResult {
  const h = ctx.household;
  switch (c.kind) {
    case 'gemeente-in': {
      const threshold: Threshold = { text: c.gemeenten.join(', ') };
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
              'Deze regels gelden voor Dordrecht. Woont u ergens anders? Vraag het bij uw eigen gemeente.',
            ],
      });
    }
    case 'income-pct-of-norm':
      return evalIncome(ctx, c);
    case 'savings-max':
      return evalSavings(ctx, c);
    case 'children-age-in-range':
      return evalChildren(ctx, c, c.minAge, c.maxAge);
    case 'has-children':
      return evalChildren(ctx, c, 0, 17);
    case 'housing-in': {
      const threshold: Threshold = { text: c.housing.join(', ') };
      if (h.housing === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['housing'] });
      if (c.housing.includes(h.housing))
        return result(c, 'pass', h.housing, { value: h.housing, threshold });
      if (c.maybe.includes(h.housing)) {
        return result(c, 'unknown', h.housing, {
          value: h.housing,
          threshold,
          softFail: true,
          notes: [
            'Bij deze woonsituatie hangt het af van de afspraken; vraag het na bij de aanvraag.',
          ],
        });
      }
      return result(c, 'fail', h.housing, { value: h.housing, threshold });
    }
    case 'rent-between': {
      const rent = h.rentMonthly;
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`minstens ${formatEuro(toCents(c.min))}`);
      if (c.max === null) parts.push('maximum nog niet bekend');
      else if (c.max !== undefined) parts.push(`hoogstens ${formatEuro(toCents(c.max))}`);
      const threshold: Threshold = { text: `Huur per maand: ${parts.join(', ') || 'geen grens'}` };
      if (rent === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['rent'] });
      const r = toCents(rent);
      const valueText = `${formatEuro(r)} per maand`;
      if (c.min !== undefined && r < toCents(c.min))
        return result(c, 'fail', valueText, { value: rent, threshold });
      if (c.max === null) {
        return result(c, 'unknown', valueText, { value: rent, threshold, thresholdUnknown: true });
      }
      if (c.max !== undefined && r > toCents(c.max))
        return result(c, 'fail', valueText, { value: rent, threshold });
      return result(c, 'pass', valueText, { value: rent, threshold });
    }
    case 'uitkering-in': {
      const { set, known } = effectiveUitkering(h);
      const list = [...set];
      const threshold: Threshold = { text: c.uitkering.join(', ') };
      const valueText = list.length > 0 ? list.join(', ') : known ? 'Geen uitkering' : NOT_ANSWERED;
      if (c.uitkering.some((u) => set.has(u)))
        return result(c, 'pass', valueText, { value: list, threshold });
      if (known) return result(c, 'fail', valueText, { value: list, threshold });
      return result(c, 'unknown', valueText, { threshold, missing: ['uitkering'] });
    }
    case 'debts-present': {
      const { hasDebts, hasArrears } = h;
      const valueText = `Schulden: ${yesNoText(hasDebts)}; achterstanden: ${yesNoText(hasArrears)}`;
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
      const aanvrager = h.members === undefined ? undefined : aanvragerOf(h.members);
      if (aanvrager === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
      if (aanvrager.age === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['member-ages'] });
      const ok =
        (c.min === undefined || aanvrager.age >= c.min) &&
        (c.max === undefined || aanvrager.age <= c.max);
      return result(c, ok ? 'pass' : 'fail', `${aanvrager.age} jaar`, {
        value: aanvrager.age,
        threshold,
      });
    }
    case 'insurance-in': {
      const threshold: Threshold = { text: c.insurance.join(', ') };
      const v = h.healthInsurance;
      if (v === undefined)
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['health-insurance'] });
      return result(c, c.insurance.includes(v) ? 'pass' : failOrMaybe(c.failOutcome), v, {
        value: v,
        threshold,
        softFail: !c.insurance.includes(v) && c.failOutcome === 'misschien',
      });
    }
    case 'works-or-studies': {
      const threshold: Threshold = { text: c.incomeTypes.join(', ') };
      if (h.members === undefined || aanvragerOf(h.members) === undefined) {
        return result(c, 'unknown', NOT_ANSWERED, { threshold, missing: ['members'] });
      }
      const adults = h.members.filter((m) => m.role === 'aanvrager' || m.role === 'partner');
      const states = adults.map((m) =>
        m.incomes === undefined ? undefined : m.incomes.some((s) => c.incomeTypes.includes(s.type)),
      );
      const valueText = states
        .map((s) => (s === undefined ? 'onbekend' : s ? 'ja' : 'nee'))
        .join(' / ');
      if (states.some((s) => s === false)) return result(c, 'fail', valueText, { threshold });
      if (states.some((s) => s === undefined))
        return result(c, 'unknown', valueText, { threshold, missing: ['incomes'] });
      return result(c, 'pass', valueText, { threshold });
    }
  }
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function evalCondition(ctx: Context, c: Condition): ConditionResult {
  if (c.kind !== 'any-of') return evalSimple(ctx, c);
  const children = c.conditions.map((child) => evalSimple(ctx, child));
  const status = children.some((r) => r.status === 'pass')
    ? 'pass'
    : children.every((r) => r.status === 'fail')
      ? 'fail'
      : 'unknown';
  const unknowns = children.filter((r) => r.status === 'unknown');
  return {
    ...result(c, status, children.map((r) => `${r.label}: ${r.valueText}`).join(' · ')),
    missing: status === 'unknown' ? unique(unknowns.flatMap((r) => r.missing)) : [],
    thresholdUnknown: status === 'unknown' && unknowns.some((r) => r.thresholdUnknown),
    softFail: status === 'unknown' && unknowns.some((r) => r.softFail),
    unconfirmed: !c.confirmed || children.some((r) => r.unconfirmed),
    children,
  };
}

// ---------------------------------------------------------------------------------------------

function knownAmountsFor(
  rule: Rule,
  household: Household,
): Pick<RegelingOutcome, 'knownAmounts' | 'estimatedYearlyValue'> {
  const kids = (household.members ?? []).filter((m) => m.role === 'kind');
  let total = 0;
  let counted = false;
  const knownAmounts = rule.knownAmounts.map((a) => {
    let count: number | undefined;
    let yearly: number;
    if (a.per === 'kind-per-jaar') {
      count = kids.filter(
        (k) =>
          k.age !== undefined && k.age >= (a.childMinAge ?? 0) && k.age <= (a.childMaxAge ?? 120),
      ).length;
      yearly = a.amount * count;
    } else if (a.per === 'maand') {
      yearly = a.amount * 12;
    } else {
      yearly = a.amount;
    }
    if (a.countsInValue) {
      total += yearly;
      counted = true;
    }
    return {
      label: a.label,
      amount: a.amount,
      per: a.per,
      upTo: a.upTo,
      ...(count === undefined ? {} : { count }),
      confirmed: a.confirmed,
    };
  });
  return counted
    ? { knownAmounts, estimatedYearlyValue: Math.round(total * 100) / 100 }
    : { knownAmounts };
}

function collectUnconfirmed(results: ConditionResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (!r.unconfirmed) continue;
    if (r.children === undefined) out.push(`Niet bevestigd: ${r.label}.`);
    else {
      const inner = r.children.filter((ch) => ch.unconfirmed);
      if (inner.length === 0) out.push(`Niet bevestigd: ${r.label}.`);
      for (const ch of inner) out.push(`Niet bevestigd: ${ch.label}.`);
    }
  }
  return out;
}

function outdatedNotes(results: ConditionResult[]): string[] {
  return results
    .flatMap((r) => [r, ...(r.children ?? [])])
    .flatMap((r) => (r.outdated === undefined ? [] : [r.outdated]));
}

function evaluateRule(ctx: Context, rule: Rule, rulesYear: number): RegelingOutcome {
  const reasons = rule.conditions.map((c) => evalCondition(ctx, c));
  const status: OutcomeStatus = reasons.some((r) => r.status === 'fail')
    ? 'geen-recht'
    : reasons.some((r) => r.status === 'unknown')
      ? 'misschien'
      : 'waarschijnlijk-recht';
  const unknowns = reasons.filter((r) => r.status === 'unknown');
  const unknownThresholds =
    status === 'misschien'
      ? unique(
          unknowns.flatMap((r) =>
            r.children === undefined
              ? r.thresholdUnknown
                ? [r.label]
                : []
              : r.children
                  .filter((ch) => ch.status === 'unknown' && ch.thresholdUnknown)
                  .map((ch) => ch.label),
          ),
        )
      : [];
  const unconfirmedReasons: string[] = [];
  if (!rule.confirmed)
    unconfirmedReasons.push('Deze regel is nog niet bevestigd door een actuele bron.');
  unconfirmedReasons.push(...collectUnconfirmed(reasons));
  unconfirmedReasons.push(...outdatedNotes(reasons));
  const peildatumYear = Number(ctx.peildatum.slice(0, 4));
  if (ctx.peildatumValid && peildatumYear !== rulesYear) {
    unconfirmedReasons.push(
      `De regels zijn voor ${rulesYear}; de peildatum valt in ${peildatumYear}.`,
    );
  }
  const receives = ctx.household.receives ?? [];
  const incomeTypes = (ctx.household.members ?? []).flatMap((m) =>
    (m.incomes ?? []).map((s) => s.type as string),
  );
  return {
    regeling: rule.regeling,
    name: rule.name,
    level: rule.level,
    fundament: rule.fundament,
    status,
    reasons,
    missing: status === 'misschien' ? unique(unknowns.flatMap((r) => r.missing)) : [],
    unknownThresholds,
    unconfirmed: unconfirmedReasons.length > 0,
    unconfirmedReasons: unique(unconfirmedReasons),
    ...knownAmountsFor(rule, ctx.household),
    alreadyReceiving: receives.includes(rule.regeling) || incomeTypes.includes(rule.regeling),
    priority: rule.impact.priority,
    howToApply: rule.howToApply,
    documents: rule.documents,
    notes: rule.notes,
    peildatum: ctx.peildatum,
  };
}

const STATUS_RANK: Record<OutcomeStatus, number> = {
  'waarschijnlijk-recht': 0,
  misschien: 1,
  'geen-recht': 2,
};

/** Order for the result screen: likely rights first, what they already get last, then by impact. */
export function compareOutcomes(a: RegelingOutcome, b: RegelingOutcome): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    Number(a.alreadyReceiving) - Number(b.alreadyReceiving) ||
    b.priority - a.priority ||
    (b.estimatedYearlyValue ?? 0) - (a.estimatedYearlyValue ?? 0) ||
    a.regeling.localeCompare(b.regeling)
  );
}

/**
 * Evaluate every rule for one household on a peildatum (ISO date, "2026-03-01"). The norms valid on
 * that date are used; if the data has no newer norm where one should exist, the outcome says so.
 */
export function evaluateRegelingen(
  household: Household,
  rules: RulesFile,
  norms: Norms,
  peildatum: string,
): RegelingOutcome[] {
  const peildatumValid = ISO_DATE.test(peildatum);
  const base = {
    household,
    profile: deriveHouseholdProfile(household, norms.aowAge.years),
    peildatum,
    peildatumValid,
    norms,
    incomeDefinitions: new Map(rules.incomeDefinitions.map((d) => [d.id, d])),
    incomeCache: new Map<string, IncomeSum>(),
  };
  const ctx: Context = {
    ...base,
    norm: resolveNorm(base),
    vermogensgrens: resolveVermogensgrens(base),
  };
  return rules.rules.map((rule) => evaluateRule(ctx, rule, rules.year)).sort(compareOutcomes);
}
