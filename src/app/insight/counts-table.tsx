import type { ReactNode } from 'react';
import {
  cellText,
  countText,
  type ScreenCell,
  type ScreenColumn,
  type ScreenTable,
} from '../../domain/insight/view';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

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
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{head}</TableHeaderCell>
            {table.columns.map((c) => (
              <TableHeaderCell key={c} scope="col">
                {columnName(c)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.length === 0 && empty && (
            <TableRow>
              <TableCell colSpan={table.columns.length + 1}>{empty}</TableCell>
            </TableRow>
          )}
          {table.rows.map((row) => (
            <TableRow key={row.id}>
              <TableHeaderCell scope="row">{label(row.id)}</TableHeaderCell>
              {row.cells.map((value, k) => (
                <TableCell key={table.columns[k]}>
                  {k === 0 && table.bars ? (
                    <Bar value={value} max={max} />
                  ) : (
                    cellText(value, share ?? noShare)
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
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
