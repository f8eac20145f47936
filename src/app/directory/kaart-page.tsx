import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickAllowed, useUrlFilters } from '../use-url-filters';
import type { HelpTopic } from '../../domain/catalogue/schema';
import { HELP_TOPICS } from '../../domain/catalogue/constants';
import { createPlaceSearch, type PlaceSearch } from '../../domain/search/place-search';
import { perCatalogue, useCatalogue } from '../use-catalogue';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { Fieldset, FormField, SelectInput, TextInput } from '../components/form-field';
import { PlaceList } from './place-card';

// One index per catalogue version, built when the kaart is first opened.
const placeSearchFor = perCatalogue<PlaceSearch>((c) =>
  createPlaceSearch(c.organisations, c.wijken),
);

/**
 * The sociale kaart: find a place by what it helps with, by wijk or by language, offline. The
 * query and filters live in the address, like the regelingen search.
 */
export function KaartPage() {
  const { t } = useTranslation();
  const { catalogue } = useCatalogue();
  const search = placeSearchFor(catalogue);
  const { params, update } = useUrlFilters();
  const query = params.get('q') ?? '';
  const topic = pickAllowed<HelpTopic>(params.get('hulp'), HELP_TOPICS);
  const wijkOptions = catalogue.wijken.filter((w) => w.kind !== 'gebied');
  const wijk = pickAllowed(
    params.get('wijk'),
    wijkOptions.map((w) => w.id),
  );
  const results = useMemo(
    () => search.search(query, { ...(topic ? { topic } : {}), ...(wijk ? { wijk } : {}) }),
    [search, query, topic, wijk],
  );

  return (
    <>
      <Heading level={1}>{t('directory.page.title')}</Heading>
      <Paragraph purpose="lead">{t('directory.page.intro')}</Paragraph>
      <div role="search" className="search-form">
        <FormField htmlFor="place-search" label={t('directory.page.searchLabel')}>
          <TextInput
            id="place-search"
            type="search"
            value={query}
            placeholder={t('directory.page.searchPlaceholder')}
            onChange={(e) => update('q', e.target.value)}
            autoComplete="off"
          />
        </FormField>
      </div>
      <Fieldset className="filters" legend={t('regelingen.filters')}>
        <FormField htmlFor="place-topic" label={t('directory.page.topic')}>
          <SelectInput
            id="place-topic"
            value={topic ?? ''}
            onChange={(e) => update('hulp', e.target.value)}
          >
            <option value="">{t('regelingen.all')}</option>
            {HELP_TOPICS.map((h) => (
              <option key={h} value={h}>
                {t(`directory.topic.${h}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="place-wijk" label={t('directory.wijkLabel')}>
          <SelectInput
            id="place-wijk"
            value={wijk ?? ''}
            onChange={(e) => update('wijk', e.target.value)}
          >
            <option value="">{t('directory.wijkAny')}</option>
            {wijkOptions.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
      </Fieldset>
      <Paragraph role="status" className="muted" aria-live="polite">
        {t('directory.page.count', { count: results.length })}
      </Paragraph>
      {results.length === 0 ? (
        <Notice>{t('directory.none')}</Notice>
      ) : (
        <PlaceList places={results} first={results.length} headingLevel={3} />
      )}
    </>
  );
}
