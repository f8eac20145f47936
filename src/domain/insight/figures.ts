import { z } from 'zod';
import { NATIONAL_CONTACT_SHARE_2024 } from '../signals/indicator';
import {
  protectBreakdowns,
  protectTable,
  MIN_CELL,
  type ProtectedTable,
  type Published,
  type TeamCounts,
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
  /** Languages a quick check's summary can be shown in (and `none`). */
  languages: readonly string[];
  /** The vroegsignalen's creditor types (issue 17). */
  creditorTypes: readonly string[];
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
  /** The rows per team within each wijk (ids `wijk|team`, see teamKey); null where not offered. */
  teams: z
    .object({
      ids: z.array(z.string()),
      cells: z.array(z.array(publishedSchema)),
      totals: z.array(publishedSchema).nullable(),
    })
    .nullable(),
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
    /** Per team row of `withContact.teams`. */
    shareByTeam: z.array(shareSchema),
    share: shareSchema,
    medianHoursToFirstContact: z.number().nonnegative().nullable(),
  }),
  help: z.object({
    accepted: tableSchema,
    /** Accepted among signals with contact. */
    shareByWijk: z.array(shareSchema),
    shareByTeam: z.array(shareSchema),
    share: shareSchema,
  }),
  /**
   * Imported vroegsignalen per wijk (and team) × creditor type: how many, how many with a first
   * contact, how many with help accepted. Shares are read from these counts (view.ts), only where
   * both are shown.
   */
  vroeg: z.object({ signals: tableSchema, contact: tableSchema, accepted: tableSchema }),
  /** `languages`: the language the resident's summary was shown in (anonymous quick checks). */
  checks: z.object({ byRole: tableSchema, doelgroepen: tableSchema, languages: tableSchema }),
  funnel: z.object({
    suggested: tableSchema,
    applied: tableSchema,
    /** Of those applied: made together with the worker at the table (issue 16). */
    appliedTogether: tableSchema,
    granted: tableSchema,
  }),
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

/** The wijken a population (counted by `metric`) has this month, "onbekend" last if any lack one. */
function populationRows(
  dims: InsightDimensions,
  counts: readonly RollupCount[],
  metric: RollupMetric,
): string[] {
  const present = new Set(counts.filter((c) => c.metric === metric && c.n > 0).map((c) => c.wijk));
  const rows = dims.wijken.filter((w) => present.has(w));
  const unknown = [...present].some((w) => w === '' || !dims.wijken.includes(w));
  // An empty month keeps one row, so its zeros read "< 5" rather than hidden.
  return unknown || rows.length === 0 ? [...rows, UNKNOWN_WIJK] : rows;
}

export function rowIndex(rows: readonly string[], wijk: string | null): number {
  const i = wijk === null ? -1 : rows.indexOf(wijk);
  return i >= 0 ? i : rows.length - 1;
}

/** The id of a team's row within a wijk's row ('' = no team). */
export function teamKey(row: string, team: string): string {
  return `${row}|${team}`;
}

/**
 * The team rows of a population (signals or checks, counted by `metric`): per wijk row, the
 * teams that have any of its records this month, or one row without a team.
 */
function teamRows(
  rows: readonly string[],
  counts: readonly RollupCount[],
  metric: RollupMetric,
): { ids: string[]; parent: number[]; index: Map<string, number> } {
  const perRow = rows.map(() => new Set<string>());
  for (const c of counts)
    if (c.metric === metric && c.n > 0) perRow[rowIndex(rows, c.wijk || null)]?.add(c.team);
  const ids: string[] = [];
  const parent: number[] = [];
  const index = new Map<string, number>();
  perRow.forEach((teams, i) => {
    const sorted = teams.size > 0 ? [...teams].sort() : [''];
    for (const team of sorted) {
      const id = teamKey(rows[i] ?? UNKNOWN_WIJK, team);
      index.set(id, ids.length);
      ids.push(id);
      parent.push(i);
    }
  });
  return { ids, parent, index };
}
type Teams = ReturnType<typeof teamRows>;

/**
 * Counts per row (and team) and column of one metric; keys outside the known columns are left
 * out of that breakdown (`col` maps a key to its column, e.g. an unknown category to 'overig').
 */
function grid(
  rows: readonly string[],
  teams: Teams,
  cols: readonly string[],
  counts: readonly RollupCount[],
  metric: RollupMetric,
  col: (key: string) => string = (k) => k,
): { cells: number[][]; teams: TeamCounts } {
  const cells = rows.map(() => cols.map(() => 0));
  const teamCells = teams.ids.map(() => cols.map(() => 0));
  for (const c of counts) {
    if (c.metric !== metric) continue;
    const i = rowIndex(rows, c.wijk || null);
    const t = teams.index.get(teamKey(rows[i] ?? UNKNOWN_WIJK, c.team));
    const j = cols.indexOf(col(c.key));
    const r = cells[i];
    const tr = t === undefined ? undefined : teamCells[t];
    if (!r || !tr || j < 0) continue;
    r[j] = (r[j] ?? 0) + c.n;
    tr[j] = (tr[j] ?? 0) + c.n;
  }
  return { cells, teams: { ids: teams.ids, parent: teams.parent, cells: teamCells } };
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
  counted: { cells: number[][]; teams: TeamCounts },
  col: string,
): ProtectedTable {
  return protectTable({
    rows,
    cols: [col],
    cells: counted.cells,
    teams: counted.teams,
    showRowTotals: false,
    showColTotals: true,
    showTotal: false,
  });
}

