import { Outlet } from 'react-router';
import { PageHeader, SkipLink } from './page-header';
import { useTranslation } from 'react-i18next';
import { navFor } from '../role-navigation';
import { NavList } from './nav-list';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { UpdatePrompt } from './update-prompt';
import { SyncBadge } from '../session/sync-button';
import { useSession } from '../session/use-session';

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  // Only a beheerder sees the admin screens in the menu; the server checks the role anyway.
  const nav = navFor(session?.user.role);
  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <PageHeader className="app-header">
        <div className="brand">
          <img src="/icons/icon-192.png" alt="" width="36" height="36" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="header-tools">
          <ConnectionStatus />
          <SyncBadge />
          <LanguageSwitch />
        </div>
      </PageHeader>
      <NavList className="app-nav" label={t('nav.main')} items={nav} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <UpdatePrompt />
    </div>
  );
}
