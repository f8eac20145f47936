import { useTranslation } from 'react-i18next';
import type { ScreenColumn, ScreenTable } from '../../domain/insight/view';
import { CountsTable } from './counts-table';

/**
 * The toekomstmakelaars' figures (the NPDW results for 2026): trajectories begun in the month,
 * and the plans begun 3 and 12 months earlier with how many led to work or training within
 * that time. Counts only, suppressed on the server like every other figure; the same tables
 * as the CSV (`screenTables`).
 */
export function ToekomstSection({
  tables,
  columnName,
  label,
}: {
  tables: readonly ScreenTable[];
  columnName: (table: string, c: ScreenColumn) => string;
  label: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="toekomst-heading">
      <h2 id="toekomst-heading">{t('insight.toekomst.heading')}</h2>
      <p className="small muted">{t('insight.toekomst.intro')}</p>
      {tables.map((table) => (
        <CountsTable
          key={table.key}
          caption={t(`insight.section.${table.key}`)}
          table={table}
          head={t('insight.csv.item')}
          columnName={(c) => columnName(table.key, c)}
          label={label}
        />
      ))}
    </section>
  );
}
