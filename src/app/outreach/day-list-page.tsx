import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pickAllowed, useUrlFilters } from '../use-url-filters';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import {
  assignSignals,
  loadDayList,
  loadUnassignedVroegsignalen,
} from '../../data/repositories/outreach';
import type { DayListFilter, DayListItem } from '../../domain/vroegsignalen/day-list';
import { addressLine, filterDayList } from '../../domain/vroegsignalen/day-list';
import type { CreditorType } from '../../domain/vroegsignalen/vroegsignaal';
import { CREDITOR_TYPES } from '../../domain/vroegsignalen/vroegsignaal';
import { currentFormat } from '../i18n/format';
import { paths } from '../paths';
import type { SignalSetup } from '../signals/use-signal-context';
import { useSignalSetup } from '../signals/use-signal-context';
import { SignalSetupPending } from '../signals/signal-setup-pending';
import '../signals/signals.css';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { Checkbox, Fieldset, FormField, SelectInput } from '../components/form-field';

/**
 * "Mijn adressen vandaag": the wijkteam worker's assigned open vroegsignalen in walking order,
 * filtered by wijk, kind of arrears and "not at the door yet" (filters in the address, so a
 * reload keeps them). Everything is read from the device, so it works offline.
 */
export function DayListPage() {
  const { t } = useTranslation();
  const setup = useSignalSetup();
  if (!setup) return <SignalSetupPending setup={setup} />;
  if (setup.worker.role !== 'wijkteam') return <Notice>{t('outreach.needRole')}</Notice>;
  return <DayList setup={setup} />;
}

async function readList(setup: SignalSetup) {
  // Counting both tables makes the list follow every record and event change.
  await Promise.all([db().signals.count(), db().events.count()]);
  try {
    const [mine, unassigned] = await Promise.all([
      loadDayList(setup.worker),
      loadUnassignedVroegsignalen(setup.worker),
    ]);
    return { mine, unassigned };
  } catch {
    return 'locked' as const;
  }
}

