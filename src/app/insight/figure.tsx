import { useTranslation } from 'react-i18next';
import type { PublishedCount, PublishedTable } from '../../domain/insight/figures';
import { column, countText } from '../../domain/insight/view';

/** A breakdown as a table with a bar per row (the table is the chart, readable without colour). */
export function Figure({
  title,
  now,
  before,
  wijk,
  label,
  columns,
}: {
  title: string;
  now: PublishedTable;
  before: PublishedTable;
  wijk: string;
  label: (id: string) => string;
  /** Headers of the two count columns, when they are not this month and the month before. */
  columns?: [string, string];
}) {
  const { t } = useTranslation();
  const a = column(now, wijk);
  const b = column(before, wijk);
  const max = Math.max(1, ...a.map((c) => (c.kind === 'value' ? c.value : 0)));
  return (
    <section className="insight-figure">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insight.csv.item')}</th>
            <th scope="col">{columns?.[0] ?? t('insight.thisMonth')}</th>
            <th scope="col">{columns?.[1] ?? t('insight.previousMonth')}</th>
          </tr>
        </thead>
        <tbody>
          {now.cols.map((id, j) => (
            <tr key={id}>
              <th scope="row">{label(id)}</th>
              <td>
                <Bar value={a[j]} max={max} />
              </td>
              <td>{countText(b[j])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Bar({ value, max }: { value: PublishedCount | undefined; max: number }) {
  const width = value?.kind === 'value' ? Math.round((value.value / max) * 100) : 0;
  return (
    <span className="insight-bar">
      <span className="insight-bar-fill" style={{ inlineSize: `${width}%` }} aria-hidden="true" />
      <span className="insight-bar-text">{countText(value)}</span>
    </span>
  );
}
