import '@utrecht/alert-css/dist/index.css';
import { forwardRef, type HTMLAttributes } from 'react';

export type NoticeType = 'info' | 'ok' | 'warning' | 'error';

/**
 * A message box: the Utrecht alert (NL Design System community component), in the markup its
 * React component renders, against its CSS. Utrecht ships that component only inside its whole
 * component library, one large module; these few lines spare every screen loading it.
 * `role` stays the caller's choice: an error the worker must act on now is an alert, a calm
 * outcome a status, and a standing explanation on a page none (no live region re-announcing it).
 */
export const Notice = forwardRef<
  HTMLDivElement,
  Omit<HTMLAttributes<HTMLDivElement>, 'role'> & { type?: NoticeType; role?: string }
>(function Notice({ type = 'info', role, className, children, ...rest }, ref) {
  return (
    <div
      ref={ref}
      {...rest}
      className={['utrecht-alert', `utrecht-alert--${type}`, className].filter(Boolean).join(' ')}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role={role}>
          {children}
        </div>
      </div>
    </div>
  );
});
