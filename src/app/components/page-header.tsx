import { SkipLink as NlSkipLink } from '@nl-design-system-candidate/skip-link-react';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@utrecht/page-header-css/dist/index.css';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * The app bar: the Utrecht page header (a <header> with its class and CSS, which is all its React
 * component renders). Written here so the first paint does not depend on tree-shaking
 * @utrecht/component-library-react, a single large module, out of the start-up bundle.
 */
export function PageHeader({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <header {...rest} className={['utrecht-page-header', className].filter(Boolean).join(' ')} />
  );
}

/**
 * The NL Design System skip link (candidate): hidden until focused, then at the start of the
 * line in either direction (its CSS uses logical insets, so Arabic gets it on the right).
 */
export function SkipLink({ href, children }: { href: string; children: ReactNode }) {
  return <NlSkipLink href={href}>{children}</NlSkipLink>;
}
