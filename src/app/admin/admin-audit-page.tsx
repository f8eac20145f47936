import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../domain/sync/audit';
import { listUsers, readAudit } from '../../data/admin/admin-client';
import { AUDIT_PARAMS, auditQueryFromParams } from './audit-filters';
import { AdminLoadStatus } from './admin-load-status';
import { AdminTable } from './admin-table';
import { useAdminLoad } from './use-admin-load';
import { currentFormat } from '../i18n/format';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { FormField, SelectInput, TextInput } from '../components/form-field';
import { TableCell, TableRow } from '../components/table';

type FilterField = Exclude<keyof typeof AUDIT_PARAMS, 'before'>;
const FILTER_FIELDS: readonly FilterField[] = [
  'userId',
  'entityType',
  'entityId',
  'action',
  'from',
  'to',
];

function filtersFrom(params: URLSearchParams): Record<FilterField, string> {
  const values = {} as Record<FilterField, string>;
  for (const field of FILTER_FIELDS) values[field] = params.get(AUDIT_PARAMS[field]) ?? '';
  return values;
}

/**
 * The audit log: who read or changed which record, from which device, when. Ids only, never
 * contents. Filters and the page live in the URL, so "back" returns to the newer page.
 */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const query = auditQueryFromParams(params);
  const { state } = useAdminLoad(`audit:${JSON.stringify(query)}`, () => readAudit(query));
  const users = useAdminLoad('users', () => listUsers()).state;
  const names =
    users.status === 'ready'
      ? new Map(users.data.map((u) => [u.id, u.name]))
      : new Map<string, string>();

  function apply(e: React.FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const field of FILTER_FIELDS) {
      const value = filters[field].trim();
      if (value) next.set(AUDIT_PARAMS[field], value);
    }
    setParams(next);
  }

  function clear() {
    setFilters(filtersFrom(new URLSearchParams()));
    setParams(new URLSearchParams());
  }

  function page(before: number | null) {
    const next = new URLSearchParams(params);
    if (before === null) next.delete(AUDIT_PARAMS.before);
    else next.set(AUDIT_PARAMS.before, String(before));
    setParams(next);
  }

  function set(field: FilterField) {
    return (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setFilters((current) => ({ ...current, [field]: e.target.value }));
  }

  return (
    <div>
      <Heading level={1}>{t('admin.audit.title')}</Heading>
      <Paragraph purpose="lead">{t('admin.audit.intro')}</Paragraph>
      <form className="form admin-filters" onSubmit={apply} aria-label={t('admin.audit.filters')}>
        <FormField htmlFor="audit-user" label={t('admin.audit.user')}>
          <SelectInput id="audit-user" value={filters.userId} onChange={set('userId')}>
            <option value="">{t('admin.audit.everyone')}</option>
            {users.status === 'ready' &&
              [...users.data]
                .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            {filters.userId && !names.has(filters.userId) && (
              <option value={filters.userId}>{filters.userId}</option>
            )}
          </SelectInput>
        </FormField>
        <FormField htmlFor="audit-type" label={t('admin.audit.entityType')}>
          <SelectInput id="audit-type" value={filters.entityType} onChange={set('entityType')}>
            <option value="">{t('admin.audit.allTypes')}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.audit.type.${type}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="audit-record" label={t('admin.audit.entityId')}>
          <TextInput
            id="audit-record"
            type="text"
            maxLength={64}
            value={filters.entityId}
            onChange={set('entityId')}
          />
        </FormField>
        <FormField htmlFor="audit-action" label={t('admin.audit.action')}>
          <SelectInput id="audit-action" value={filters.action} onChange={set('action')}>
            <option value="">{t('admin.audit.allActions')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`admin.audit.actions.${action}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="audit-from" label={t('admin.audit.from')}>
          <TextInput id="audit-from" type="date" value={filters.from} onChange={set('from')} />
        </FormField>
        <FormField htmlFor="audit-to" label={t('admin.audit.to')}>
          <TextInput id="audit-to" type="date" value={filters.to} onChange={set('to')} />
        </FormField>
        <div className="admin-actions">
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button purpose="secondary" onClick={clear}>
            {t('admin.audit.clear')}
          </Button>
        </div>
      </form>
      <AdminLoadStatus state={state} />
      {state.status === 'ready' && state.data.entries.length === 0 && (
        <Paragraph role="status">{t('admin.audit.none')}</Paragraph>
      )}
      {state.status === 'ready' && state.data.entries.length > 0 && (
        <>
          <AdminTable
            caption={t('admin.audit.title')}
            testId="audit-table"
            columns={[
              t('admin.audit.at'),
              t('admin.audit.user'),
              t('admin.audit.role'),
              t('admin.audit.device'),
              t('admin.audit.record'),
              t('admin.audit.action'),
            ]}
          >
            {state.data.entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{currentFormat().dateTime(entry.at)}</TableCell>
                <TableCell>{names.get(entry.userId) ?? entry.userId}</TableCell>
                <TableCell>{t(`role.${entry.role}`)}</TableCell>
                <TableCell>
                  <code>{entry.deviceId}</code>
                </TableCell>
                <TableCell>
                  {t(`admin.audit.type.${entry.entityType}`)} <code>{entry.entityId}</code>
                </TableCell>
                <TableCell>{t(`admin.audit.actions.${entry.action}`)}</TableCell>
              </TableRow>
            ))}
          </AdminTable>
          <div className="admin-actions admin-paging">
            {query.before !== undefined && (
              <Button purpose="secondary" onClick={() => page(null)}>
                {t('admin.audit.newest')}
              </Button>
            )}
            {state.data.nextBefore !== null && (
              <Button purpose="secondary" onClick={() => page(state.data.nextBefore)}>
                {t('admin.audit.older')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
