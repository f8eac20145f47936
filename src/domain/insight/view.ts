import type { InsightResponse, MonthFigures, PublishedCount, PublishedTable } from './figures';

/**
 * Reading the published tables for one wijk or for Dordrecht as a whole, and the CSV export of
 * exactly what the screen shows. Pure, so the export and the screen cannot disagree.
 */

export const WHOLE_CITY = '';

/**
 * What the screen shows figures for: Dordrecht (''), a wijk id, or a team within a wijk
 * (`wijk|team`, see teamKey). A wijk or team without records in a month shows "< 5" there.
 */
export type Area = string;

export function isTeamArea(area: Area): boolean {
  return area.includes('|');
}

const SMALL: PublishedCount = { kind: 'small' };
const HIDDEN: PublishedCount = { kind: 'hidden' };

/** A column of a table for the chosen area: one published count per column. */
export function column(table: PublishedTable, area: Area): PublishedCount[] {
  if (area === WHOLE_CITY) return table.colTotals ?? table.cols.map(() => ({ kind: 'hidden' }));
  if (isTeamArea(area)) {
    const t = table.teams?.ids.indexOf(area) ?? -1;
    if (!table.teams) return table.cols.map(() => ({ kind: 'hidden' }));
    return t < 0 ? table.cols.map(() => SMALL) : (table.teams.cells[t] ?? []);
  }
  const i = table.rows.indexOf(area);
  return i < 0 ? table.cols.map(() => SMALL) : (table.cells[i] ?? []);
}

/** The table's total for the chosen area. */
export function totalOf(table: PublishedTable, area: Area): PublishedCount | null {
  if (area === WHOLE_CITY) return table.total;
  if (isTeamArea(area)) {
    const t = table.teams?.ids.indexOf(area) ?? -1;
    if (!table.teams?.totals) return null;
    return t < 0 ? SMALL : (table.teams.totals[t] ?? null);
  }
  const i = table.rows.indexOf(area);
  if (i < 0) return table.rowTotals ? SMALL : null;
  return table.rowTotals?.[i] ?? null;
}

/** One-column tables (signals with contact, help accepted) for the chosen area. */
export function single(table: PublishedTable, area: Area): PublishedCount {
  return column(table, area)[0] ?? { kind: 'hidden' };
}

/** A share (contact, help accepted) for the area; null where it is not shown. */
export function shareFor(
  shares: {
    shareByWijk: readonly (number | null)[];
    shareByTeam: readonly (number | null)[];
    share: number | null;
  },
  table: PublishedTable,
  area: Area,
): number | null {
  if (area === WHOLE_CITY) return shares.share;
  if (isTeamArea(area)) {
    const t = table.teams?.ids.indexOf(area) ?? -1;
    return t < 0 ? null : (shares.shareByTeam[t] ?? null);
  }
  const i = table.rows.indexOf(area);
  return i < 0 ? null : (shares.shareByWijk[i] ?? null);
}

/** The teams within a wijk that the month or the one before has figures for. */
export function teamsOf(data: InsightResponse, wijk: string): string[] {
  const ids = [data.current, data.previous].flatMap((f) => [
    ...(f.signals.byCategory.teams?.ids ?? []),
    ...(f.checks.byRole.teams?.ids ?? []),
  ]);
  return [...new Set(ids)].filter((id) => id.startsWith(`${wijk}|`)).sort();
}

/** The wijken the month or the one before has figures for. */
export function wijkenOf(data: InsightResponse): string[] {
  const rows = [data.current, data.previous].flatMap((f) => [
    ...f.signals.byCategory.rows,
    ...f.checks.byRole.rows,
  ]);
  const unknown = 'onbekend';
  return [...[...new Set(rows)].filter((r) => r !== unknown).sort(), unknown];
}

/** The count as text: "< 5" for 0–4, "•" for a number hidden to protect a small one. */
export function countText(p: PublishedCount | null | undefined): string {
  if (!p) return '';
  if (p.kind === 'value') return String(p.value);
  return p.kind === 'small' ? '< 5' : '•';
}

