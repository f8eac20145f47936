import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getQuestion, TOPICS } from '../../domain/check/questions';
import { localiseRegeling } from '../../domain/catalogue/overlay';
import { spreekuurOverview, type Count } from '../../domain/spreekuur/overview';
import { getLifeEvent } from '../../domain/life-events/life-events';
import { isLifeEventId } from '../../domain/life-events/schema';
import { talliesOfDay, unsentTallyCount } from '../../data/spreekuur/tallies';
import { ButtonLink } from '../components/button';
import { Heading, Paragraph } from '../components/typography';
import { useFormat } from '../i18n/format';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { paths } from '../paths';
import { useCatalogue } from '../use-catalogue';
import '../check/check.css';
import { localDate } from '../../domain/calendar';

/**
 * The volunteer's overview of this evening at the table, from the tallies on this device: no
 * resident, only counts. The coordinator's figures count the same tallies once they are sent.
 */
export function SpreekuurPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { catalogue } = useCatalogue();
  const { overlay } = useCatalogueOverlay(format.language);
  const today = localDate(new Date());
  const tallies = useLiveQuery(() => talliesOfDay(today), [today]);
  const unsent = useLiveQuery(() => unsentTallyCount(), []);
  const overview = tallies ? spreekuurOverview(tallies) : undefined;
  const regeling = (id: string) => {
    const found = catalogue.regelingen.find((r) => r.id === id);
    return (found && localiseRegeling(found, overlay)?.name) ?? id;
  };
  const topic = (id: string) => {
    const found = TOPICS.find((x) => x.id === id);
    return found ? t(found.titleKey) : id;
  };
  const question = (id: string) => {
    const found = getQuestion(id);
    return found ? t(found.labelKey) : id;
  };
  const language = (id: string) => t(`spreekuur.overview.language.${id}`);
  // A life event by its own title in the screen's language; an id this app does not know as is.
  const lifeEvent = (id: string) =>
    isLifeEventId(id)
      ? getLifeEvent(id).title[format.language]
      : t(`spreekuur.overview.lifeEvent`, { id });

  return (
    <div className="narrow-wide spreekuur-overview">
      <Paragraph className="eyebrow">{t('spreekuur.title')}</Paragraph>
      <Heading level={1}>{t('spreekuur.overview.title')}</Heading>
      <Paragraph purpose="lead">{t('spreekuur.overview.intro')}</Paragraph>
      <Paragraph>
        <ButtonLink to={paths.quickCheck.href()}>{t('spreekuur.quick.start')}</ButtonLink>
      </Paragraph>
      {overview === undefined ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="spreekuur-residents" className="spreekuur-count">
            {t('spreekuur.overview.residents', { count: overview.residents })}
          </Paragraph>
          {unsent !== undefined && unsent > 0 && (
            <Paragraph className="muted small" data-testid="spreekuur-unsent">
              {t('spreekuur.overview.unsent', { count: unsent })}
            </Paragraph>
          )}
          <CountList title={t('spreekuur.overview.topics')} counts={overview.topics} name={topic} />
          <CountList
            title={t('spreekuur.overview.questions')}
            counts={overview.questions.slice(0, 10)}
            name={question}
          />
          <CountList
            title={t('spreekuur.overview.suggested')}
            counts={overview.suggested}
            name={regeling}
          />
          <CountList
            title={t('spreekuur.overview.applied')}
            counts={overview.applied}
            name={regeling}
          />
          <CountList
            title={t('spreekuur.overview.languages')}
            counts={overview.languages}
            name={language}
          />
          {overview.lifeEvents.length > 0 && (
            <CountList
              title={t('spreekuur.overview.lifeEvents')}
              counts={overview.lifeEvents}
              name={lifeEvent}
            />
          )}
        </>
      )}
    </div>
  );
}

function CountList({
  title,
  counts,
  name,
}: {
  title: string;
  counts: readonly Count[];
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <section className="spreekuur-section">
      <Heading level={2}>{title}</Heading>
      {counts.length === 0 ? (
        <Paragraph className="muted">{t('spreekuur.overview.none')}</Paragraph>
      ) : (
        <ul>
          {counts.map((c) => (
            <li key={c.id}>
              {name(c.id)}: <strong>{c.n}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
