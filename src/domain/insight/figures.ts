import { z } from 'zod';
import { NATIONAL_CONTACT_SHARE_2024 } from '../signals/indicator';
import {
  protectBreakdowns,
  protectTable,
  MIN_CELL,
  type ProtectedTable,
  type Published,
} from './suppression';
import type { Doelgroep, TakeUpStatus } from './take-up';
import { isApplied } from './take-up';

/**
 * The coordinator's figures for one month, computed on the server from facts that hold no person
 * (wijk, category, status, dates, counts) and published only through small-cell suppression.
 * Signals and checks count in the month they were made; what happened to them since (first
 * contact, help accepted, applications) counts with them, as of the moment of asking.
 */

export const UNKNOWN_WIJK = 'onbekend';

/** `count` signals alike in everything counted (the store groups them). */
export interface SignalFact {
  wijk: string | null;
  category: string | null;
  urgency: string | null;
  status: string | null;
  /** A first contact was made. */
  contact: boolean;
  /** The last word on help after contact. */
  help: 'aanvaard' | 'geweigerd' | null;
  count: number;
}

/** The month's signals, grouped, and the hours from each signal to its first contact. */
export interface SignalFacts {
  groups: readonly SignalFact[];
  hoursToFirstContact: readonly number[];
}

/** `count` checks alike in everything counted. */
export interface CheckFact {
  wijk: string | null;
  authorRole: string;
  suggested: readonly string[];
  takeUp: Readonly<Record<string, TakeUpStatus>>;
  doelgroepen: readonly Doelgroep[];
  count: number;
}

export interface InsightDimensions {
  wijken: readonly string[];
  categories: readonly string[];
  urgencies: readonly string[];
  statuses: readonly string[];
  roles: readonly string[];
  regelingen: readonly string[];
  doelgroepen: readonly string[];
}

const publishedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('small') }),
  z.object({ kind: z.literal('hidden') }),
]);
const tableSchema = z.object({
  rows: z.array(z.string()),
  cols: z.array(z.string()),
  cells: z.array(z.array(publishedSchema)),
  rowTotals: z.array(publishedSchema).nullable(),
  colTotals: z.array(publishedSchema).nullable(),
  total: publishedSchema.nullable(),
});
const shareSchema = z.number().min(0).max(1).nullable();

export const monthFiguresSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  signals: z.object({
    byCategory: tableSchema,
    byUrgency: tableSchema,
    byStatus: tableSchema,
  }),
  /** Signals with a first contact, per wijk; the share only where both numbers are shown. */
  contact: z.object({
    withContact: tableSchema,
    shareByWijk: z.array(shareSchema),
    share: shareSchema,
    medianHoursToFirstContact: z.number().nonnegative().nullable(),
  }),
  help: z.object({
    accepted: tableSchema,
    /** Accepted among signals with contact. */
    shareByWijk: z.array(shareSchema),
    share: shareSchema,
  }),
  checks: z.object({ byRole: tableSchema, doelgroepen: tableSchema }),
  funnel: z.object({ suggested: tableSchema, applied: tableSchema, granted: tableSchema }),
  /** The toekomstmakelaars' trajectories (see toekomst-figures.ts). */
  toekomst: z.object({
    /** Trajectories begun this month: new, reached, with a plan, with a step started. */
    byWijk: tableSchema,
    /** Plans begun in `cohort`: how many, and how many in work or training within 3 months. */
    after3Months: z.object({ cohort: z.string().regex(/^\d{4}-\d{2}$/), table: tableSchema }),
    after12Months: z.object({ cohort: z.string().regex(/^\d{4}-\d{2}$/), table: tableSchema }),
  }),
});
export type MonthFigures = z.infer<typeof monthFiguresSchema>;
export type PublishedTable = z.infer<typeof tableSchema>;
export type PublishedCount = z.infer<typeof publishedSchema>;

export const insightResponseSchema = z.object({
  minCell: z.literal(MIN_CELL),
  nationalContactShare: z.number(),
  current: monthFiguresSchema,
  previous: monthFiguresSchema,
});
export type InsightResponse = z.infer<typeof insightResponseSchema>;