/** A share read from two published counts; null where either is not shown (README rule 4). */
export interface ShareCell {
  kind: 'share';
  value: number | null;
}
export type ScreenCell = PublishedCount | ShareCell;

/** A cell as text: counts as `countText`, shares through the caller's percent format. */
export function cellText(
  cell: ScreenCell | null | undefined,
  share: (value: number | null) => string,
): string {
  if (cell?.kind === 'share') return share(cell.value);
  return countText(cell);
}

/** numerator / denominator when both are shown and the denominator is not 0. */
export function shareOfCounts(
  numerator: PublishedCount | undefined,
  denominator: PublishedCount | undefined,
): ShareCell {
  const value =
    numerator?.kind === 'value' && denominator?.kind === 'value' && denominator.value > 0
      ? numerator.value / denominator.value
      : null;
  return { kind: 'share', value };
}

/**
 * The columns a screen table can have: the month and the one before, the funnel's stages, or
 * the vroegsignalen's counts and shares.
 */
export type ScreenColumn =
  | 'thisMonth'
  | 'previousMonth'
  | 'suggested'
  | 'applied'
  | 'appliedTogether'
  | 'granted'
  | 'vroegSignals'
  | 'vroegContact'
  | 'vroegContactShare'
  | 'vroegAccepted'
  | 'vroegAcceptedShare';

/** One table of the coordinator's screen for the chosen wijk: what is shown is what is exported. */
export interface ScreenTable {
  key: string;
  columns: readonly ScreenColumn[];
  /** The first column also drawn as a bar (the table is the chart). */
  bars: boolean;
  rows: { id: string; cells: ScreenCell[] }[];
}

/** The row of the vroegsignalen table that adds up all creditor types. */
export const ALL_CREDITORS = 'alle';

/**
 * Vroegsignalen for the area this month, per creditor type and all together: how many, with a
 * first contact (and the share of all), with help accepted (and the share of those with contact).
 */
export function vroegTable(figures: MonthFigures, area: Area): ScreenTable {
  const { signals, contact, accepted } = figures.vroeg;
  const counts = [signals, contact, accepted].map((t) => column(t, area));
  const totals = [signals, contact, accepted].map((t) => totalOf(t, area) ?? SMALL);
  const row = (id: string, s?: PublishedCount, c?: PublishedCount, a?: PublishedCount) => ({
    id,
    cells: [
      s ?? HIDDEN,
      c ?? HIDDEN,
      shareOfCounts(c, s),
      a ?? HIDDEN,
      shareOfCounts(a, c),
    ] satisfies ScreenCell[],
  });
  return {
    key: 'vroeg',
    columns: [
      'vroegSignals',
      'vroegContact',
      'vroegContactShare',
      'vroegAccepted',
      'vroegAcceptedShare',
    ],
    bars: false,
    rows: [
      ...signals.cols.map((id, j) => row(id, counts[0]?.[j], counts[1]?.[j], counts[2]?.[j])),
      row(ALL_CREDITORS, totals[0], totals[1], totals[2]),
    ],
  };
}

interface Compared {
  key: string;
  table: (f: MonthFigures) => PublishedTable;
}

const COMPARED: readonly Compared[] = [
  { key: 'signalsByCategory', table: (f) => f.signals.byCategory },
  { key: 'signalsByUrgency', table: (f) => f.signals.byUrgency },
  { key: 'signalsByStatus', table: (f) => f.signals.byStatus },
  { key: 'checksByRole', table: (f) => f.checks.byRole },
  { key: 'doelgroepen', table: (f) => f.checks.doelgroepen },
  { key: 'summaryLanguages', table: (f) => f.checks.languages },
];

/**
 * The toekomstmakelaars' tables (keys start with `toekomst`): trajectories begun in the month,
 * and the plans begun 3 and 12 months earlier. Their "month" columns are those cohorts.
 */
const TOEKOMST: readonly Compared[] = [
  { key: 'toekomst', table: (f) => f.toekomst.byWijk },
  { key: 'toekomstAfter3', table: (f) => f.toekomst.after3Months.table },
  { key: 'toekomstAfter12', table: (f) => f.toekomst.after12Months.table },
];

