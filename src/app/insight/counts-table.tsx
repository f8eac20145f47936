import type { ReactNode } from 'react';
import {
  cellText,
  countText,
  type ScreenCell,
  type ScreenColumn,
  type ScreenTable,
} from '../../domain/insight/view';

/**
 * One table of the screen, exactly as the CSV has it; where `bars`, the first column also as a
 * bar (the table is the chart, readable without colour).
 */
export function CountsTable({
  caption,
  table,
  head,
  columnName,
  label,
  empty,
  note,
  share,
}: {
  caption: string;
  table: ScreenTable;
  head: string;
  columnName: (c: ScreenColumn) => string;
  label: (id: string) => string;
  empty?: string | undefined;
  note?: ReactNode;
  /** A share as text (the vroegsignalen's percentages). */
  share?: (value: number | null) => string;
}) {
  const max = Math.max(
    1,
    ...table.rows.map((r) => (r.cells[0]?.kind === 'value' ? r.cells[0].value : 0)),
  );
  return (
    <section className="insight-figure">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && empty && (
            <tr>
              <td colSpan={table.columns.length + 1}>{empty}</td>
            </tr>
          )}
          {table.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{label(row.id)}</th>
              {row.cells.map((value, k) => (
                <td key={table.columns[k]}>
                  {k === 0 && table.bars ? (
                    <Bar value={value} max={max} />
                  ) : (
                    cellText(value, share ?? noShare)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note}
    </section>
  );
}

const noShare = () => '';

function Bar({ value, max }: { value: ScreenCell | undefined; max: number }) {
  const width = value?.kind === 'value' ? Math.round((value.value / max) * 100) : 0;
  return (
    <span className="insight-bar">
      <span className="insight-bar-fill" style={{ inlineSize: `${width}%` }} aria-hidden="true" />
      <span className="insight-bar-text">{value?.kind === 'share' ? '' : countText(value)}</span>
    </span>
  );
}