function DayList({ setup }: { setup: SignalSetup }) {
  const { t } = useTranslation();
  const { params, update } = useUrlFilters();
  const loaded = useLiveQuery(() => readList(setup), [setup]);
  const filter: DayListFilter = {};
  const wijk = pickAllowed(
    params.get('wijk'),
    setup.wijken.map((w) => w.id),
  );
  const creditorType = pickAllowed<CreditorType>(params.get('schuldeiser'), CREDITOR_TYPES);
  const notVisited = params.get('nietbezocht') === '1';
  if (wijk) filter.wijk = wijk;
  if (creditorType) filter.creditorType = creditorType;
  if (notVisited) filter.notVisited = true;
  const key = JSON.stringify(filter);
  const mine = loaded && loaded !== 'locked' ? loaded.mine : undefined;
  const shown = useMemo(
    () => (mine ? filterDayList(mine, JSON.parse(key) as DayListFilter) : []),
    [mine, key],
  );

  if (loaded === undefined) {
    return (
      <Paragraph role="status" className="muted">
        {t('outreach.loading')}
      </Paragraph>
    );
  }
  if (loaded === 'locked') return <Notice>{t('outreach.locked')}</Notice>;

  return (
    <>
      <Heading level={1}>{t('outreach.title')}</Heading>
      <Paragraph purpose="lead">{t('outreach.intro')}</Paragraph>
      <Fieldset className="filters" legend={t('outreach.filter.legend')}>
        <FormField htmlFor="outreach-filter-wijk" label={t('outreach.filter.wijk')}>
          <SelectInput
            id="outreach-filter-wijk"
            value={wijk ?? ''}
            onChange={(e) => update('wijk', e.target.value)}
          >
            <option value="">{t('outreach.filter.all')}</option>
            {setup.wijken.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="outreach-filter-creditor" label={t('outreach.filter.creditor')}>
          <SelectInput
            id="outreach-filter-creditor"
            value={creditorType ?? ''}
            onChange={(e) => update('schuldeiser', e.target.value)}
          >
            <option value="">{t('outreach.filter.all')}</option>
            {CREDITOR_TYPES.map((c) => (
              <option key={c} value={c}>
                {t(`outreach.creditor.${c}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField
          htmlFor="outreach-filter-not-visited"
          label={t('outreach.filter.notVisited')}
          type="checkbox"
        >
          <Checkbox
            id="outreach-filter-not-visited"
            checked={notVisited}
            onChange={(e) => update('nietbezocht', e.target.checked ? '1' : '')}
          />
        </FormField>
      </Fieldset>
      <Paragraph role="status" className="muted" aria-live="polite">
        {t('outreach.shown', { shown: shown.length, total: loaded.mine.length })}
      </Paragraph>
      {loaded.mine.length === 0 ? (
        <Notice>{t('outreach.empty')}</Notice>
      ) : shown.length === 0 ? (
        <Notice>{t('outreach.noMatch')}</Notice>
      ) : (
        <ol className="card-list day-list" aria-label={t('outreach.title')}>
          {shown.map((item) => (
            <DayListCard key={item.id} item={item} setup={setup} />
          ))}
        </ol>
      )}
      <Unassigned items={loaded.unassigned} setup={setup} />
    </>
  );
}

function DayListCard({ item, setup }: { item: DayListItem; setup: SignalSetup }) {
  const { t } = useTranslation();
  const wijkName = item.wijk
    ? (setup.wijken.find((w) => w.id === item.wijk)?.name ?? item.wijk)
    : '';
  return (
    <li>
      <Link className="card" to={paths.visit.href(item.id)}>
        <span className="card-title">{addressLine(item)}</span>
        <span className="card-text">{[item.postcode, wijkName].filter(Boolean).join(' · ')}</span>
        <span className="card-meta">
          <DataBadge>
            {item.campaignName !== null
              ? t('campaign.badge', { name: item.campaignName })
              : t(`outreach.creditor.${item.creditorType ?? 'unknown'}`)}
          </DataBadge>
          {item.monthsInArrears !== null && (
            <span className="small">{t('outreach.months', { count: item.monthsInArrears })}</span>
          )}
          <span className="small muted">
            {item.lastAttempt
              ? t('outreach.lastAttempt', {
                  attempt: t(`outreach.attempt.${item.lastAttempt.attempt}`),
                  date: currentFormat().dateTime(item.lastAttempt.at),
                })
              : t('outreach.noAttempt')}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** The team's vroegsignalen on nobody's list: the worker takes addresses on her own list. */
function Unassigned({ items, setup }: { items: DayListItem[]; setup: SignalSetup }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function take() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await assignSignals([...chosen], setup.worker.id, setup.worker);
      setMessage(
        result.ok
          ? { error: false, text: t('outreach.assign.taken', { count: result.assigned }) }
          : { error: true, text: t(`outreach.problem.${result.problem}`) },
      );
      if (result.ok) setChosen(new Set());
    } catch {
      setMessage({ error: true, text: t('outreach.saveFailed') });
    } finally {
      setBusy(false);
    }
  }

  function toggle(id: string, on: boolean) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <section aria-labelledby="unassigned-title">
      <Heading level={2} id="unassigned-title">
        {t('outreach.assign.title')}
      </Heading>
      <Paragraph>{t('outreach.assign.intro')}</Paragraph>
      {message && (
        <Notice type={message.error ? 'error' : 'info'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </Notice>
      )}
      {items.length === 0 ? (
        <Paragraph className="muted">{t('outreach.assign.none')}</Paragraph>
      ) : (
        <>
          <ul className="plain-list">
            {items.map((item) => (
              <li key={item.id}>
                <label className="choice-row">
                  <span>
                    <Checkbox
                      checked={chosen.has(item.id)}
                      onChange={(e) => toggle(item.id, e.target.checked)}
                    />{' '}
                    {addressLine(item)} ·{' '}
                    {item.campaignName !== null
                      ? t('campaign.badge', { name: item.campaignName })
                      : t(`outreach.creditor.${item.creditorType ?? 'unknown'}`)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <Button disabled={busy || chosen.size === 0} onClick={() => void take()}>
            {t('outreach.assign.take')}
          </Button>
        </>
      )}
    </section>
  );
}