export function isToekomstTable(key: string): boolean {
  return key.startsWith('toekomst');
}

/**
 * The month whose plans a toekomst follow-up column counts (3 or 12 months before the chosen
 * month or the one before it); null for every other table and column.
 */
export function cohortOf(data: InsightResponse, table: string, c: ScreenColumn): string | null {
  const key =
    table === 'toekomstAfter3'
      ? 'after3Months'
      : table === 'toekomstAfter12'
        ? 'after12Months'
        : null;
  if (!key || (c !== 'thisMonth' && c !== 'previousMonth')) return null;
  return (c === 'thisMonth' ? data.current : data.previous).toekomst[key].cohort;
}

function compared(data: InsightResponse, wijk: string, bars: boolean) {
  return ({ key, table }: Compared): ScreenTable => {
    const now = table(data.current);
    const a = column(now, wijk);
    const b = column(table(data.previous), wijk);
    return {
      key,
      columns: ['thisMonth', 'previousMonth'],
      bars,
      rows: now.cols.map((id, j) => ({
        id,
        cells: [a[j] ?? { kind: 'hidden' }, b[j] ?? { kind: 'hidden' }],
      })),
    };
  };
}

/** Every table the screen shows for the wijk ('' = Dordrecht), in screen order. */
export function screenTables(data: InsightResponse, wijk: string): ScreenTable[] {
  const byMonth = COMPARED.map(compared(data, wijk, true));
  const contactHelp: ScreenTable = {
    key: 'contactHelp',
    columns: ['thisMonth', 'previousMonth'],
    bars: false,
    rows: [
      {
        id: 'withContact',
        cells: [
          single(data.current.contact.withContact, wijk),
          single(data.previous.contact.withContact, wijk),
        ],
      },
      {
        id: 'helpAccepted',
        cells: [
          single(data.current.help.accepted, wijk),
          single(data.previous.help.accepted, wijk),
        ],
      },
    ],
  };
  const f = data.current.funnel;
  const stages = [f.suggested, f.applied, f.appliedTogether, f.granted].map((t) => column(t, wijk));
  const funnel: ScreenTable = {
    key: 'funnel',
    columns: ['suggested', 'applied', 'appliedTogether', 'granted'],
    bars: false,
    rows: f.suggested.cols.map((id, j) => ({
      id,
      cells: stages.map((s) => s[j] ?? { kind: 'hidden' }),
    })),
  };
  // The toekomstmakelaars' tables are per wijk only.
  const toekomst = isTeamArea(wijk) ? [] : TOEKOMST.map(compared(data, wijk, false));
  return [contactHelp, vroegTable(data.current, wijk), ...byMonth, funnel, ...toekomst];
}

export interface CsvLabels {
  table: (key: string) => string;
  row: (table: string, id: string) => string;
  /** A column's name in `table` (the toekomst follow-ups name their cohort months). */
  column: (table: string, column: ScreenColumn) => string;
  wijk: (id: string) => string;
  /** A share as text (a percentage, or "not shown"). */
  share: (value: number | null) => string;
  header: [string, string, string, string, string];
}

function cell(text: string): string {
  return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV (semicolon-separated, as Dutch spreadsheets open it) of every table the screen shows for the
 * wijk, one line per shown number: figure, wijk, row, column, count. Suppressed counts keep their
 * "< 5" / "•", so the file says no more than the screen.
 */
export function insightCsv(data: InsightResponse, wijk: string, labels: CsvLabels): string {
  const lines = [labels.header.map(cell).join(';')];
  for (const table of screenTables(data, wijk)) {
    for (const row of table.rows) {
      table.columns.forEach((col, k) => {
        lines.push(
          [
            labels.table(table.key),
            labels.wijk(wijk),
            labels.row(table.key, row.id),
            labels.column(table.key, col),
            cellText(row.cells[k], labels.share),
          ]
            .map(cell)
            .join(';'),
        );
      });
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
