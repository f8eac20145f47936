import { deriveHouseholdProfile, type Household, type HouseholdProfile } from './household-schema';
import type { Norms } from './norms-schema';
import type { IncomeDefinition, RulesFile } from './rule-schema';
import { isValidPeildatum } from './format';
import { incomeRange, vermogenRange, type MoneyRange } from './household-facts';
import {
  resolveNorm,
  resolveVermogensgrens,
  type LimitResolution,
  type NormResolution,
} from './norms-resolve';

/** Everything one evaluation reads, worked out once per household. */
export interface Context {
  household: Household;
  profile: HouseholdProfile;
  peildatum: string;
  peildatumValid: boolean;
  norms: Norms;
  norm: NormResolution;
  vermogensgrens: LimitResolution;
  vermogen: MoneyRange;
  incomeDefinitions: Map<string, IncomeDefinition>;
  incomeCache: Map<string, MoneyRange>;
  /** Income types of all members, to see what the household already gets. */
  incomeTypes: Set<string>;
  /** Per-evaluation memo for values many conditions share (limits, texts). */
  memo: Map<string, unknown>;
}

/** Compute once per evaluation: many regelingen test the same limit. */
export function memo<T>(ctx: Context, key: string, make: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = make();
  ctx.memo.set(key, value);
  return value;
}

const INVALID_DATE = { code: 'invalid-peildatum' } as const;

export function buildContext(
  household: Household,
  rules: RulesFile,
  norms: Norms,
  peildatum: string,
): Context {
  const peildatumValid = isValidPeildatum(peildatum);
  return {
    household,
    profile: deriveHouseholdProfile(household, norms.aowAge.years),
    peildatum,
    peildatumValid,
    norms,
    norm: peildatumValid
      ? resolveNorm(household, norms, peildatum)
      : { kind: 'not-in-data', reason: INVALID_DATE },
    vermogensgrens: peildatumValid
      ? resolveVermogensgrens(household, norms, peildatum)
      : { kind: 'not-in-data', reason: INVALID_DATE, missing: [] },
    vermogen: vermogenRange(household),
    incomeDefinitions: new Map(rules.incomeDefinitions.map((d) => [d.id, d])),
    incomeCache: new Map(),
    incomeTypes: new Set(
      (household.members ?? []).flatMap((m) => (m.incomes ?? []).map((src) => src.type)),
    ),
    memo: new Map(),
  };
}

export function incomeFor(ctx: Context, def: IncomeDefinition): MoneyRange {
  const cached = ctx.incomeCache.get(def.id);
  if (cached !== undefined) return cached;
  const range = incomeRange(ctx.household, def, ctx.norms);
  ctx.incomeCache.set(def.id, range);
  return range;
}
