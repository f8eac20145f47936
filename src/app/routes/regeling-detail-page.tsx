import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import { SourceList } from '../components/source-list';
import { NotFound } from '../components/not-found';
import { LinkSection } from '../components/link-section';
import { DirArrow } from '../components/dir-arrow';
import { localiseRegeling } from '../../domain/catalogue/overlay';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';

export function RegelingDetailPage() {
  const { t } = useTranslation();
  const { language } = useFormat();
  const { overlay, ready } = useCatalogueOverlay(language);
  const { id } = useParams();
  const { catalogue } = useCatalogue();
  const found = catalogue.regelingen.find((r) => r.id === id);
  if (!found) return <NotFound message={t('regeling.notFound')} />;
  if (!ready) return <p role="status">{t('app.loading')}</p>;
  const regeling = localiseRegeling(found, overlay);
  // Texts the overlay translates; everything else on this page is Dutch as the sources state it.
  const dutch = dutchAttrs(language);
  const local = (field: keyof typeof regeling.translated) =>
    regeling.translated[field] ? {} : dutch;

  const wijken = catalogue.wijken.filter((w) => regeling.wijken.includes(w.id));
  const programmes = catalogue.programmes.filter((p) => regeling.programmes.includes(p.id));
  const organisation = catalogue.organisations.find((o) => o.id === regeling.providerOrganisation);
  const orgSummary = organisation && overlay?.organisations[organisation.id]?.summary;

  return (
    <article className="detail">
      <p>
        <Link to={paths.regelingen.href()}>
          <DirArrow to="back" /> {t('regeling.back')}
        </Link>
      </p>
      <h1>
        <bdi {...dutch}>{regeling.name}</bdi>
      </h1>
      {regeling.nameExplanation && <p className="lead">{regeling.nameExplanation}</p>}
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
        <p className="lead" {...local('summary')}>
          {regeling.summary}
        </p>
      </section>
      <section>
        <h2>{t('regeling.forWhom')}</h2>
        <p {...local('forWhom')}>{regeling.forWhom}</p>
      </section>
      <section>
        <h2>{t('regeling.conditions')}</h2>
        {regeling.eligibilityKnown === 'unknown' && (
          <p className="notice notice-warning">
            <strong>{t('regeling.eligibilityUnknown')}.</strong>{' '}
            <span {...local('eligibilityNote')}>{regeling.eligibilityNote}</span>
          </p>
        )}
        {regeling.eligibilityKnown === 'public-source' && (
          <p className="notice">{t('regeling.eligibilityPublic')}</p>
        )}
        {regeling.conditions.length > 0 && (
          <ul {...local('conditions')}>
            {regeling.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {regeling.eligibilityKnown !== 'unknown' && regeling.eligibilityNote && (
          <p className="muted" {...local('eligibilityNote')}>
            {regeling.eligibilityNote}
          </p>
        )}
      </section>
      <section>
        <h2>{t('regeling.howToApply')}</h2>
        <ol {...local('howToApply')}>
          {regeling.howToApply.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {regeling.documents.length > 0 && (
          <>
            <h3>{t('regeling.documents')}</h3>
            <ul {...local('documents')}>
              {regeling.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <h2>{t('regeling.provider')}</h2>
        <p {...dutch}>{regeling.provider}</p>
        {organisation && (
          <p className="muted" {...(orgSummary ? {} : dutch)}>
            {orgSummary ?? organisation.summary}
          </p>
        )}
        {regeling.accessPoint && (
          <>
            <h3>{t('regeling.accessPoint')}</h3>
            <p {...local('accessPoint')}>{regeling.accessPoint}</p>
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
