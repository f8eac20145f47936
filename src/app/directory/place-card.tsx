import { useTranslation } from 'react-i18next';
import type { DirectoryPlace } from '../../domain/directory/dichtbij';
import type { SourceRef, TextFact } from '../../domain/catalogue/schema';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { DataBadge } from '../components/data-badge';
import { SourceList } from '../components/source-list';
import { Heading, Paragraph } from '../components/typography';
import { AppLink } from '../components/app-link';
import { paths } from '../paths';
import { distinctSources } from '../../domain/catalogue/source-refs';

type FactField = 'address' | 'walkIn' | 'hours' | 'phone' | 'contact' | 'howToRefer';
const SHOWN: readonly FactField[] = [
  'address',
  'walkIn',
  'hours',
  'phone',
  'contact',
  'howToRefer',
];

/** Every distinct source behind the entry's known facts, for the fold-out. */
function sourcesOf(place: DirectoryPlace): SourceRef[] {
  const e = place.entry;
  return distinctSources(
    [e.address, e.phone, e.contact, e.hours, e.walkIn, e.languages, e.appointment]
      .concat([e.accessibility, e.howToRefer, e.status])
      .flatMap((f) => ('source' in f ? f.source : [])),
  );
}

/**
 * One door from the sociale kaart: where it is, when it is open and how to refer, each fact as the
 * source states it (Dutch) or "onbekend", with the date the entry was checked.
 */
export function PlaceCard({
  place,
  headingLevel = 3,
}: {
  place: DirectoryPlace;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dutch = dutchAttrs(format.language);
  const { organisation, entry, tier } = place;
  const value = (fact: TextFact) =>
    'value' in fact ? (
      <span>{fact.value}</span>
    ) : (
      <span className="muted">{t('directory.unknown')}</span>
    );
  const languages = 'value' in entry.languages ? entry.languages.value.join(', ') : null;
  return (
    <li className="card place" data-place={organisation.id}>
      <Heading level={headingLevel} className="card-title">
        <bdi {...dutch}>{organisation.name}</bdi>
      </Heading>
      <div className="card-meta">
        <DataBadge>{t(`directory.tier.${tier}`)}</DataBadge>
        {entry.status.value === 'in-ontwikkeling' && (
          <DataBadge className="badge-strong">{t('directory.status.in-ontwikkeling')}</DataBadge>
        )}
      </div>
      {format.language === 'nl' ? (
        <>
          <dl className="place-facts small">
            {SHOWN.map((field) => (
              <div key={field}>
                <dt>{t(`directory.field.${field}`)}</dt>
                <dd>{value(entry[field])}</dd>
              </div>
            ))}
            {languages && (
              <div>
                <dt>{t('directory.field.languages')}</dt>
                <dd>{languages}</dd>
              </div>
            )}
          </dl>
          <details className="small">
            <summary>{t('directory.sources')}</summary>
            <SourceList sources={sourcesOf(place)} />
          </details>
        </>
      ) : (
        // The kaart's facts (hours, walk-in, how to refer) are written in Dutch, as their sources
        // state them, and are not translated yet: say so in the reader's language rather than
        // show Dutch sentences she may not read. The slip and the Dutch screen have them.
        <Paragraph className="small muted">{t('directory.factsInDutch')}</Paragraph>
      )}
      <Paragraph className="muted small">
        {t('directory.checkedOn', { date: format.date(entry.checkedOn) })}
      </Paragraph>
      <Paragraph className="small no-print">
        <AppLink to={paths.placeSlip.href(organisation.id)}>{t('directory.slip.link')}</AppLink>
      </Paragraph>
    </li>
  );
}

/** Places nearest first; the rest behind a fold so the first doors stay in view. */
export function PlaceList({
  places,
  first = 3,
  headingLevel,
}: {
  places: readonly DirectoryPlace[];
  first?: number;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  if (places.length === 0) return <Paragraph className="muted">{t('directory.none')}</Paragraph>;
  const shown = places.slice(0, first);
  const rest = places.slice(first);
  return (
    <>
      <ul className="card-list places">
        {shown.map((p) => (
          <PlaceCard key={p.organisation.id} place={p} headingLevel={headingLevel} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details>
          <summary>{t('directory.more', { count: rest.length })}</summary>
          <ul className="card-list places">
            {rest.map((p) => (
              <PlaceCard key={p.organisation.id} place={p} headingLevel={headingLevel} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
