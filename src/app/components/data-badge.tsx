import '@nl-design-system-candidate/data-badge-css/data-badge.css';
import type { ReactNode } from 'react';

/**
 * A label with extra information (a fundament, a status): the NL Design System data badge. Its
 * React package still requires React 18, so the markup is written here against its CSS.
 */
export function DataBadge({ className, children }: { className?: string; children: ReactNode }) {
  return <span className={['nl-data-badge', className].filter(Boolean).join(' ')}>{children}</span>;
}
