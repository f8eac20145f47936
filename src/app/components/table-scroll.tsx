import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own box, never the page. Focusable and named, so
 * a keyboard user can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A focusable region is what lets the keyboard scroll it; it holds no other control.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
