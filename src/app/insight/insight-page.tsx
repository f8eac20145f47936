import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadInsight } from '../../data/insight/insight-client';
import type { InsightResponse } from '../../domain/insight/figures';
import {
  countText,
  insightCsv,
  isTeamArea,
  screenTables,
  shareFor,
  single,
  teamsOf,
  totalOf,
  wijkenOf,
  WHOLE_CITY,
  type Area,
  type ScreenColumn,
  cohortOf,
  isToekomstTable,
  vroegTable,
  ALL_CREDITORS,
} from '../../domain/insight/view';
import type { MonthFigures } from '../../domain/insight/figures';
import { DEFAULT_TEAMS } from '../../domain/signals/handover';
import { useAdminLoad } from '../admin/use-admin-load';
import { useCatalogue } from '../use-catalogue';
import { CountsTable } from './counts-table';
import { IndicatorNote } from './indicator-note';
import { ToekomstSection } from './toekomst-section';
import { downloadText } from './download';
import './insight.css';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { SelectInput, TextInput } from '../components/form-field';

// chart.js comes with this module only: loaded when the coordinator's screen draws a chart.
const CountsChart = lazy(() => import('./counts-chart'));

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
  // A team within the chosen wijk ('' = the whole wijk).
  const [team, setTeam] = useState('');
  const area: Area = team || wijk;
  const { state } = useAdminLoad(month, () => loadInsight(month));
  const teamName = (key: string) => {
    const id = key.slice(key.indexOf('|') + 1);
    if (id === '') return t('insight.noTeam');
    return DEFAULT_TEAMS.find((x) => x.id === id)?.name ?? id;
  };
  const wijkName = (id: string): string =>
    id === WHOLE_CITY
      ? t('insight.wholeCity')
      : isTeamArea(id)
        ? `${wijkName(id.slice(0, id.indexOf('|')))} – ${teamName(id)}`
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
    if (table === 'summaryLanguages') return t(`insight.summaryLanguage.${id}`);
    if (table === 'contactHelp') return t(`insight.section.${id}`);
    if (table === 'vroeg')
      return id === ALL_CREDITORS ? t('insight.vroeg.all') : t(`insight.vroeg.creditor.${id}`);
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

  /** The key figures for the area: this month's and the month before's, from the same rule. */
  const kpis = (
    a: Area,
  ): { label: string; show: (f: MonthFigures) => string; note?: React.ReactNode }[] => [
    {
      label: 'insight.kpi.signals',
      show: (f) => countText(totalOf(f.signals.byCategory, a)),
    },
    {
      label: 'insight.kpi.contact',
      show: (f) => percent(shareFor(f.contact, f.contact.withContact, a)),
      note: data && <IndicatorNote id="contact" national={percent(data.nationalContactShare)} />,
    },
    // The median is published for Dordrecht as a whole only.
    ...(a === WHOLE_CITY
      ? [
          {
            label: 'insight.kpi.median',
            show: (f: MonthFigures) => hours(f.contact.medianHoursToFirstContact, t),
          },
        ]
      : []),
    {
      label: 'insight.kpi.help',
      show: (f) => percent(shareFor(f.help, f.help.accepted, a)),
      note: <IndicatorNote id="help" />,
    },
    // Imported vroegsignalen (all creditor types): the same indicators on the creditors' signals.
    {
      label: 'insight.kpi.vroegContact',
      show: (f) => percent(vroegShare(f, a, 2)),
      note: data && <IndicatorNote id="contact" national={percent(data.nationalContactShare)} />,
    },
    {
      label: 'insight.kpi.vroegHelp',
      show: (f) => percent(vroegShare(f, a, 4)),
      note: <IndicatorNote id="help" />,
    },
    { label: 'insight.kpi.checks', show: (f) => countText(totalOf(f.checks.byRole, a)) },
    {
      label: 'insight.section.withContact',
      show: (f) => countText(single(f.contact.withContact, a)),
    },
  ];

  function exportCsv(d: InsightResponse) {
    const csv = insightCsv(d, area, {
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
      share: percent,
      header: [
        t('insight.csv.figure'),
        t('insight.csv.wijk'),
        t('insight.csv.item'),
        t('insight.csv.column'),
        t('insight.csv.count'),
      ],
    });
    const name = area.replace('|', '-') || 'dordrecht';
    downloadText(`dichtbij-cijfers-${d.current.month}-${name}.csv`, csv, 'text/csv');
  }

  return (
    <div className="insight">
      <h1>{t('insight.title')}</h1>
      <p className="muted">{t('insight.intro')}</p>
      <form className="insight-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('insight.month')}
          <TextInput
            type="month"
            value={month}
            max={thisMonth()}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <label>
          {t('insight.wijk')}
          <SelectInput
            value={wijk}
            onChange={(e) => {
              setWijk(e.target.value);
              setTeam('');
            }}
          >
            <option value={WHOLE_CITY}>{t('insight.wholeCity')}</option>
            {(data ? wijkenOf(data) : []).map((id) => (
              <option key={id} value={id}>
                {wijkName(id)}
              </option>
            ))}
          </SelectInput>
        </label>
        {data && wijk !== WHOLE_CITY && (
          <label>
            {t('insight.team')}
            <SelectInput value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">{t('insight.wholeWijk')}</option>
              {teamsOf(data, wijk).map((id) => (
                <option key={id} value={id}>
                  {teamName(id)}
                </option>
              ))}
            </SelectInput>
          </label>
        )}
        {data && (
          <div className="insight-actions">
            <Button purpose="secondary" onClick={() => exportCsv(data)}>
              {t('insight.csv.download')}
            </Button>
            <Button purpose="secondary" onClick={() => window.print()}>
              {t('insight.print')}
            </Button>
          </div>
        )}
      </form>
      <p className="small muted">{t('insight.suppression')}</p>

      {state.status === 'loading' && <p role="status">{t('insight.loading')}</p>}
      {state.status === 'offline' && <Notice>{t('insight.offline')}</Notice>}
      {state.status === 'failed' && (
        <Notice type="error" role="alert">
          {t('insight.failed')}
        </Notice>
      )}
      {data && (
        <>
          <section aria-labelledby="kpi-heading">
            <h2 id="kpi-heading">{t('insight.kpis', { wijk: wijkName(area) })}</h2>
            <dl className="insight-kpis">
              {kpis(area).map((kpi) => (
                <Kpi
                  key={kpi.label}
                  label={t(kpi.label)}
                  now={kpi.show(data.current)}
                  before={kpi.show(data.previous)}
                  note={kpi.note}
                />
              ))}
            </dl>
          </section>
          {screenTables(data, area)
            .filter((table) => !isToekomstTable(table.key))
            .map((table) => (
              <div key={table.key}>
                {/* The vroegsignalen's table mixes counts and shares: read as a table only. */}
                {table.rows.length > 0 && table.key !== 'vroeg' && (
                  <Suspense fallback={null}>
                    <CountsChart
                      table={table}
                      title={t('insight.chartOf', { table: t(`insight.section.${table.key}`) })}
                      label={(id) => label(table.key, id)}
                      columnName={(c) => columnName(table.key, c, data)}
                    />
                  </Suspense>
                )}
                <CountsTable
                  caption={t(`insight.section.${table.key}`)}
                  table={table}
                  head={t(table.key === 'funnel' ? 'insight.regeling' : 'insight.csv.item')}
                  columnName={(c) => columnName(table.key, c, data)}
                  label={(id) => label(table.key, id)}
                  empty={table.key === 'funnel' ? t('insight.noChecks') : undefined}
                  note={
                    table.key === 'funnel' ? (
                      <IndicatorNote id="takeUp" />
                    ) : table.key === 'vroeg' ? (
                      <p className="small muted">{t('insight.vroeg.note')}</p>
                    ) : undefined
                  }
                  share={percent}
                />
              </div>
            ))}
          <ToekomstSection
            tables={screenTables(data, area).filter((table) => isToekomstTable(table.key))}
            columnName={(table, c) => columnName(table, c, data)}
            label={(id) => label('toekomst', id)}
          />
        </>
      )}
    </div>
  );
}

/** A share of the vroegsignalen table's "all creditors" row (column 2: contact, 4: accepted). */
function vroegShare(f: MonthFigures, area: Area, col: 2 | 4): number | null {
  const cell = vroegTable(f, area).rows.find((r) => r.id === ALL_CREDITORS)?.cells[col];
  return cell?.kind === 'share' ? cell.value : null;
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
