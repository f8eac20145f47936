import { z } from 'zod';
import { normsSchema, type Norms } from './norms-schema';
import { rulesFileSchema, type Condition, type Rule, type RulesFile } from './rule-schema';

/**
 * A rules version: the norms and the rules the check uses, published by a beheerder as data
 * (norms change every 1 January and 1 July; waiting for an app release would give wrong advice
 * for months). It is validated by the very schemas the shipped bundle is, and identified by a
 * hash of its content, so the same content has the same id on the server, on every device and
 * in the shipped bundle.
 */

export const rulesVersionSchema = z.object({ norms: normsSchema, rules: rulesFileSchema }).strict();
export type RulesVersion = z.infer<typeof rulesVersionSchema>;

/** A rules version with its id, as the server serves it and a device installs it. */
export const publishedRulesVersionSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    publishedAt: z.string().nullable(),
    version: rulesVersionSchema,
  })
  .strict();
export type PublishedRulesVersion = z.infer<typeof publishedRulesVersionSchema>;

/** `GET /api/rules`: the current published version, or null while none was published. */
export const rulesResponseSchema = z.object({ current: publishedRulesVersionSchema.nullable() });
export type RulesResponse = z.infer<typeof rulesResponseSchema>;

/** `POST /api/rules`: `created` is false when this version already was the current one. */
export const publishRulesResponseSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  created: z.boolean(),
});
export type PublishRulesResponse = z.infer<typeof publishRulesResponseSchema>;

/** JSON with sorted keys: the id must not depend on the order an editor wrote the keys in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * cyrb53 (a public-domain 53-bit string hash), twice with different seeds: an identifier for
 * content, not a security measure. Synchronous and pure, so the domain can compute it on the
 * server and on a device alike.
 */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The content id of a (parsed) rules version. */
export function rulesVersionId(version: RulesVersion): string {
  const text = canonicalJson(version);
  return `${cyrb53(text, 1)}${cyrb53(text, 2)}`.slice(0, 20);
}

/** How a worker sees the version: the editors' own version names, which she can look up. */
export function rulesVersionLabel(version: RulesVersion): string {
  return `normen ${version.norms.version} · regels ${version.rules.version}`;
}

export type RulesVersionCheck =
  { ok: true; version: RulesVersion; id: string; label: string } | { ok: false; errors: string[] };

/** Validates a candidate as the server will, with one line per problem naming where it is. */
export function checkRulesVersion(input: unknown): RulesVersionCheck {
  const parsed = rulesVersionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const where = issue.path.map(String).join('.');
        return where ? `${where}: ${issue.message}` : issue.message;
      }),
    };
  }
  return {
    ok: true,
    version: parsed.data,
    id: rulesVersionId(parsed.data),
    label: rulesVersionLabel(parsed.data),
  };
}

// ---------------------------------------------------------------------------------------------
// The diff a beheerder reads before publishing.

export type NormTable = 'bijstandsnormen' | 'vermogensgrenzen';

export type RulesChange =
  | {
      kind: 'norm';
      table: NormTable;
      category: string;
      validFrom: string;
      before: number | undefined;
      after: number | undefined;
      /** The source date of the new (or removed) amount. */
      sourceDate: string | undefined;
    }
  | { kind: 'pending'; table: NormTable; validFrom: string; change: 'added' | 'removed' }
  | { kind: 'aow-age'; before: number; after: number }
  | { kind: 'rule-added' | 'rule-removed'; regeling: string; name: string }
  | {
      kind: 'threshold';
      regeling: string;
      name: string;
      label: string;
      before: string;
      after: string;
    }
  | {
      kind: 'amount';
      regeling: string;
      name: string;
      label: string;
      before: number | undefined;
      after: number | undefined;
    }
  /** Conditions added or removed, or texts and sources changed: named, without a field diff. */
  | { kind: 'rule-changed'; regeling: string; name: string; what: 'conditions' | 'texts' };

function normChanges(before: Norms, after: Norms): RulesChange[] {
  const changes: RulesChange[] = [];
  if (before.aowAge.years !== after.aowAge.years) {
    changes.push({ kind: 'aow-age', before: before.aowAge.years, after: after.aowAge.years });
  }
  for (const table of ['bijstandsnormen', 'vermogensgrenzen'] as const) {
    const key = (r: { validFrom: string; category: string }) => `${r.validFrom}|${r.category}`;
    const old = new Map(before[table].records.map((r) => [key(r), r]));
    const next = new Map(after[table].records.map((r) => [key(r), r]));
    for (const k of new Set([...old.keys(), ...next.keys()])) {
      const a = old.get(k);
      const b = next.get(k);
      if (a && b && a.amount === b.amount) continue;
      const any = b ?? a;
      if (any === undefined) continue;
      changes.push({
        kind: 'norm',
        table,
        category: any.category,
        validFrom: any.validFrom,
        before: a?.amount,
        after: b?.amount,
        sourceDate: any.source.date,
      });
    }
    const oldPending = new Set(before[table].pending.map((p) => p.validFrom));
    const newPending = new Set(after[table].pending.map((p) => p.validFrom));
    for (const d of newPending)
      if (!oldPending.has(d))
        changes.push({ kind: 'pending', table, validFrom: d, change: 'added' });
    for (const d of oldPending)
      if (!newPending.has(d))
        changes.push({ kind: 'pending', table, validFrom: d, change: 'removed' });
  }
  return changes.sort((x, y) => {
    const dx = 'validFrom' in x ? x.validFrom : '';
    const dy = 'validFrom' in y ? y.validFrom : '';
    return dy.localeCompare(dx);
  });
}

