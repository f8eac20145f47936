import type { ReactNode } from 'react';
import { TableScroll } from '../components/table-scroll';
import {
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

/**
 * An admin list as a table that scrolls sideways on a phone. The caption is for screen
 * readers only: the page's heading already says it to sighted users.
 */
export function AdminTable({
  caption,
  columns,
  testId,
  children,
}: {
  caption: string;
  columns: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={caption}>
      <Table data-testid={testId}>
        <TableCaption className="visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column, i) => (
              // The columns are fixed per table; two headings may read alike in a translation.
              <TableHeaderCell key={i} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroll>
  );
}
