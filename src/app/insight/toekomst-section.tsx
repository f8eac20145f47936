import { useTranslation } from 'react-i18next';
import type { InsightResponse } from '../../domain/insight/figures';
import { Figure } from './figure';

/**
 * The toekomstmakelaars' figures (the NPDW results for 2026): trajectories begun in the month,
 * and the plans begun 3 and 12 months earlier with how many led to work or training within
 * that time. Counts only, suppressed on the server like every other figure.
 */
export function ToekomstSection({
  data,
  wijk,
  label,
}: {
  data: InsightResponse;
  wijk: string;
  label: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
  const cohorts = (key: 'after3Months' | 'after12Months'): [string, string] => [
    t('insight.toekomst.cohort', { month: monthName(data.current.toekomst[key].cohort) }),
    t('insight.toekomst.cohort', { month: monthName(data.previous.toekomst[key].cohort) }),
  ];
  return (
    <section aria-labelledby="toekomst-heading">
      <h2 id="toekomst-heading">{t('insight.toekomst.heading')}</h2>
      <p className="small muted">{t('insight.toekomst.intro')}</p>
      <Figure
        title={t('insight.section.toekomst')}
        now={data.current.toekomst.byWijk}
        before={data.previous.toekomst.byWijk}
        wijk={wijk}
        label={label}
      />
      <Figure
        title={t('insight.section.toekomstAfter3')}
        now={data.current.toekomst.after3Months.table}
        before={data.previous.toekomst.after3Months.table}
        wijk={wijk}
        label={label}
        columns={cohorts('after3Months')}
      />
      <Figure
        title={t('insight.section.toekomstAfter12')}
        now={data.current.toekomst.after12Months.table}
        before={data.previous.toekomst.after12Months.table}
        wijk={wijk}
        label={label}
        columns={cohorts('after12Months')}
      />
    </section>
  );
}
