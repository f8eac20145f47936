import type { ReactNode } from 'react';
import { TableScroll } from '../components/table-scroll';

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
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              // The columns are fixed per table; two headings may read alike in a translation.
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
