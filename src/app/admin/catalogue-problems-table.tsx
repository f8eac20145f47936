import { useTranslation } from 'react-i18next';
import { parseCatalogueProblem, type CatalogueProblem } from './catalogue-problems';
import { TableScroll } from '../components/table-scroll';

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
      <p>{t('admin.catalogue.problemsIntro', { count: problems.length })}</p>
      <TableScroll label={t('admin.catalogue.problemsTitle')}>
        <table data-testid="catalogue-problems">
          <caption className="visually-hidden">{t('admin.catalogue.problemsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.catalogue.problemFile')}</th>
              <th scope="col">{t('admin.catalogue.problemRecord')}</th>
              <th scope="col">{t('admin.catalogue.problemField')}</th>
              <th scope="col">{t('admin.catalogue.problemMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.file ?? '—'}</td>
                <td>{record(p)}</td>
                <td>{p.field ? <code>{p.field}</code> : '—'}</td>
                <td>{message(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {problems.length >= SERVER_DETAIL_LIMIT && <p>{t('admin.catalogue.problemsCapped')}</p>}
    </>
  );
}
