import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { SourceList } from '../components/source-list';
import { NotFound } from '../components/not-found';
import { LinkSection } from '../components/link-section';
import { DirArrow } from '../components/dir-arrow';

export function RegelingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { catalogue } = useCatalogue();
  const regeling = catalogue.regelingen.find((r) => r.id === id);
  if (!regeling) return <NotFound message={t('regeling.notFound')} />;

  const wijken = catalogue.wijken.filter((w) => regeling.wijken.includes(w.id));
  const programmes = catalogue.programmes.filter((p) => regeling.programmes.includes(p.id));
  const organisation = catalogue.organisations.find((o) => o.id === regeling.providerOrganisation);

  return (
    <article className="detail">
      <p>
        <Link to={paths.regelingen.href()}>
          <DirArrow to="back" /> {t('regeling.back')}
        </Link>
      </p>
      <h1>{regeling.name}</h1>
      <p className="card-meta">
        {regeling.fundamenten.map((f) => (
          <span key={f} className={`tag fundament-${f}`}>
            {t(`fundament.${f}`)}
          </span>
        ))}
        <span className="tag tag-neutral">{t(`level.${regeling.level}`)}</span>
      </p>
      <section>
        <h2>{t('regeling.whatYouGet')}</h2>
        <p className="lead">{regeling.summary}</p>
      </section>
      <section>
        <h2>{t('regeling.forWhom')}</h2>
        <p>{regeling.forWhom}</p>
      </section>
      <section>
        <h2>{t('regeling.conditions')}</h2>
        {regeling.eligibilityKnown === 'unknown' && (
          <p className="notice notice-warning">
            <strong>{t('regeling.eligibilityUnknown')}.</strong> {regeling.eligibilityNote}
          </p>
        )}
        {regeling.eligibilityKnown === 'public-source' && (
          <p className="notice">{t('regeling.eligibilityPublic')}</p>
        )}
        {regeling.conditions.length > 0 && (
          <ul>
            {regeling.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {regeling.eligibilityKnown !== 'unknown' && regeling.eligibilityNote && (
          <p className="muted">{regeling.eligibilityNote}</p>
        )}
      </section>
      <section>
        <h2>{t('regeling.howToApply')}</h2>
        <ol>
          {regeling.howToApply.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {regeling.documents.length > 0 && (
          <>
            <h3>{t('regeling.documents')}</h3>
            <ul>
              {regeling.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h2>{t('regeling.provider')}</h2>
        <p>{regeling.provider}</p>
        {organisation && <p className="muted">{organisation.summary}</p>}
        {regeling.accessPoint && (
          <>
            <h3>{t('regeling.accessPoint')}</h3>
            <p>{regeling.accessPoint}</p>
          </>
        )}
      </section>
      <section>
        <h2>{t('regeling.wijken')}</h2>
        {wijken.length === 0 ? (
          <p>{t('regelingen.wholeCity')}</p>
        ) : (
          <ul className="inline-list">
            {wijken.map((w) => (
              <li key={w.id}>
                <Link to={paths.wijk.href(w.id)}>{w.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <LinkSection
        title={t('regeling.programmes')}
        items={programmes}
        href={paths.programme.href}
      />
      <section>
        <h2>{t('regeling.sources')}</h2>
        <SourceList sources={regeling.source} />
      </section>
    </article>
  );
}
