import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../data/admin/admin-client';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { adminErrorText } from './admin-error-text';
import { useAdminLoad } from './use-admin-load';
import { wijkNames } from './wijk-names';

/** Every account with its role, team and wijken; a name opens the user to change them. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const { state } = useAdminLoad('users', () => listUsers());

  return (
    <div>
      <h1>{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.intro')}</p>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          {t('app.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="notice notice-error">
          {adminErrorText(t, state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.email')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.team')}</th>
                <th scope="col">{t('admin.users.wijken')}</th>
              </tr>
            </thead>
            <tbody>
              {[...state.data]
                .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                .map((user) => (
                  <tr key={user.id}>
                    <th scope="row">
                      <Link to={paths.adminUser.href(user.id)}>{user.name}</Link>
                    </th>
                    <td>{user.email}</td>
                    <td>{t(`role.${user.role}`)}</td>
                    <td>{user.teamId ?? t('admin.users.noTeam')}</td>
                    <td>
                      {user.wijken.length > 0
                        ? wijkNames(catalogue, user.wijken)
                        : t('admin.users.noWijken')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
