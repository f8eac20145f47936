import { useTranslation } from 'react-i18next';
import { parseCatalogueProblem, type CatalogueProblem } from './catalogue-problems';
import { TableScroll } from '../components/table-scroll';
import { Paragraph } from '../components/typography';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/table';

/** The server shows at most this many problems; a longer list means "fix these and try again". */
const SERVER_DETAIL_LIMIT = 50;

/** A refused catalogue's problems: one row each, naming file, record and field. */
export function CatalogueProblems({ lines }: { lines: readonly string[] }) {
  const { t } = useTranslation();
  const problems = lines.map(parseCatalogueProblem);

  function record(p: CatalogueProblem): string {
    if (p.recordId) return p.recordId;
    if (p.recordNumber !== null) return t('admin.catalogue.recordNumber', { n: p.recordNumber });
    return '—';
  }

  function message(p: CatalogueProblem): string {
    switch (p.kind) {
      case 'missingFile':
        return t('admin.catalogue.problem.missingFile');
      case 'duplicateId':
        return t('admin.catalogue.problem.duplicateId');
      case 'unknownRef':
        return t('admin.catalogue.problem.unknownRef', { ref: p.message, target: p.target ?? '' });
      default:
        return p.message;
    }
  }

  return (
    <>
      <Paragraph>{t('admin.catalogue.problemsIntro', { count: problems.length })}</Paragraph>
      <TableScroll label={t('admin.catalogue.problemsTitle')}>
        <Table data-testid="catalogue-problems">
          <TableCaption className="visually-hidden">
            {t('admin.catalogue.problemsTitle')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.catalogue.problemFile')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.catalogue.problemRecord')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.catalogue.problemField')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.catalogue.problemMessage')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {problems.map((p, i) => (
              <TableRow key={i}>
                <TableCell>{p.file ?? '—'}</TableCell>
                <TableCell>{record(p)}</TableCell>
                <TableCell>{p.field ? <code>{p.field}</code> : '—'}</TableCell>
                <TableCell>{message(p)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {problems.length >= SERVER_DETAIL_LIMIT && (
        <Paragraph>{t('admin.catalogue.problemsCapped')}</Paragraph>
      )}
    </>
  );
}
