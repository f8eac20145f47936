import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HelpTopic } from '../../domain/catalogue/schema';
import { placesFor, proposePlaces } from '../../domain/directory/dichtbij';
import { useCatalogue } from '../use-catalogue';
import { SelectInput } from '../components/form-field';
import { Heading, Paragraph } from '../components/typography';
import { PlaceList } from './place-card';

/**
 * Places from the sociale kaart for a need, nearest to a chosen wijk first. The wijk starts from
 * the page's `wijk` filter when there is one; `lead` (e.g. a regeling's provider) comes first
 * when it serves that wijk.
 */
export function NearbyPlaces({
  title,
  topics,
  lead,
}: {
  title: string;
  topics: readonly HelpTopic[];
  lead?: string;
}) {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const [params] = useSearchParams();
  const [wijk, setWijk] = useState(params.get('wijk') ?? '');
  const selectId = useId();
  const chosen = wijk === '' ? undefined : wijk;
  const leading = lead
    ? placesFor(catalogue.organisations, catalogue.wijken, chosen).filter(
        (p) => p.organisation.id === lead,
      )
    : [];
  const places = [
    ...leading,
    ...proposePlaces(catalogue.organisations, catalogue.wijken, chosen, topics).filter(
      (p) => p.organisation.id !== lead,
    ),
  ];
  return (
    <section>
      <Heading level={2}>{title}</Heading>
      <label className="field-label" htmlFor={selectId}>
        {t('directory.wijkLabel')}
      </label>
      <SelectInput id={selectId} value={wijk} onChange={(e) => setWijk(e.target.value)}>
        <option value="">{t('directory.wijkAny')}</option>
        {catalogue.wijken
          .filter((w) => w.kind !== 'gebied')
          .map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
      </SelectInput>
      {!chosen && <Paragraph className="muted small">{t('directory.noWijk')}</Paragraph>}
      <PlaceList places={places} />
    </section>
  );
}
