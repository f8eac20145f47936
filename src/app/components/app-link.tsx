import '@nl-design-system-candidate/link-css/link.css';
import { forwardRef } from 'react';
import { Link, type LinkProps } from 'react-router';

/**
 * A link inside the app with the NL Design System link's look (candidate link CSS). The
 * candidate's React Link renders a plain anchor, which would reload the page and drop the
 * unlocked vault; react-router's Link navigates in place.
 */
export const AppLink = forwardRef<HTMLAnchorElement, LinkProps>(function AppLink(
  { className, ...rest },
  ref,
) {
  return <Link ref={ref} {...rest} className={['nl-link', className].filter(Boolean).join(' ')} />;
});

/** A link that leaves the app (a regeling's official page), with the same look. */
export function ExternalLink({
  className,
  ...rest
}: React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...rest} className={['nl-link', className].filter(Boolean).join(' ')} />;
}