function flatConditions(rule: Rule): Condition[] {
  return rule.conditions.flatMap((c) => (c.kind === 'any-of' ? [c, ...c.conditions] : [c]));
}

function euro(n: number): string {
  return `€ ${n.toLocaleString('nl-NL', { maximumFractionDigits: 2 })}`;
}

/** The limit a condition sets, in words an editor recognises; undefined where it sets none. */
function thresholdOf(c: Condition): string | undefined {
  switch (c.kind) {
    case 'income-pct-of-norm':
      return c.maxPct === null ? 'onbekend' : `${c.maxPct}% van de norm`;
    case 'savings-max':
      if (c.limit === null) return 'onbekend';
      if (c.limit === 'vermogensgrens-bijstand') return 'vermogensgrens bijstand';
      // A named limit from the norms (toeslagen vermogen, zorgtoeslag inkomen, …).
      return typeof c.limit === 'string' ? c.limit.replace(/-/g, ' ') : euro(c.limit);
    case 'rent-between':
      return `${c.min === undefined ? '—' : euro(c.min)} tot ${
        c.max === undefined ? '—' : c.max === null ? 'onbekend' : euro(c.max)
      }`;
    case 'age-between':
      return `${c.min ?? '—'} tot ${c.max ?? '—'} jaar`;
    case 'children-age-in-range':
      return `kinderen van ${c.minAge} tot ${c.maxAge} jaar`;
    default:
      return undefined;
  }
}

function ruleChanges(before: RulesFile, after: RulesFile): RulesChange[] {
  const changes: RulesChange[] = [];
  const old = new Map(before.rules.map((r) => [r.regeling, r]));
  const next = new Map(after.rules.map((r) => [r.regeling, r]));
  for (const [id, b] of next) {
    const a = old.get(id);
    if (!a) {
      changes.push({ kind: 'rule-added', regeling: id, name: b.name });
      continue;
    }
    if (canonicalJson(a) === canonicalJson(b)) continue;
    const own: RulesChange[] = [];
    const ca = flatConditions(a);
    const cb = flatConditions(b);
    const sameShape = ca.length === cb.length && ca.every((c, i) => c.kind === cb[i]?.kind);
    if (sameShape) {
      cb.forEach((c, i) => {
        const previous = ca[i];
        const ta = previous === undefined ? undefined : thresholdOf(previous);
        const tb = thresholdOf(c);
        if (ta !== undefined && tb !== undefined && ta !== tb)
          own.push({
            kind: 'threshold',
            regeling: id,
            name: b.name,
            label: c.label,
            before: ta,
            after: tb,
          });
      });
    } else {
      own.push({ kind: 'rule-changed', regeling: id, name: b.name, what: 'conditions' });
    }
    const amountsA = new Map(a.knownAmounts.map((k) => [k.label, k.amount]));
    const amountsB = new Map(b.knownAmounts.map((k) => [k.label, k.amount]));
    for (const label of new Set([...amountsA.keys(), ...amountsB.keys()])) {
      if (amountsA.get(label) !== amountsB.get(label))
        own.push({
          kind: 'amount',
          regeling: id,
          name: b.name,
          label,
          before: amountsA.get(label),
          after: amountsB.get(label),
        });
    }
    if (own.length === 0)
      own.push({ kind: 'rule-changed', regeling: id, name: b.name, what: 'texts' });
    changes.push(...own);
  }
  for (const [id, a] of old)
    if (!next.has(id)) changes.push({ kind: 'rule-removed', regeling: id, name: a.name });
  return changes;
}

/** What changes for the check when `after` replaces `before`: norms first (newest date first), then rules. */
export function diffRulesVersions(before: RulesVersion, after: RulesVersion): RulesChange[] {
  return [...normChanges(before.norms, after.norms), ...ruleChanges(before.rules, after.rules)];
}

// ---------------------------------------------------------------------------------------------
// Change dates without amounts: the beheerder must load them before the check can judge by them.

export interface MissingNorms {
  table: NormTable;
  validFrom: string;
  /** `pending`: the data itself lists the date as announced; `scheduled`: the regular half-yearly (or yearly) change. */
  why: 'pending' | 'scheduled';
}

function addMonths(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Change dates up to `horizon` (an ISO date; the beheer screen uses today plus two months) that
 * have no amounts: announced ones the data lists as pending, and the regular change dates after
 * the newest loaded amount.
 */
export function missingNorms(norms: Norms, horizon: string): MissingNorms[] {
  const out: MissingNorms[] = [];
  for (const table of ['bijstandsnormen', 'vermogensgrenzen'] as const) {
    const loaded = new Set(norms[table].records.map((r) => r.validFrom));
    const seen = new Set<string>();
    for (const p of norms[table].pending) {
      if (loaded.has(p.validFrom) || seen.has(p.validFrom)) continue;
      seen.add(p.validFrom);
      out.push({ table, validFrom: p.validFrom, why: 'pending' });
    }
    const newest = [...loaded].sort().at(-1);
    if (newest === undefined) continue;
    for (
      let next = addMonths(newest, norms[table].updateIntervalMonths);
      next <= horizon;
      next = addMonths(next, norms[table].updateIntervalMonths)
    ) {
      if (seen.has(next)) continue;
      seen.add(next);
      out.push({ table, validFrom: next, why: 'scheduled' });
    }
  }
  return out.sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.table.localeCompare(b.table),
  );
}
