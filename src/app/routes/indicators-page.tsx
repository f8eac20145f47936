import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../domain/catalogue/schema';
import { useCatalogue } from '../use-catalogue';
import { currentFormat } from '../i18n/format';
import { TableScroll } from '../components/table-scroll';
import { Heading, Paragraph } from '../components/typography';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

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
      <Heading level={1}>{t('indicatoren.title')}</Heading>
      <Paragraph purpose="lead">{t('indicatoren.intro')}</Paragraph>
      {programmes.map((p) => {
        const rows = catalogue.indicators.filter((i) => i.programme === p.id);
        const tables = [...new Set(rows.map((r) => r.table))];
        return (
          <section key={p.id}>
            <Heading level={2}>{p.name}</Heading>
            {tables.map((table) => (
              <Fragment key={table}>
                <Heading level={3}>{table}</Heading>
                <TableScroll label={table}>
                  <Table className="indicator-table">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('indicatoren.indicator')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('indicatoren.values')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('indicatoren.target')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('indicatoren.direction')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows
                        .filter((r) => r.table === table)
                        .map((i) => (
                          <TableRow key={i.id}>
                            <TableHeaderCell scope="row">
                              {i.name}
                              {i.dataSource && (
                                <span className="muted small"> ({i.dataSource})</span>
                              )}
                            </TableHeaderCell>
                            <TableCell>
                              {valuesText(i, areaName, t('indicatoren.noValue'))}
                            </TableCell>
                            <TableCell>{i.target?.text ?? '—'}</TableCell>
                            <TableCell>{t(`indicatoren.${i.direction}`)}</TableCell>
                          </TableRow>
                        ))}
                    </TableBody>
                  </Table>
                </TableScroll>
              </Fragment>
            ))}
          </section>
        );
      })}
    </>
  );
}
