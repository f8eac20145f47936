import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pickAllowed, useUrlFilters } from '../use-url-filters';
import type { Doelgroep, FundamentId } from '../../domain/catalogue/schema';
import { DOELGROEPEN, FUNDAMENT_IDS } from '../../domain/catalogue/constants';
import { paths } from '../paths';
import { useCatalogueSearch } from '../use-catalogue';
import { useFormat } from '../i18n/format';
import { dutchAttrs } from '../i18n/dutch-attrs';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';
import { DataBadge } from '../components/data-badge';
import { Fieldset, FormField, SelectInput, TextInput } from '../components/form-field';

/**
 * Search and filters live in the address, so a reload, the back button or an app update brings
 * the worker back to the same list.
 */
export function RegelingenPage() {
  const { t } = useTranslation();
  const { catalogue, search } = useCatalogueSearch();
  const { language } = useFormat();
  const { overlay } = useCatalogueOverlay(language);
  const { params, setParams, update } = useUrlFilters();
  const query = params.get('q') ?? '';
  const fundament = pickAllowed<FundamentId>(params.get('fundament'), FUNDAMENT_IDS);
  const doelgroep = pickAllowed<Doelgroep>(params.get('doelgroep'), DOELGROEPEN);
  const wijkIds = catalogue.wijken.map((w) => w.id);
  const wijk = pickAllowed(params.get('wijk'), wijkIds);

  const results = useMemo(
    () => search.search(query, { fundament, doelgroep, wijk }),
    [search, query, fundament, doelgroep, wijk],
  );

  const usedDoelgroepen = DOELGROEPEN.filter((d) =>
    catalogue.regelingen.some((r) => r.doelgroepen.includes(d)),
  );

  return (
    <>
      <Heading level={1}>{t('regelingen.title')}</Heading>
      <Paragraph>
        <Link to={paths.kaart.href(wijk ? { wijk } : undefined)}>{t('directory.page.link')}</Link>
      </Paragraph>
      <div role="search" className="search-form">
        <FormField htmlFor="regeling-search" label={t('regelingen.searchLabel')}>
          <TextInput
            id="regeling-search"
            type="search"
            value={query}
            placeholder={t('regelingen.searchPlaceholder')}
            onChange={(e) => update('q', e.target.value)}
            autoComplete="off"
            autoFocus
          />
        </FormField>
      </div>
      <Fieldset className="filters" legend={t('regelingen.filters')}>
        <FormField htmlFor="regeling-fundament" label={t('regelingen.filterFundament')}>
          <SelectInput
            id="regeling-fundament"
            value={fundament ?? ''}
            onChange={(e) => update('fundament', e.target.value)}
          >
            <option value="">{t('regelingen.all')}</option>
            {FUNDAMENT_IDS.map((f) => (
              <option key={f} value={f}>
                {t(`fundament.${f}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="regeling-doelgroep" label={t('regelingen.filterDoelgroep')}>
          <SelectInput
            id="regeling-doelgroep"
            value={doelgroep ?? ''}
            onChange={(e) => update('doelgroep', e.target.value)}
          >
            <option value="">{t('regelingen.all')}</option>
            {usedDoelgroepen.map((d) => (
              <option key={d} value={d}>
                {t(`doelgroep.${d}`)}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField htmlFor="regeling-wijk" label={t('regelingen.filterWijk')}>
          <SelectInput
            id="regeling-wijk"
            value={wijk ?? ''}
            onChange={(e) => update('wijk', e.target.value)}
          >
            <option value="">{t('regelingen.all')}</option>
            {catalogue.wijken.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
        {(fundament || doelgroep || wijk) && (
          <Button
            purpose="secondary"
            onClick={() => setParams(query ? { q: query } : {}, { replace: true })}
          >
            {t('regelingen.clearFilters')}
          </Button>
        )}
      </Fieldset>
      <Paragraph role="status" className="muted" aria-live="polite">
        {t('regelingen.count', { count: results.length })}
      </Paragraph>
      {results.length === 0 ? (
        <Notice>{t('regelingen.noResults')}</Notice>
      ) : (
        <ul className="card-list" aria-label={t('regelingen.title')}>
          {results.map((r) => (
            <li key={r.id}>
              <Link className="card" to={paths.regeling.href(r.id)}>
                <span className="card-title">{r.name}</span>
                <span
                  className="card-text"
                  {...(overlay?.regelingen[r.id] ? {} : dutchAttrs(language))}
                >
                  {overlay?.regelingen[r.id]?.summary ?? r.summary}
                </span>
                <span className="card-meta">
                  {r.fundamenten.map((f) => (
                    <DataBadge key={f} className={`fundament-${f}`}>
                      {t(`fundament.${f}`)}
                    </DataBadge>
                  ))}
                  <DataBadge>{t(`level.${r.level}`)}</DataBadge>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