/** `2026-11` → [`2026-11-01T00:00:00.000Z`, `2026-12-01T00:00:00.000Z`). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const from = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
  const to = new Date(Date.UTC(y ?? 1970, m ?? 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 2, 1));
  return d.toISOString().slice(0, 7);
}

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kies een maand als JJJJ-MM, bijvoorbeeld 2026-11.');

export function rowsOf(dims: InsightDimensions): string[] {
  return [...dims.wijken, UNKNOWN_WIJK];
}

export function rowIndex(rows: readonly string[], wijk: string | null): number {
  const i = wijk === null ? -1 : rows.indexOf(wijk);
  return i >= 0 ? i : rows.length - 1;
}

/** Counts per row and column; values outside the known columns are left out of that breakdown. */
function crossCount<T extends { count: number }>(
  rows: readonly string[],
  cols: readonly string[],
  items: readonly T[],
  row: (item: T) => string | null,
  col: (item: T) => readonly (string | null)[],
): number[][] {
  const cells = rows.map(() => cols.map(() => 0));
  for (const item of items) {
    const r = cells[rowIndex(rows, row(item))];
    if (!r) continue;
    for (const c of col(item)) {
      const j = c === null ? -1 : cols.indexOf(c);
      if (j >= 0) r[j] = (r[j] ?? 0) + item.count;
    }
  }
  return cells;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Every signal lands in one column of each breakdown, so all breakdowns share the row totals. */
function withOther(values: readonly string[]): string[] {
  return [...values, 'overig'];
}
function orOther(values: readonly string[], v: string | null): string {
  return v !== null && values.includes(v) ? v : 'overig';
}

function shareOf(numerator: Published | undefined, denominator: Published | undefined) {
  if (numerator?.kind !== 'value' || denominator?.kind !== 'value' || denominator.value === 0)
    return null;
  return numerator.value / denominator.value;
}

function oneColumn(
  rows: readonly string[],
  counts: readonly number[],
  col: string,
): ProtectedTable {
  return protectTable({
    rows,
    cols: [col],
    cells: counts.map((n) => [n]),
    showRowTotals: false,
    showColTotals: true,
    showTotal: false,
  });
}

export function computeMonthFigures(
  month: string,
  dims: InsightDimensions,
  facts: SignalFacts,
  checks: readonly CheckFact[],
): Omit<MonthFigures, 'toekomst'> {
  const signals = facts.groups;
  const rows = rowsOf(dims);
  const categories = withOther(dims.categories);
  const urgencies = withOther(dims.urgencies);
  const statuses = withOther(dims.statuses);
  const breakdowns = protectBreakdowns(rows, [
    {
      cols: categories,
      cells: crossCount(
        rows,
        categories,
        signals,
        (s) => s.wijk,
        (s) => [orOther(dims.categories, s.category)],
      ),
      showColTotals: true,
    },
    {
      cols: urgencies,
      cells: crossCount(
        rows,
        urgencies,
        signals,
        (s) => s.wijk,
        (s) => [orOther(dims.urgencies, s.urgency)],
      ),
      showColTotals: true,
    },
    {
      cols: statuses,
      cells: crossCount(
        rows,
        statuses,
        signals,
        (s) => s.wijk,
        (s) => [orOther(dims.statuses, s.status)],
      ),
      showColTotals: true,
    },
  ]);
  const [byCategory, byUrgency, byStatus] = breakdowns.tables;

  const contactCounts = crossCount(
    rows,
    ['contact'],
    signals,
    (s) => s.wijk,
    (s) => (s.contact ? ['contact'] : []),
  ).map((r) => r[0] ?? 0);
  const withContact = oneColumn(rows, contactCounts, 'contact');
  const med = median(facts.hoursToFirstContact);
  const contactTotal = withContact.colTotals?.[0];

  const acceptedCounts = crossCount(
    rows,
    ['aanvaard'],
    signals,
    (s) => s.wijk,
    (s) => (s.help === 'aanvaard' ? ['aanvaard'] : []),
  ).map((r) => r[0] ?? 0);
  const accepted = oneColumn(rows, acceptedCounts, 'aanvaard');

  const roleTable = protectTable({
    rows,
    cols: dims.roles,
    cells: crossCount(
      rows,
      dims.roles,
      checks,
      (c) => c.wijk,
      (c) => [c.authorRole],
    ),
    showRowTotals: true,
    showColTotals: true,
    showTotal: true,
  });
  const perRegeling = (pick: (c: CheckFact) => readonly string[]) =>
    protectTable({
      rows,
      cols: dims.regelingen,
      cells: crossCount(rows, dims.regelingen, checks, (c) => c.wijk, pick),
      showRowTotals: false,
      showColTotals: true,
      showTotal: false,
    });

  return {
    month,
    signals: {
      byCategory: byCategory ?? emptyTable(rows, categories),
      byUrgency: byUrgency ?? emptyTable(rows, urgencies),
      byStatus: byStatus ?? emptyTable(rows, statuses),
    },
    contact: {
      withContact,
      shareByWijk: rows.map((_, i) => shareOf(withContact.cells[i]?.[0], breakdowns.rowTotals[i])),
      share: shareOf(contactTotal, breakdowns.total),
      // A median of fewer than five contacts would describe those few people.
      medianHoursToFirstContact:
        contactTotal?.kind === 'value' && med !== null ? Math.round(med * 10) / 10 : null,
    },
    help: {
      accepted,
      shareByWijk: rows.map((_, i) => shareOf(accepted.cells[i]?.[0], withContact.cells[i]?.[0])),
      share: shareOf(accepted.colTotals?.[0], contactTotal),
    },
    checks: {
      byRole: roleTable,
      doelgroepen: protectTable({
        rows,
        cols: dims.doelgroepen,
        cells: crossCount(
          rows,
          dims.doelgroepen,
          checks,
          (c) => c.wijk,
          (c) => c.doelgroepen,
        ),
        showRowTotals: false,
        showColTotals: true,
        showTotal: false,
      }),
    },
    funnel: {
      suggested: perRegeling((c) => c.suggested),
      applied: perRegeling((c) =>
        Object.entries(c.takeUp)
          .filter(([, s]) => isApplied(s))
          .map(([id]) => id),
      ),
      granted: perRegeling((c) =>
        Object.entries(c.takeUp)
          .filter(([, s]) => s === 'toegekend')
          .map(([id]) => id),
      ),
    },
  };
}

function emptyTable(rows: readonly string[], cols: readonly string[]): ProtectedTable {
  return protectTable({
    rows,
    cols,
    cells: rows.map(() => cols.map(() => 0)),
    showRowTotals: true,
    showColTotals: true,
    showTotal: true,
  });
}

export { NATIONAL_CONTACT_SHARE_2024 };
