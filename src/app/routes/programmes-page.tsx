import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS } from '../../domain/catalogue/constants';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  return (
    <>
      <h1>{t('programmas.title')}</h1>
      {PROGRAMME_KINDS.map((kind) => {
        const list = catalogue.programmes.filter((p) => p.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind}>
            <h2>{t(`programmas.${kind}`)}</h2>
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
