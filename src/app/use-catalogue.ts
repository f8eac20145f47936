import type { Catalogue } from '../domain/catalogue/schema';
import type { RegelingSearch } from '../domain/search/regeling-search';
import { createRegelingSearch } from '../domain/search/regeling-search';
import { useCatalogueState } from './catalogue-context';

/**
 * A value derived from the catalogue (a search index), built once per catalogue version on first
 * use: a newly synced catalogue is a new object, so its index is built anew.
 */
export function perCatalogue<T>(build: (catalogue: Catalogue) => T): (catalogue: Catalogue) => T {
  const cache = new WeakMap<Catalogue, T>();
  return (catalogue) => {
    let value = cache.get(catalogue);
    if (value === undefined) {
      value = build(catalogue);
      cache.set(catalogue, value);
    }
    return value;
  };
}

// Built on the first page that searches (it lives in the pages' chunk, not the start-up bundle).
const searchFor = perCatalogue<RegelingSearch>((c) => createRegelingSearch(c.regelingen, c.wijken));

/** The ready catalogue; only for pages rendered inside a CatalogueGate. */
export function useCatalogue(): { catalogue: Catalogue } {
  const state = useCatalogueState();
  if (state.status !== 'ready') throw new Error('useCatalogue used outside a ready CatalogueGate');
  return { catalogue: state.catalogue };
}

/**
 * The catalogue with its search index, for the pages that search. The index is built on the
 * first of those pages, not on the start page, which only links to them.
 */
export function useCatalogueSearch(): { catalogue: Catalogue; search: RegelingSearch } {
  const { catalogue } = useCatalogue();
  return { catalogue, search: searchFor(catalogue) };
}
