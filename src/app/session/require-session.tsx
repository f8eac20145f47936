import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { useSession } from './use-session';
import { Paragraph } from '../components/typography';

/**
 * Personal records need a signed-in worker. Signing in needs a connection once; after that the
 * device keeps working offline with its last session.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session === undefined) {
    return (
      <Paragraph role="status" className="muted">
        {t('app.loading')}
      </Paragraph>
    );
  }
  if (session === null) {
    return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  }
  return <>{children}</>;
}
