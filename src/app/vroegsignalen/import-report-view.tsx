import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../domain/vroegsignalen/import-report';
import { Notice } from '../components/notice';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';
import { TableScroll } from '../components/table-scroll';
import { Heading, Paragraph } from '../components/typography';

/** The server's answer to an import: the counts, then every refused row with its reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = [
    ['created', report.created],
    ['merged', report.merged],
    ['unchanged', report.unchanged],
    ['unplaced', report.unplaced],
    ['rejectedRows', report.rejectedRows],
  ] as const;
  return (
    <section aria-labelledby="vroeg-report" data-testid="vroeg-report">
      <Heading level={2} id="vroeg-report">
        {t('admin.vroeg.report.title')}
      </Heading>
      <Notice role="status" type={report.rejectedRows > 0 ? 'warning' : 'ok'}>
        <Paragraph>{t('admin.vroeg.report.summary', { rows: report.rows })}</Paragraph>
      </Notice>
      <dl className="facts">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(`admin.vroeg.report.${key}`)}</dt>
            <dd data-testid={`vroeg-count-${key}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {report.withoutTeam > 0 && (
        <Notice type="warning">
          {t('admin.vroeg.report.withoutTeam', { count: report.withoutTeam })}
        </Notice>
      )}
      {report.ignoredColumns.length > 0 && (
        <Paragraph>
          {t('admin.vroeg.report.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}
        </Paragraph>
      )}
      {report.rejected.length > 0 && (
        <TableScroll label={t('admin.vroeg.report.rejectedTitle')}>
          <Table data-testid="vroeg-rejected">
            <TableCaption>{t('admin.vroeg.report.rejectedTitle')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.vroeg.report.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.vroeg.report.column')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.vroeg.report.reason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rejected.map((r) => (
                <TableRow key={`${r.line}-${r.field}`}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell>
                    <code>{r.field}</code>
                  </TableCell>
                  {/* The reason in B1 Dutch from the server; other languages by its code. */}
                  <TableCell>
                    {t(`admin.vroeg.reason.${r.code}`, { defaultValue: r.message })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
