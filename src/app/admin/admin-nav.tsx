import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { NavList } from '../components/nav-list';

const ITEMS = [
  { to: paths.adminUsers.href(), key: 'admin.nav.users', end: false },
  { to: paths.adminAudit.href(), key: 'admin.nav.audit', end: false },
  { to: paths.adminCatalogue.href(), key: 'admin.nav.catalogue', end: false },
  { to: paths.adminRules.href(), key: 'admin.nav.rules', end: false },
] as const;

/** The admin tasks side by side, so a beheerder moves between them without the main menu. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <NavList
      className="admin-nav"
      listClassName="inline-list"
      label={t('admin.nav.label')}
      items={ITEMS}
    />
  );
}
