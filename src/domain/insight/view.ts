import type { InsightResponse, MonthFigures, PublishedCount, PublishedTable } from './figures';

/**
 * Reading the published tables for one wijk or for Dordrecht as a whole, and the CSV export of
 * exactly what the screen shows. Pure, so the export and the screen cannot disagree.
 */

export const WHOLE_CITY = '';

/** A column of a table for the chosen wijk ('' = Dordrecht): one published count per column. */
export function column(table: PublishedTable, wijk: string): PublishedCount[] {
  if (wijk === WHOLE_CITY) return table.colTotals ?? table.cols.map(() => ({ kind: 'hidden' }));
  const i = table.rows.indexOf(wijk);
  return i < 0 ? table.cols.map(() => ({ kind: 'value', value: 0 })) : (table.cells[i] ?? []);
}

/** The table's total for the chosen wijk ('' = Dordrecht). */
export function totalOf(table: PublishedTable, wijk: string): PublishedCount | null {
  if (wijk === WHOLE_CITY) return table.total;
  const i = table.rows.indexOf(wijk);
  if (i < 0) return { kind: 'value', value: 0 };
  return table.rowTotals?.[i] ?? null;
}

/** One-column tables (signals with contact, help accepted) for the chosen wijk. */
export function single(table: PublishedTable, wijk: string): PublishedCount {
  return column(table, wijk)[0] ?? { kind: 'hidden' };
}

export function shareFor(
  byWijk: readonly (number | null)[],
  city: number | null,
  rows: readonly string[],
  wijk: string,
): number | null {
  if (wijk === WHOLE_CITY) return city;
  const i = rows.indexOf(wijk);
  return i < 0 ? null : (byWijk[i] ?? null);
}

/** The count as text: "< 5" for 0–4, "•" for a number hidden to protect a small one. */
export function countText(p: PublishedCount | null | undefined): string {
  if (!p) return '';
  if (p.kind === 'value') return String(p.value);
  return p.kind === 'small' ? '< 5' : '•';
}

/** The columns a screen table can have: the month and the one before, or the funnel's stages. */
export type ScreenColumn = 'thisMonth' | 'previousMonth' | 'suggested' | 'applied' | 'granted';

/** One table of the coordinator's screen for the chosen wijk: what is shown is what is exported. */
export interface ScreenTable {
  key: string;
  columns: readonly ScreenColumn[];
  /** The first column also drawn as a bar (the table is the chart). */
  bars: boolean;
  rows: { id: string; cells: PublishedCount[] }[];
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
  const stages = [f.suggested, f.applied, f.granted].map((t) => column(t, wijk));
  const funnel: ScreenTable = {
    key: 'funnel',
    columns: ['suggested', 'applied', 'granted'],
    bars: false,
    rows: f.suggested.cols.map((id, j) => ({
      id,
      cells: stages.map((s) => s[j] ?? { kind: 'hidden' }),
    })),
  };
  return [contactHelp, ...byMonth, funnel, ...TOEKOMST.map(compared(data, wijk, false))];
}

export interface CsvLabels {
  table: (key: string) => string;
  row: (table: string, id: string) => string;
  /** A column's name in `table` (the toekomst follow-ups name their cohort months). */
  column: (table: string, column: ScreenColumn) => string;
  wijk: (id: string) => string;
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
            countText(row.cells[k]),
          ]
            .map(cell)
            .join(';'),
        );
      });
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
