import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS } from '../../domain/catalogue/constants';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { Heading } from '../components/typography';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  return (
    <>
      <Heading level={1}>{t('programmas.title')}</Heading>
      {PROGRAMME_KINDS.map((kind) => {
        const list = catalogue.programmes.filter((p) => p.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind}>
            <Heading level={2}>{t(`programmas.${kind}`)}</Heading>
            <ul className="card-list">
              {list.map((p) => (
                <li key={p.id}>
                  <Link className="card" to={paths.programme.href(p.id)}>
                    <span className="card-title">{p.name}</span>
                    <span className="card-text">{p.summary}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
