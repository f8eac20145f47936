import type { Household, HouseholdField, Member } from './household-schema';
import type { LimitKey, NormCategory, Norms, VermogenCategory } from './norms-schema';
import { monthsBetween, toCents } from './format';
import { LIMIT_LABEL, NORM_LABEL } from './dutch-reasons';
import type { LimitName, ReasonMessage } from './reason-message';

/**
 * Which norm and which vermogensgrens apply to a household on a peildatum. Where the answers or the
 * law leave room (an 18-year-old whose parents may not be able to pay, someone of 27+ living in who
 * may be a kostendeler, a norm that should have been raised but is not in the data yet) the result
 * is a range: a verdict needs the whole range on one side of a limit, so "geen recht" is never
 * given on the strength of an assumption.
 */

export interface AmountLookup {
  amountCents: number;
  validFrom: string;
  confirmed: boolean;
  /** Why this amount may be outdated on the peildatum. */
  staleReason: ReasonMessage | undefined;
}

interface DatedRecord<C extends string> {
  validFrom: string;
  category: C;
  amount: number;
  confirmed: boolean;
}

interface DatedTable<C extends string> {
  updateIntervalMonths: number;
  records: DatedRecord<C>[];
  pending: { validFrom: string; note: string }[];
}

export function lookupAmount<C extends string>(
  table: DatedTable<C>,
  category: C,
  peildatum: string,
  what: 'bijstandsnorm' | 'vermogensgrens',
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
  let staleReason: ReasonMessage | undefined;
  if (latestChange > best.validFrom) {
    staleReason = {
      code: 'stale-newer',
      what,
      changedOn: latestChange,
      usedFrom: best.validFrom,
      ...(pendingNote === undefined ? {} : { pending: pendingNote }),
    };
  } else if (monthsBetween(best.validFrom, peildatum) >= table.updateIntervalMonths) {
    staleReason = { code: 'stale-old', what, usedFrom: best.validFrom };
  }
  return {
    amountCents: toCents(best.amount),
    validFrom: best.validFrom,
    confirmed: best.confirmed,
    staleReason,
  };
}

/** A norm or limit as a range in cents; `highCents: null` means no upper bound is known. */
export interface Range {
  lowCents: number;
  highCents: number | null;
  validFrom: string;
  confirmed: boolean;
  stale: ReasonMessage | undefined;
  /** Why the low and high ends differ. */
  notes: ReasonMessage[];
  /** Answers that would narrow the range. */
  missing: HouseholdField[];
}

export type NormResolution =
  | ({ kind: 'known'; category: NormCategory; label: string } & Range)
  | { kind: 'missing'; missing: HouseholdField[] }
  | { kind: 'not-in-data'; reason: ReasonMessage };

export type LimitResolution =
  | ({ kind: 'known'; name: LimitName; label: string } & Range)
  | { kind: 'not-in-data'; reason: ReasonMessage; missing: HouseholdField[] };

type Band = 'u18' | '18-20' | '21-aow' | 'aow';

function bandOf(age: number, aowAge: number): Band {
  return age < 18 ? 'u18' : age < 21 ? '18-20' : age < aowAge ? '21-aow' : 'aow';
}

/** Minor children: a number, or undefined while a child's age is open. */
function minorChildren(members: Member[]): { known: boolean; any: boolean } {
  const kids = members.filter((m) => m.role === 'kind');
  if (kids.some((k) => k.age !== undefined && k.age < 18)) return { known: true, any: true };
  if (kids.some((k) => k.age === undefined)) return { known: false, any: false };
  return { known: true, any: false };
}

interface Pick {
  /** Candidate categories (more than one while the answers leave it open); the first is shown. */
  categories: NormCategory[];
  /** Young people: how many verhogingen art. 20 lid 3 can add, capped at this 21+ norm. */
  verhoging?: { times: number; cap: NormCategory };
  /** Categories for the kostendelersnorm (art. 22a), one per spouse of 21 or older. */
  kostendelerB: NormCategory[];
  missing: HouseholdField[];
}

