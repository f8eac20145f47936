import { useTranslation } from 'react-i18next';
import { listUsers } from '../../data/admin/admin-client';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { AdminLoadStatus } from './admin-load-status';
import { AdminTable } from './admin-table';
import { useAdminLoad } from './use-admin-load';
import { wijkNames } from './wijk-names';
import { AppLink } from '../components/app-link';
import { Heading, Paragraph } from '../components/typography';
import { TableCell, TableHeaderCell, TableRow } from '../components/table';

/** Every account with its role, team and wijken; a name opens the user to change them. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const { state } = useAdminLoad('users', () => listUsers());

  return (
    <div>
      <Heading level={1}>{t('admin.users.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.users.intro')}</Paragraph>
      <AdminLoadStatus state={state} />
      {state.status === 'ready' && (
        <AdminTable
          caption={t('admin.users.title')}
          columns={[
            t('admin.users.name'),
            t('admin.users.email'),
            t('admin.users.role'),
            t('admin.users.team'),
            t('admin.users.wijken'),
          ]}
        >
          {[...state.data]
            .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
            .map((user) => (
              <TableRow key={user.id}>
                <TableHeaderCell scope="row">
                  <AppLink to={paths.adminUser.href(user.id)}>{user.name}</AppLink>
                </TableHeaderCell>
                <TableCell>{user.email}</TableCell>
                <TableCell>{t(`role.${user.role}`)}</TableCell>
                <TableCell>{user.teamId ?? t('admin.users.noTeam')}</TableCell>
                <TableCell>
                  {user.wijken.length > 0
                    ? wijkNames(catalogue, user.wijken)
                    : t('admin.users.noWijken')}
                </TableCell>
              </TableRow>
            ))}
        </AdminTable>
      )}
    </div>
  );
}
