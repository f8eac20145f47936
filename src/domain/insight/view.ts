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

export interface CsvLabels {
  section: (key: string) => string;
  column: (section: string, id: string) => string;
  wijk: (id: string) => string;
  header: [string, string, string, string, string];
}

function cell(text: string): string {
  return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const SECTIONS: readonly { key: string; table: (f: MonthFigures) => PublishedTable }[] = [
  { key: 'signalsByCategory', table: (f) => f.signals.byCategory },
  { key: 'signalsByUrgency', table: (f) => f.signals.byUrgency },
  { key: 'signalsByStatus', table: (f) => f.signals.byStatus },
  { key: 'withContact', table: (f) => f.contact.withContact },
  { key: 'helpAccepted', table: (f) => f.help.accepted },
  { key: 'checksByRole', table: (f) => f.checks.byRole },
  { key: 'doelgroepen', table: (f) => f.checks.doelgroepen },
  { key: 'suggested', table: (f) => f.funnel.suggested },
  { key: 'applied', table: (f) => f.funnel.applied },
  { key: 'granted', table: (f) => f.funnel.granted },
  { key: 'toekomst', table: (f) => f.toekomst.byWijk },
  { key: 'toekomstAfter3', table: (f) => f.toekomst.after3Months.table },
  { key: 'toekomstAfter12', table: (f) => f.toekomst.after12Months.table },
];

/**
 * CSV (semicolon-separated, as Dutch spreadsheets open it) of every table for the chosen wijk:
 * figure, wijk, column, this month, previous month. Suppressed counts keep their "< 5" / "•".
 */
export function insightCsv(data: InsightResponse, wijk: string, labels: CsvLabels): string {
  const lines = [labels.header.map(cell).join(';')];
  for (const section of SECTIONS) {
    const now = section.table(data.current);
    const before = section.table(data.previous);
    const a = column(now, wijk);
    const b = column(before, wijk);
    now.cols.forEach((col, j) => {
      lines.push(
        [
          labels.section(section.key),
          labels.wijk(wijk),
          labels.column(section.key, col),
          countText(a[j]),
          countText(b[j]),
        ]
          .map(cell)
          .join(';'),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
