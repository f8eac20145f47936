import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { NavList } from './nav-list';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { UpdatePrompt } from './update-prompt';
import { SyncBadge } from '../session/sync-button';
import { useSession } from '../session/use-session';

const NAV = [
  { to: paths.start.href(), key: 'nav.start', end: true },
  { to: paths.regelingen.href(), key: 'nav.regelingen', end: false },
  { to: paths.checks.href(), key: 'nav.check', end: false },
  { to: paths.signals.href(), key: 'nav.signalen', end: false },
  { to: paths.wijken.href(), key: 'nav.wijken', end: false },
  { to: paths.programmes.href(), key: 'nav.programmas', end: false },
  { to: paths.indicators.href(), key: 'nav.indicatoren', end: false },
] as const;

/** Only a beheerder sees the admin screens in the menu; the server checks the role anyway. */
const ADMIN_NAV = { to: paths.admin.href(), key: 'nav.admin', end: false } as const;

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const nav = session?.user.role === 'beheerder' ? [...NAV, ADMIN_NAV] : NAV;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="/icons/icon.svg" alt="" width="36" height="36" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="header-tools">
          <ConnectionStatus />
          <SyncBadge />
          <LanguageSwitch />
        </div>
      </header>
      <NavList className="app-nav" label={t('nav.main')} items={nav} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <UpdatePrompt />
    </div>
  );
}
