import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../data/admin/admin-client';
import { paths } from '../paths';
import { UserDevices } from './user-devices';
import { UserScopeForm } from './user-scope-form';
import { AdminLoadStatus } from './admin-load-status';
import { useAdminLoad } from './use-admin-load';
import { AppLink } from '../components/app-link';
import { Heading, Paragraph } from '../components/typography';

/** One user: change what she may see (role, team, wijken) and manage her devices. */
export function AdminUserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The server has no single-user endpoint; the list is small (one row per worker).
  const { state, reload } = useAdminLoad('users', () => listUsers());

  if (state.status !== 'ready') return <AdminLoadStatus state={state} />;
  const user = state.data.find((u) => u.id === id);
  if (!user) {
    return (
      <div>
        <Heading level={1}>{t('admin.user.notFound')}</Heading>
        <AppLink to={paths.adminUsers.href()}>{t('admin.user.back')}</AppLink>
      </div>
    );
  }
  const teams = [...new Set(state.data.flatMap((u) => (u.teamId ? [u.teamId] : [])))].sort();

  return (
    <div>
      <Paragraph>
        <AppLink to={paths.adminUsers.href()}>{t('admin.user.back')}</AppLink>
      </Paragraph>
      <Heading level={1}>{user.name}</Heading>
      <Paragraph className="muted">{user.email}</Paragraph>
      <UserScopeForm key={user.id} user={user} teams={teams} onSaved={reload} />
      <UserDevices userId={user.id} />
    </div>
  );
}
