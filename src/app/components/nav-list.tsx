import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface NavItem {
  to: string;
  /** An i18n key. */
  key: string;
  end: boolean;
}

/** A labelled menu of links that marks where the worker is. */
export function NavList({
  label,
  items,
  className,
  listClassName,
}: {
  label: string;
  items: readonly NavItem[];
  className: string;
  listClassName?: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className={className} aria-label={label}>
      <ul className={listClassName}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {t(item.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
