import { Alert } from '@utrecht/component-library-react';
import '@utrecht/alert-css/dist/index.css';
import { forwardRef, type HTMLAttributes } from 'react';

export type NoticeType = 'info' | 'ok' | 'warning' | 'error';

/**
 * A message box: the Utrecht alert (NL Design System community component). `role` stays the
 * caller's choice: an error the worker must act on now is an alert, a calm outcome a status,
 * and a standing explanation on a page none (no live region announcing it on every render).
 * Utrecht's Alert would otherwise give every box a live role by its type.
 */
export const Notice = forwardRef<
  HTMLDivElement,
  Omit<HTMLAttributes<HTMLDivElement>, 'role'> & { type?: NoticeType; role?: string }
>(function Notice({ type = 'info', role, ...rest }, ref) {
  return <Alert ref={ref} {...rest} type={type} role={role ?? 'none'} />;
});