function pickCategories(
  members: Member[],
  aowAge: number,
): Pick | { kind: 'missing' | 'not-in-data'; reason?: ReasonMessage; missing: HouseholdField[] } {
  const aanvrager = members.find((m) => m.role === 'aanvrager');
  if (aanvrager === undefined) return { kind: 'missing', missing: ['members'] };
  const partner = members.find((m) => m.role === 'partner');
  if (aanvrager.age === undefined || (partner !== undefined && partner.age === undefined)) {
    return { kind: 'missing', missing: ['member-ages'] };
  }
  const a = bandOf(aanvrager.age, aowAge);
  const p = partner?.age === undefined ? undefined : bandOf(partner.age, aowAge);
  if (a === 'u18' || p === 'u18') {
    return {
      kind: 'not-in-data',
      reason: { code: 'norm-under-18' },
      missing: [],
    };
  }
  const kids = minorChildren(members);
  const missing: HouseholdField[] = kids.known ? [] : ['member-ages'];
  const withKids = (no: NormCategory, yes: NormCategory): NormCategory[] =>
    kids.known ? [kids.any ? yes : no] : [no, yes];
  if (p === undefined) {
    if (a === '18-20') {
      return {
        categories: withKids('alleenstaande-18-20', 'alleenstaande-ouder-18-20'),
        verhoging: { times: 1, cap: 'alleenstaande-21-aow' },
        kostendelerB: [],
        missing,
      };
    }
    if (a === '21-aow')
      return { categories: ['alleenstaande-21-aow'], kostendelerB: ['gehuwden-21-aow'], missing };
    return { categories: ['alleenstaande-aow'], kostendelerB: ['gehuwden-aow'], missing };
  }
  if (a === '18-20' && p === '18-20') {
    return {
      categories: withKids('gehuwden-18-20', 'gehuwden-18-20-met-kinderen'),
      verhoging: { times: 2, cap: 'gehuwden-21-aow' },
      kostendelerB: [],
      missing,
    };
  }
  if (a === '18-20' || p === '18-20') {
    return {
      categories: withKids('gehuwden-18-20-en-21-plus', 'gehuwden-18-20-en-21-plus-met-kinderen'),
      verhoging: { times: 1, cap: 'gehuwden-21-aow' },
      kostendelerB: [],
      missing,
    };
  }
  if (a === 'aow' && p === 'aow')
    return {
      categories: ['gehuwden-aow'],
      kostendelerB: ['gehuwden-aow', 'gehuwden-aow'],
      missing,
    };
  if (a === 'aow' || p === 'aow') {
    return {
      categories: ['gehuwden-aow-en-21-aow'],
      kostendelerB: ['gehuwden-aow', 'gehuwden-aow-en-21-aow'],
      missing,
    };
  }
  return {
    categories: ['gehuwden-21-aow'],
    kostendelerB: ['gehuwden-21-aow', 'gehuwden-21-aow'],
    missing,
  };
}

/**
 * People who may be kostendelers (art. 19a: 27 or older, not the partner). Students and
 * commercial tenants are not, and the check does not ask, so these only lower the low end.
 */
function possibleKostendelers(members: Member[]): number {
  return members.filter(
    (m) => (m.role === 'overig' || m.role === 'kind') && (m.age === undefined || m.age >= 27),
  ).length;
}

export function resolveNorm(household: Household, norms: Norms, peildatum: string): NormResolution {
  const members = household.members;
  if (members === undefined) return { kind: 'missing', missing: ['members'] };
  const picked = pickCategories(members, norms.aowAge.years);
  if ('kind' in picked) {
    return picked.kind === 'missing'
      ? { kind: 'missing', missing: picked.missing }
      : { kind: 'not-in-data', reason: picked.reason ?? { code: 'norm-under-18' } };
  }
  const table = norms.bijstandsnormen;
  const look = (c: NormCategory) => lookupAmount(table, c, peildatum, 'bijstandsnorm');
  const lookups = picked.categories.map(look);
  const first = lookups[0];
  if (first === undefined || lookups.some((l) => l === undefined)) {
    return {
      kind: 'not-in-data',
      reason: { code: 'norm-not-in-data', date: peildatum },
    };
  }
  const amounts = lookups.map((l) => l?.amountCents ?? 0);
  let low = Math.min(...amounts);
  let high: number | null = Math.max(...amounts);
  const notes: ReasonMessage[] = [];
  let confirmed = lookups.every((l) => l?.confirmed === true);
  let stale = lookups.find((l) => l?.staleReason !== undefined)?.staleReason;
  const category = picked.categories[0] ?? 'alleenstaande-21-aow';
  if (picked.categories.length > 1) {
    notes.push({ code: 'norm-depends-on-child-ages' });
  }
  if (picked.verhoging !== undefined) {
    const raise = look('verhoging-18-20');
    const cap = look(picked.verhoging.cap);
    if (raise === undefined || cap === undefined) {
      high = null;
      notes.push({ code: 'norm-raise-missing' });
    } else {
      high = Math.min(high + picked.verhoging.times * raise.amountCents, cap.amountCents);
      confirmed = confirmed && raise.confirmed && cap.confirmed;
      stale ??= raise.staleReason ?? cap.staleReason;
      notes.push({ code: 'norm-raise', lowCents: low, highCents: high });
    }
  }
  const others = possibleKostendelers(members);
  if (others > 0 && picked.kostendelerB.length > 0) {
    const bs = picked.kostendelerB.map(look);
    if (bs.every((b) => b !== undefined)) {
      const a = picked.kostendelerB.length + others;
      const kdn = bs.reduce(
        (sum, b) => sum + Math.round(((40 + 30 * a) * (b?.amountCents ?? 0)) / (100 * a)),
        0,
      );
      if (kdn < low) {
        low = kdn;
        notes.push({ code: 'kostendelersnorm', cents: kdn });
      }
    }
  }
  if (stale !== undefined) high = null;
  return {
    kind: 'known',
    category,
    label: NORM_LABEL[category],
    lowCents: low,
    highCents: high,
    validFrom: first.validFrom,
    confirmed,
    stale,
    notes,
    missing: picked.missing,
  };
}

