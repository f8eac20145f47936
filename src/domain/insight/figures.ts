import { z } from 'zod';
import { NATIONAL_CONTACT_SHARE_2024 } from '../signals/indicator';
import {
  protectBreakdowns,
  protectTable,
  MIN_CELL,
  type ProtectedTable,
  type Published,
} from './suppression';
import { medianHours, type RollupCount, type RollupMetric } from './rollup';

/**
 * The coordinator's figures for one month, computed on the server from the month's rollup
 * (counts per wijk, team and part; see rollup.ts) and published only through small-cell suppression.
 * Signals and checks count in the month they were made; what happened to them since (first
 * contact, help accepted, applications) counts with them, as of the moment of asking.
 */

export const UNKNOWN_WIJK = 'onbekend';

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

/**
 * Counts per row and column of one metric; keys outside the known columns are left out of that
 * breakdown (`col` maps a key to its column, e.g. an unknown category to 'overig').
 */
function grid(
  rows: readonly string[],
  cols: readonly string[],
  counts: readonly RollupCount[],
  metric: RollupMetric,
  col: (key: string) => string = (k) => k,
): number[][] {
  const cells = rows.map(() => cols.map(() => 0));
  for (const c of counts) {
    if (c.metric !== metric) continue;
    const r = cells[rowIndex(rows, c.wijk === '' ? null : c.wijk)];
    const j = cols.indexOf(col(c.key));
    if (r && j >= 0) r[j] = (r[j] ?? 0) + c.n;
  }
  return cells;
}

function oneCount(rows: readonly string[], counts: readonly RollupCount[], metric: RollupMetric) {
  return grid(rows, [''], counts, metric).map((r) => r[0] ?? 0);
}

/** Every signal lands in one column of each breakdown, so all breakdowns share the row totals. */
function withOther(values: readonly string[]): string[] {
  return [...values, 'overig'];
}
function orOther(values: readonly string[]): (v: string) => string {
  return (v) => (values.includes(v) ? v : 'overig');
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
  counts: readonly RollupCount[],
): Omit<MonthFigures, 'toekomst'> {
  const rows = rowsOf(dims);
  const categories = withOther(dims.categories);
  const urgencies = withOther(dims.urgencies);
  const statuses = withOther(dims.statuses);
  const breakdowns = protectBreakdowns(rows, [
    {
      cols: categories,
      cells: grid(rows, categories, counts, 'category', orOther(dims.categories)),
      showColTotals: true,
    },
    {
      cols: urgencies,
      cells: grid(rows, urgencies, counts, 'urgency', orOther(dims.urgencies)),
      showColTotals: true,
    },
    {
      cols: statuses,
      cells: grid(rows, statuses, counts, 'status', orOther(dims.statuses)),
      showColTotals: true,
    },
  ]);
  const [byCategory, byUrgency, byStatus] = breakdowns.tables;

  const withContact = oneColumn(rows, oneCount(rows, counts, 'contact'), 'contact');
  const histogram = new Map<number, number>();
  for (const c of counts) {
    if (c.metric === 'contactTenths')
      histogram.set(Number(c.key), (histogram.get(Number(c.key)) ?? 0) + c.n);
  }
  const med = medianHours(histogram);
  const contactTotal = withContact.colTotals?.[0];
  const accepted = oneColumn(rows, oneCount(rows, counts, 'accepted'), 'aanvaard');

  const roleTable = protectTable({
    rows,
    cols: dims.roles,
    cells: grid(rows, dims.roles, counts, 'role'),
    showRowTotals: true,
    showColTotals: true,
    showTotal: true,
  });
  const perRegeling = (metric: RollupMetric) =>
    protectTable({
      rows,
      cols: dims.regelingen,
      cells: grid(rows, dims.regelingen, counts, metric),
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
      medianHoursToFirstContact: contactTotal?.kind === 'value' && med !== null ? med : null,
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
        cells: grid(rows, dims.doelgroepen, counts, 'doelgroep'),
        showRowTotals: false,
        showColTotals: true,
        showTotal: false,
      }),
    },
    funnel: {
      suggested: perRegeling('suggested'),
      applied: perRegeling('applied'),
      granted: perRegeling('granted'),
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