/**
 * One month's figures. Its rows (wijken, and teams within them) and the regelingen come from
 * this month's counts alone, so a month is published the same whether it is asked for as
 * "this month" or as "the month before": a reader cannot set two versions side by side.
 */
export function computeMonthFigures(
  month: string,
  dims: InsightDimensions,
  counts: readonly RollupCount[],
): Omit<MonthFigures, 'toekomst'> {
  // Signals and checks each have the rows of the wijken they were made in (and "onbekend" only
  // when some have no wijk): a row of zeros would only force hiding numbers in the others.
  const signalRows = populationRows(dims, counts, 'signals');
  const checkRows = populationRows(dims, counts, 'checks');
  const rows = signalRows;
  const signalTeams = teamRows(signalRows, counts, 'signals');
  const checkTeams = teamRows(checkRows, counts, 'checks');
  const signals = (cols: readonly string[], metric: RollupMetric, col?: (k: string) => string) =>
    grid(signalRows, signalTeams, cols, counts, metric, col);
  const checks = (cols: readonly string[], metric: RollupMetric) =>
    grid(checkRows, checkTeams, cols, counts, metric);
  const categories = withOther(dims.categories);
  const urgencies = withOther(dims.urgencies);
  const statuses = withOther(dims.statuses);
  const breakdowns = protectBreakdowns(rows, [
    {
      cols: categories,
      ...signals(categories, 'category', orOther(dims.categories)),
      showColTotals: true,
    },
    {
      cols: urgencies,
      ...signals(urgencies, 'urgency', orOther(dims.urgencies)),
      showColTotals: true,
    },
    {
      cols: statuses,
      ...signals(statuses, 'status', orOther(dims.statuses)),
      showColTotals: true,
    },
  ]);
  const [byCategory, byUrgency, byStatus] = breakdowns.tables;

  const withContact = oneColumn(rows, signals([''], 'contact'), 'contact');
  const histogram = new Map<number, number>();
  for (const c of counts) {
    if (c.metric === 'contactTenths')
      histogram.set(Number(c.key), (histogram.get(Number(c.key)) ?? 0) + c.n);
  }
  const med = medianHours(histogram);
  const contactTotal = withContact.colTotals?.[0];
  const accepted = oneColumn(rows, signals([''], 'accepted'), 'aanvaard');
  const perTeam = (numerator: ProtectedTable, denominator: readonly Published[] | undefined) =>
    signalTeams.ids.map((_, t) => shareOf(numerator.teams?.cells[t]?.[0], denominator?.[t]));

  // Vroegsignalen have the rows of the wijken (and teams) they were made in; each table is
  // protected with all its margins, like the two-way tables above.
  const vroegRows = populationRows(dims, counts, 'vroeg');
  const vroegTeams = teamRows(vroegRows, counts, 'vroeg');
  const vroegTable = (metric: RollupMetric) =>
    protectTable({
      rows: vroegRows,
      cols: dims.creditorTypes,
      ...grid(vroegRows, vroegTeams, dims.creditorTypes, counts, metric),
      showRowTotals: true,
      showColTotals: true,
      showTotal: true,
    });

  const roleTable = protectTable({
    rows: checkRows,
    cols: dims.roles,
    ...checks(dims.roles, 'role'),
    showRowTotals: true,
    showColTotals: true,
    showTotal: true,
  });
  const perRegeling = (metric: RollupMetric) =>
    protectTable({
      rows: checkRows,
      cols: dims.regelingen,
      ...checks(dims.regelingen, metric),
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
      shareByTeam: perTeam(withContact, breakdowns.teamTotals ?? undefined),
      share: shareOf(contactTotal, breakdowns.total),
      // A median of fewer than five contacts would describe those few people.
      medianHoursToFirstContact: contactTotal?.kind === 'value' && med !== null ? med : null,
    },
    help: {
      accepted,
      shareByWijk: rows.map((_, i) => shareOf(accepted.cells[i]?.[0], withContact.cells[i]?.[0])),
      shareByTeam: perTeam(
        accepted,
        withContact.teams?.cells.map((r) => r[0] ?? { kind: 'hidden' }),
      ),
      share: shareOf(accepted.colTotals?.[0], contactTotal),
    },
    vroeg: {
      signals: vroegTable('vroeg'),
      contact: vroegTable('vroegContact'),
      accepted: vroegTable('vroegAccepted'),
    },
    checks: {
      byRole: roleTable,
      doelgroepen: protectTable({
        rows: checkRows,
        cols: dims.doelgroepen,
        ...checks(dims.doelgroepen, 'doelgroep'),
        showRowTotals: false,
        showColTotals: true,
        showTotal: false,
      }),
      languages: protectTable({
        rows: checkRows,
        cols: dims.languages,
        ...checks(dims.languages, 'language'),
        showRowTotals: false,
        showColTotals: true,
        showTotal: false,
      }),
    },
    funnel: {
      suggested: perRegeling('suggested'),
      applied: perRegeling('applied'),
      appliedTogether: perRegeling('appliedTogether'),
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
