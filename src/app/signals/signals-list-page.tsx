import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pickAllowed, useUrlFilters } from '../use-url-filters';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import type { SignalListQuery } from '../../data/repositories/signal-list';
import { listSignals } from '../../data/repositories/signal-list';
import type { SignalCategoryId } from '../../domain/signals/categories';
import { SIGNAL_CATEGORY_IDS } from '../../domain/signals/categories';
import type { SignalStatus } from '../../domain/signals/lifecycle';
import { OPEN_STATUSES, SIGNAL_STATUSES } from '../../domain/signals/lifecycle';
import type { Urgency } from '../../domain/signals/signal-schema';
import { URGENCIES } from '../../domain/signals/signal-schema';
import { paths } from '../paths';
import type { SignalSetup } from './use-signal-context';
import { SignalSetupPending } from './signal-setup-pending';
import { useSignalSetup } from './use-signal-context';
import './signals.css';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { Checkbox, Fieldset, FormField, SelectInput } from '../components/form-field';

const PAGE = 50;
const CLOSED: readonly SignalStatus[] = SIGNAL_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

/** Mijn signalen / Team, with filters in the address so reload and back keep the list. */
export function SignalsListPage() {
  const setup = useSignalSetup();
  if (!setup) return <SignalSetupPending setup={setup} />;
  return <SignalsList setup={setup} />;
}

function statusesFor(value: string): readonly SignalStatus[] | undefined {
  if (value === 'open') return OPEN_STATUSES;
  if (value === 'klaar') return CLOSED;
  const one = pickAllowed(value, SIGNAL_STATUSES);
  return one ? [one] : undefined;
}

function SignalsList({ setup }: { setup: SignalSetup }) {
  const { t } = useTranslation();
  const { params, update: setFilter } = useUrlFilters();
  const [limit, setLimit] = useState(PAGE);
  const scope = params.get('lijst') === 'team' ? 'team' : 'mine';
  const status = params.get('status') ?? 'open';
  const category = pickAllowed<SignalCategoryId>(params.get('categorie'), SIGNAL_CATEGORY_IDS);
  const urgency = pickAllowed<Urgency>(params.get('urgentie'), URGENCIES);
  const wijk = pickAllowed(
    params.get('wijk'),
    setup.wijken.map((w) => w.id),
  );
  const overdue = params.get('telaat') === '1';

  const query: SignalListQuery = { scope, limit };
  const statuses = statusesFor(status);
  if (statuses) query.statuses = statuses;
  if (category) query.category = category;
  if (urgency) query.urgency = urgency;
  if (wijk) query.wijk = wijk;
  if (overdue) query.overdue = true;
  const key = JSON.stringify(query);

  const result = useLiveQuery(async () => {
    // Reading the count makes the list follow every change to the signals table.
    await db().signals.count();
    return listSignals(JSON.parse(key) as SignalListQuery, setup.worker);
  }, [key, setup.worker]);

  function update(name: string, value: string) {
    setLimit(PAGE);
    setFilter(name, value);
  }

  return (
    <>
      <Heading level={1}>{t('signals.title')}</Heading>
      <Paragraph>
        <ButtonLink to={paths.newSignal.href()}>{t('signals.newButton')}</ButtonLink>
      </Paragraph>
      <nav className="signal-tabs" aria-label={t('signals.title')}>
        <ButtonLink
          purpose="secondary"
          to={paths.signals.href({ lijst: undefined })}
          aria-current={scope === 'mine' ? 'page' : undefined}
        >
          {t('signals.mine')}
        </ButtonLink>
        <ButtonLink
          purpose="secondary"
          to={paths.signals.href({ lijst: 'team' })}
          aria-current={scope === 'team' ? 'page' : undefined}
        >
          {t('signals.team')}
        </ButtonLink>
      </nav>
      <Fieldset className="filters" legend={t('signals.filter.legend')}>
        <FormField htmlFor="signals-filter-status" label={t('signals.filter.status')}>
          <SelectInput
            id="signals-filter-status"
            value={status}
            onChange={(e) => update('status', e.target.value)}
          >
            <option value="open">{t('signals.filter.statusOpen')}</option>
            <option value="klaar">{t('signals.filter.statusClosed')}</option>
            <option value="alle">{t('signals.filter.all')}</option>
            {SIGNAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`signals.status.${s}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="signals-filter-category" label={t('signals.filter.category')}>
          <SelectInput
            id="signals-filter-category"
            value={category ?? ''}
            onChange={(e) => update('categorie', e.target.value)}
          >
            <option value="">{t('signals.filter.all')}</option>
            {SIGNAL_CATEGORY_IDS.map((c) => (
              <option key={c} value={c}>
                {t(`signals.category.${c}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="signals-filter-urgency" label={t('signals.filter.urgency')}>
          <SelectInput
            id="signals-filter-urgency"
            value={urgency ?? ''}
            onChange={(e) => update('urgentie', e.target.value)}
          >
            <option value="">{t('signals.filter.all')}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`signals.urgency.${u}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="signals-filter-wijk" label={t('signals.filter.wijk')}>
          <SelectInput
            id="signals-filter-wijk"
            value={wijk ?? ''}
            onChange={(e) => update('wijk', e.target.value)}
          >
            <option value="">{t('signals.filter.all')}</option>
            {setup.wijken.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField
          htmlFor="signals-filter-overdue"
          label={t('signals.filter.overdue')}
          type="checkbox"
        >
          <Checkbox
            id="signals-filter-overdue"
            checked={overdue}
            onChange={(e) => update('telaat', e.target.checked ? '1' : '')}
          />
        </FormField>
      </Fieldset>
      {result === undefined ? (
        <Paragraph role="status" className="muted">
          {t('signals.loading')}
        </Paragraph>
      ) : (
        <>
          <Paragraph role="status" className="muted" aria-live="polite">
            {t('signals.count', { count: result.total })}
          </Paragraph>
          {result.items.length === 0 ? (
            <Notice>{t('signals.empty')}</Notice>
          ) : (
            <ul
              className="card-list"
              aria-label={t(scope === 'team' ? 'signals.team' : 'signals.mine')}
            >
              {result.items.map((s) => (
                <li key={s.id}>
                  <Link className="card" to={paths.signal.href(s.id)}>
                    <span className="card-title">
                      {s.category ? t(`signals.category.${s.category}`) : t('signals.title')}
                    </span>
                    <span className="card-text">
                      {s.residentName ?? t('signals.unnamed')}
                      {s.wijk
                        ? ` · ${setup.wijken.find((w) => w.id === s.wijk)?.name ?? s.wijk}`
                        : ''}
                    </span>
                    <span className="card-meta">
                      <DataBadge>{t(`signals.status.${s.status}`)}</DataBadge>
                      {s.urgency && s.urgency !== 'normaal' && (
                        <DataBadge className="badge-strong">
                          {t(`signals.urgency.${s.urgency}`)}
                        </DataBadge>
                      )}
                      {s.overdue && <span className="badge-overdue">{t('signals.overdue')}</span>}
                      <span className="small muted">
                        {s.dueAt ? t('signals.due', { date: s.dueAt }) : t('signals.noDue')}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {result.total > result.items.length && (
            <Paragraph>
              <Button purpose="secondary" onClick={() => setLimit((l) => l + PAGE)}>
                {t('signals.more')}
              </Button>
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}
