import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadInsight } from '../../data/insight/insight-client';
import type { InsightResponse } from '../../domain/insight/figures';
import {
  countText,
  insightCsv,
  screenTables,
  shareFor,
  single,
  totalOf,
  WHOLE_CITY,
  type ScreenColumn,
  cohortOf,
  isToekomstTable,
} from '../../domain/insight/view';
import { useAdminLoad } from '../admin/use-admin-load';
import { useCatalogue } from '../use-catalogue';
import { CountsTable } from './counts-table';
import { IndicatorNote } from './indicator-note';
import { ToekomstSection } from './toekomst-section';
import { downloadText } from './download';
import './insight.css';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/**
 * The coordinator's screen: the policy's own indicators for a month and wijk, next to the month
 * before, counts only. Everything shown was suppressed on the server; "< 5" is 0–4 and "•" a
 * number hidden so a small one cannot be worked out.
 */
export function InsightPage() {
  const { t, i18n } = useTranslation();
  const { catalogue } = useCatalogue();
  const [month, setMonth] = useState(thisMonth);
  const [wijk, setWijk] = useState(WHOLE_CITY);
  const { state } = useAdminLoad(month, () => loadInsight(month));
  const wijkName = (id: string) =>
    id === WHOLE_CITY
      ? t('insight.wholeCity')
      : id === 'onbekend'
        ? t('insight.unknownWijk')
        : (catalogue.wijken.find((w) => w.id === id)?.name ?? id);
  const regelingName = (id: string) => catalogue.regelingen.find((r) => r.id === id)?.name ?? id;
  const percent = (share: number | null) =>
    share === null
      ? t('insight.notShown')
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(
          share,
        );

  const data = state.status === 'ready' ? state.data : null;
  const label = (table: string, id: string): string => {
    if (table === 'signalsByCategory')
      return t(`signals.category.${id}`, { defaultValue: t('insight.other') });
    if (table === 'signalsByUrgency')
      return t(`signals.urgency.${id}`, { defaultValue: t('insight.other') });
    if (table === 'signalsByStatus')
      return t(`signals.status.${id}`, { defaultValue: t('insight.other') });
    if (table === 'checksByRole') return t(`role.${id}`);
    if (table === 'doelgroepen') return t(`insight.doelgroep.${id}`);
    if (table === 'contactHelp') return t(`insight.section.${id}`);
    if (table.startsWith('toekomst')) return t(`insight.toekomst.${id}`);
    return regelingName(id);
  };
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  const columnName = (table: string, c: ScreenColumn, d: InsightResponse) => {
    const cohort = cohortOf(d, table, c);
    if (cohort) return t('insight.toekomst.cohort', { month: monthName(cohort) });
    return c === 'thisMonth' || c === 'previousMonth'
      ? t(`insight.${c}`)
      : t(`insight.section.${c}`);
  };

  function exportCsv(d: InsightResponse) {
    const csv = insightCsv(d, wijk, {
      table: (key) => t(`insight.section.${key}`),
      row: label,
      column: (table, c) =>
        cohortOf(d, table, c) ??
        (c === 'thisMonth'
          ? d.current.month
          : c === 'previousMonth'
            ? d.previous.month
            : columnName(table, c, d)),
      wijk: wijkName,
      header: [
        t('insight.csv.figure'),
        t('insight.csv.wijk'),
        t('insight.csv.item'),
        t('insight.csv.column'),
        t('insight.csv.count'),
      ],
    });
    downloadText(`dichtbij-cijfers-${d.current.month}-${wijk || 'dordrecht'}.csv`, csv, 'text/csv');
  }

  return (
    <div className="insight">
      <h1>{t('insight.title')}</h1>
      <p className="muted">{t('insight.intro')}</p>
      <form className="insight-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('insight.month')}
          <input
            type="month"
            value={month}
            max={thisMonth()}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <label>
          {t('insight.wijk')}
          <select value={wijk} onChange={(e) => setWijk(e.target.value)}>
            <option value={WHOLE_CITY}>{t('insight.wholeCity')}</option>
            {(data?.current.signals.byCategory.rows ?? []).map((id) => (
              <option key={id} value={id}>
                {wijkName(id)}
              </option>
            ))}
          </select>
        </label>
        {data && (
          <div className="insight-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => exportCsv(data)}
            >
              {t('insight.csv.download')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => window.print()}
            >
              {t('insight.print')}
            </button>
          </div>
        )}
      </form>
      <p className="small muted">{t('insight.suppression')}</p>

      {state.status === 'loading' && <p role="status">{t('insight.loading')}</p>}
      {state.status === 'offline' && <p className="notice">{t('insight.offline')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice-error" role="alert">
          {t('insight.failed')}
        </p>
      )}
      {data && (
        <>
          <section aria-labelledby="kpi-heading">
            <h2 id="kpi-heading">{t('insight.kpis', { wijk: wijkName(wijk) })}</h2>
            <dl className="insight-kpis">
              <Kpi
                label={t('insight.kpi.signals')}
                now={countText(totalOf(data.current.signals.byCategory, wijk))}
                before={countText(totalOf(data.previous.signals.byCategory, wijk))}
              />
              <Kpi
                label={t('insight.kpi.contact')}
                now={percent(
                  shareFor(
                    data.current.contact.shareByWijk,
                    data.current.contact.share,
                    data.current.contact.withContact.rows,
                    wijk,
                  ),
                )}
                before={percent(
                  shareFor(
                    data.previous.contact.shareByWijk,
                    data.previous.contact.share,
                    data.previous.contact.withContact.rows,
                    wijk,
                  ),
                )}
                note={<IndicatorNote id="contact" national={percent(data.nationalContactShare)} />}
              />
              {wijk === WHOLE_CITY && (
                <Kpi
                  label={t('insight.kpi.median')}
                  now={hours(data.current.contact.medianHoursToFirstContact, t)}
                  before={hours(data.previous.contact.medianHoursToFirstContact, t)}
                />
              )}
              <Kpi
                label={t('insight.kpi.help')}
                now={percent(
                  shareFor(
                    data.current.help.shareByWijk,
                    data.current.help.share,
                    data.current.help.accepted.rows,
                    wijk,
                  ),
                )}
                before={percent(
                  shareFor(
                    data.previous.help.shareByWijk,
                    data.previous.help.share,
                    data.previous.help.accepted.rows,
                    wijk,
                  ),
                )}
                note={<IndicatorNote id="help" />}
              />
              <Kpi
                label={t('insight.kpi.checks')}
                now={countText(totalOf(data.current.checks.byRole, wijk))}
                before={countText(totalOf(data.previous.checks.byRole, wijk))}
              />
              <Kpi
                label={t('insight.section.withContact')}
                now={countText(single(data.current.contact.withContact, wijk))}
                before={countText(single(data.previous.contact.withContact, wijk))}
              />
            </dl>
          </section>
          {screenTables(data, wijk)
            .filter((table) => !isToekomstTable(table.key))
            .map((table) => (
              <CountsTable
                key={table.key}
                caption={t(`insight.section.${table.key}`)}
                table={table}
                head={t(table.key === 'funnel' ? 'insight.regeling' : 'insight.csv.item')}
                columnName={(c) => columnName(table.key, c, data)}
                label={(id) => label(table.key, id)}
                empty={table.key === 'funnel' ? t('insight.noChecks') : undefined}
                note={table.key === 'funnel' ? <IndicatorNote id="takeUp" /> : undefined}
              />
            ))}
          <ToekomstSection
            tables={screenTables(data, wijk).filter((table) => isToekomstTable(table.key))}
            columnName={(table, c) => columnName(table, c, data)}
            label={(id) => label('toekomst', id)}
          />
        </>
      )}
    </div>
  );
}

function hours(
  value: number | null,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  return value === null ? t('insight.notShown') : t('insight.hours', { count: Math.round(value) });
}

function Kpi({
  label,
  now,
  before,
  note,
}: {
  label: string;
  now: string;
  before: string;
  note?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="insight-kpi">
      <dt>{label}</dt>
      <dd>
        <span className="insight-kpi-value">{now}</span>{' '}
        <span className="small muted">{t('insight.previous', { value: before })}</span>
        {note}
      </dd>
    </div>
  );
}
