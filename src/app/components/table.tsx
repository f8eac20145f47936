import '@utrecht/table-css/dist/index.css';
import type {
  HTMLAttributes,
  ReactNode,
  TableHTMLAttributes,
  TdHTMLAttributes,
  ThHTMLAttributes,
} from 'react';

/**
 * The Utrecht table (NL Design System community component): its markup and classes against its
 * CSS. As with the alert, the React version lives only in Utrecht's whole library.
 */
const join = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ');

export function Table({ className, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  return <table {...rest} className={join('utrecht-table', className)} />;
}
export function TableCaption({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <caption {...rest} className={join('utrecht-table__caption', className)} />;
}
export function TableHeader({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...rest} className={join('utrecht-table__header', className)} />;
}
export function TableBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...rest} className={join('utrecht-table__body', className)} />;
}
export function TableRow({
  className,
  ...rest
}: HTMLAttributes<HTMLTableRowElement> & { children?: ReactNode; 'data-regeling'?: string }) {
  return <tr {...rest} className={join('utrecht-table__row', className)} />;
}
export function TableHeaderCell({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th {...rest} className={join('utrecht-table__header-cell', className)} />;
}
export function TableCell({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...rest} className={join('utrecht-table__cell', className)} />;
}
