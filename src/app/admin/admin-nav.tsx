import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';

const ITEMS = [
  { to: paths.adminUsers.href(), key: 'admin.nav.users', end: false },
  { to: paths.adminAudit.href(), key: 'admin.nav.audit', end: false },
  { to: paths.adminCatalogue.href(), key: 'admin.nav.catalogue', end: false },
] as const;

/** The three admin tasks side by side, so a beheerder moves between them without the main menu. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul className="inline-list">
        {ITEMS.map((item) => (
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
