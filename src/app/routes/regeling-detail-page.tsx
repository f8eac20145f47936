import { useParams } from 'react-router';
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
import { AppLink } from '../components/app-link';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { NearbyPlaces } from '../directory/nearby-places';
import { APPLY_HELP_TOPICS } from '../../domain/directory/referral-topics';

export function RegelingDetailPage() {
  const { t } = useTranslation();
  const { language } = useFormat();
  const { overlay, ready } = useCatalogueOverlay(language);
  const { id } = useParams();
  const { catalogue } = useCatalogue();
  const found = catalogue.regelingen.find((r) => r.id === id);
  if (!found) return <NotFound message={t('regeling.notFound')} />;
  if (!ready) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
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
      <Paragraph>
        <AppLink to={paths.regelingen.href()}>
          <DirArrow to="back" /> {t('regeling.back')}
        </AppLink>
      </Paragraph>
      <Heading level={1}>
        <bdi {...dutch}>{regeling.name}</bdi>
      </Heading>
      {regeling.nameExplanation && <Paragraph purpose="lead">{regeling.nameExplanation}</Paragraph>}
      <Paragraph className="card-meta">
        {regeling.fundamenten.map((f) => (
          <DataBadge key={f} className={`fundament-${f}`}>
            {t(`fundament.${f}`)}
          </DataBadge>
        ))}
        <DataBadge>{t(`level.${regeling.level}`)}</DataBadge>
      </Paragraph>
      <section>
        <Heading level={2}>{t('regeling.whatYouGet')}</Heading>
        <Paragraph purpose="lead" {...local('summary')}>
          {regeling.summary}
        </Paragraph>
      </section>
      <section>
        <Heading level={2}>{t('regeling.forWhom')}</Heading>
        <Paragraph {...local('forWhom')}>{regeling.forWhom}</Paragraph>
      </section>
      <section>
        <Heading level={2}>{t('regeling.conditions')}</Heading>
        {regeling.eligibilityKnown === 'unknown' && (
          <Notice type="warning">
            <strong>{t('regeling.eligibilityUnknown')}.</strong>{' '}
            <span {...local('eligibilityNote')}>{regeling.eligibilityNote}</span>
          </Notice>
        )}
        {regeling.eligibilityKnown === 'public-source' && (
          <Notice>{t('regeling.eligibilityPublic')}</Notice>
        )}
        {regeling.conditions.length > 0 && (
          <ul {...local('conditions')}>
            {regeling.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {regeling.eligibilityKnown !== 'unknown' && regeling.eligibilityNote && (
          <Paragraph className="muted" {...local('eligibilityNote')}>
            {regeling.eligibilityNote}
          </Paragraph>
        )}
      </section>
      <section>
        <Heading level={2}>{t('regeling.howToApply')}</Heading>
        <ol {...local('howToApply')}>
          {regeling.howToApply.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {regeling.documents.length > 0 && (
          <>
            <Heading level={3}>{t('regeling.documents')}</Heading>
            <ul {...local('documents')}>
              {regeling.documents.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section>
        <Heading level={2}>{t('regeling.provider')}</Heading>
        <Paragraph {...dutch}>{regeling.provider}</Paragraph>
        {organisation && (
          <Paragraph className="muted" {...(orgSummary ? {} : dutch)}>
            {orgSummary ?? organisation.summary}
          </Paragraph>
        )}
        {regeling.accessPoint && (
          <>
            <Heading level={3}>{t('regeling.accessPoint')}</Heading>
            <Paragraph {...local('accessPoint')}>{regeling.accessPoint}</Paragraph>
          </>
        )}
      </section>
      <NearbyPlaces
        title={t('directory.applyHelp')}
        topics={APPLY_HELP_TOPICS}
        {...(regeling.providerOrganisation ? { lead: regeling.providerOrganisation } : {})}
      />
      <section>
        <Heading level={2}>{t('regeling.wijken')}</Heading>
        {wijken.length === 0 ? (
          <Paragraph>{t('regelingen.wholeCity')}</Paragraph>
        ) : (
          <ul className="inline-list">
            {wijken.map((w) => (
              <li key={w.id}>
                <AppLink to={paths.wijk.href(w.id)}>{w.name}</AppLink>
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
        <Heading level={2}>{t('regeling.sources')}</Heading>
        <SourceList sources={regeling.source} />
      </section>
    </article>
  );
}