/** The Participatiewet vermogensgrens (art. 34) for this household, as a range while it is open. */
export function resolveVermogensgrens(
  household: Household,
  norms: Norms,
  peildatum: string,
): LimitResolution {
  const members = household.members;
  let categories: VermogenCategory[];
  const missing: HouseholdField[] = [];
  if (members === undefined) {
    categories = ['alleenstaande', 'alleenstaande-ouder-of-gezin'];
    missing.push('members');
  } else if (members.some((m) => m.role === 'partner')) {
    categories = ['alleenstaande-ouder-of-gezin'];
  } else {
    const kids = minorChildren(members);
    if (!kids.known) missing.push('member-ages');
    categories = !kids.known
      ? ['alleenstaande', 'alleenstaande-ouder-of-gezin']
      : kids.any
        ? ['alleenstaande-ouder-of-gezin']
        : ['alleenstaande'];
  }
  const lookups = categories.map((c) =>
    lookupAmount(norms.vermogensgrenzen, c, peildatum, 'vermogensgrens'),
  );
  const first = lookups[0];
  if (first === undefined || lookups.some((l) => l === undefined)) {
    return {
      kind: 'not-in-data',
      reason: { code: 'vermogensgrens-not-in-data' },
      missing,
    };
  }
  const amounts = lookups.map((l) => l?.amountCents ?? 0);
  const stale = lookups.find((l) => l?.staleReason !== undefined)?.staleReason;
  const name: LimitName =
    categories.length > 1
      ? 'vermogensgrens-open'
      : categories[0] === 'alleenstaande'
        ? 'vermogensgrens-alleenstaande'
        : 'vermogensgrens-ouder-of-paar';
  return {
    kind: 'known',
    name,
    label: LIMIT_LABEL[name],
    lowCents: Math.min(...amounts),
    highCents: stale === undefined ? Math.max(...amounts) : null,
    validFrom: first.validFrom,
    confirmed: lookups.every((l) => l?.confirmed === true),
    stale,
    notes: [],
    missing,
  };
}

/** A euro limit of a toeslag on the peildatum, alone or with a partner. */
export function resolveLimit(
  household: Household,
  norms: Norms,
  key: LimitKey,
  peildatum: string,
): LimitResolution {
  let best: Norms['limits']['records'][number] | undefined;
  for (const r of norms.limits.records) {
    if (
      r.key === key &&
      r.validFrom <= peildatum &&
      (best === undefined || r.validFrom > best.validFrom)
    )
      best = r;
  }
  const members = household.members;
  const missing: HouseholdField[] = members === undefined ? ['members'] : [];
  if (best === undefined) {
    return {
      kind: 'not-in-data',
      reason: { code: 'limit-not-in-data', limit: key, date: peildatum },
      missing,
    };
  }
  const partner = members === undefined ? undefined : members.some((m) => m.role === 'partner');
  const alone = toCents(best.alone);
  const both = toCents(best.withPartner);
  const stale: ReasonMessage | undefined =
    monthsBetween(best.validFrom, peildatum) >= norms.limits.updateIntervalMonths
      ? { code: 'limit-stale', limit: key, usedFrom: best.validFrom }
      : undefined;
  const low = partner === true ? both : alone;
  const high = partner === false ? alone : both;
  return {
    kind: 'known',
    name: key,
    label: LIMIT_LABEL[key],
    lowCents: Math.min(low, high),
    highCents: stale === undefined ? Math.max(low, high) : null,
    validFrom: best.validFrom,
    confirmed: best.confirmed,
    stale,
    notes: best.note === undefined ? [] : [{ code: 'data-text', text: best.note }],
    missing,
  };
}
