import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../domain/catalogue/schema';
import { useCatalogue } from '../use-catalogue';
import { currentFormat } from '../i18n/format';
import { TableScroll } from '../components/table-scroll';

function valuesText(i: Indicator, areaName: (id: string) => string, none: string): string {
  if (i.values.length === 0) return none;
  return i.values
    .map((v) => {
      const value = v.valueText ?? (v.value === null ? none : currentFormat().number(v.value));
      return `${areaName(v.area)} ${v.year}: ${value}${i.unit && v.value !== null ? ` ${i.unit}` : ''}`;
    })
    .join(' · ');
}

export function IndicatorsPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const names = new Map<string, string>([
    ['dordrecht', 'Dordrecht'],
    ['dordt-west', 'Dordt West'],
    ['nederland', 'Nederland'],
    ...catalogue.wijken.map((w) => [w.id, w.name] as const),
  ]);
  const areaName = (id: string) => names.get(id) ?? id;
  const programmes = catalogue.programmes.filter((p) =>
    catalogue.indicators.some((i) => i.programme === p.id),
  );
  return (
    <>
      <h1>{t('indicatoren.title')}</h1>
      <p className="lead">{t('indicatoren.intro')}</p>
      {programmes.map((p) => {
        const rows = catalogue.indicators.filter((i) => i.programme === p.id);
        const tables = [...new Set(rows.map((r) => r.table))];
        return (
          <section key={p.id}>
            <h2>{p.name}</h2>
            {tables.map((table) => (
              <Fragment key={table}>
                <h3>{table}</h3>
                <TableScroll label={table}>
                  <table className="indicator-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('indicatoren.indicator')}</th>
                        <th scope="col">{t('indicatoren.values')}</th>
                        <th scope="col">{t('indicatoren.target')}</th>
                        <th scope="col">{t('indicatoren.direction')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows
                        .filter((r) => r.table === table)
                        .map((i) => (
                          <tr key={i.id}>
                            <th scope="row">
                              {i.name}
                              {i.dataSource && (
                                <span className="muted small"> ({i.dataSource})</span>
                              )}
                            </th>
                            <td>{valuesText(i, areaName, t('indicatoren.noValue'))}</td>
                            <td>{i.target?.text ?? '—'}</td>
                            <td>{t(`indicatoren.${i.direction}`)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </TableScroll>
              </Fragment>
            ))}
          </section>
        );
      })}
    </>
  );
}
