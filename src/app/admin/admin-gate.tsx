import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { RequireSession } from '../session/require-session';
import { useSession } from '../session/use-session';
import { AdminNav } from './admin-nav';
import { AdminOfflineNotice } from './admin-offline-notice';
import './admin.css';
import { AppLink } from '../components/app-link';
import { Notice } from '../components/notice';
import { Heading } from '../components/typography';

/**
 * The beheerder's screens: signed in as beheerder. No PIN vault, because nothing here is a
 * resident's data (the audit log holds ids only). The server checks the role on every request
 * too; this only spares other roles a screen full of refusals.
 */
export function AdminGate() {
  return (
    <RequireSession>
      <BeheerderOnly />
    </RequireSession>
  );
}

function BeheerderOnly() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (!session) return null;
  if (session.user.role !== 'beheerder') {
    return (
      <div className="narrow">
        <Heading level={1}>{t('admin.title')}</Heading>
        <Notice role="status">{t('admin.onlyBeheerder')}</Notice>
      </div>
    );
  }
  return (
    <div className="admin">
      <AdminNav />
      <AdminOfflineNotice />
      {session.needsLogin && (
        <Notice type="warning" role="status">
          {t('admin.sessionExpired')}{' '}
          <AppLink to={paths.login.href(location.pathname + location.search)}>
            {t('session.login')}
          </AppLink>
        </Notice>
      )}
      <Outlet />
    </div>
  );
}
