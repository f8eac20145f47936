import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Wijk } from '../../domain/catalogue/schema';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { Heading } from '../components/typography';

function WijkCards({ wijken }: { wijken: readonly Wijk[] }) {
  return (
    <ul className="card-list">
      {wijken.map((w) => (
        <li key={w.id}>
          <Link className="card" to={paths.wijk.href(w.id)}>
            <span className="card-title">{w.name}</span>
            <span className="card-text">{w.summary}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function WijkenPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const dordtWest = catalogue.wijken.filter((w) => w.inDordtWest);
  const other = catalogue.wijken.filter((w) => !w.inDordtWest);
  return (
    <>
      <Heading level={1}>{t('wijken.title')}</Heading>
      <section>
        <Heading level={2}>{t('wijken.dordtWest')}</Heading>
        <WijkCards wijken={dordtWest} />
      </section>
      {other.length > 0 && (
        <section>
          <Heading level={2}>{t('wijken.other')}</Heading>
          <WijkCards wijken={other} />
        </section>
      )}
    </>
  );
}
