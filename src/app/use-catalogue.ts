import type { Catalogue } from '../domain/catalogue/schema';
import type { RegelingSearch } from '../domain/search/regeling-search';
import { createRegelingSearch } from '../domain/search/regeling-search';
import { useCatalogueState } from './catalogue-context';

// One search index per catalogue version, built on first use (it lives in the pages' chunk, not the start-up bundle).
const searchIndexes = new WeakMap<Catalogue, RegelingSearch>();

function searchFor(catalogue: Catalogue): RegelingSearch {
  let search = searchIndexes.get(catalogue);
  if (!search) {
    search = createRegelingSearch(catalogue.regelingen, catalogue.wijken);
    searchIndexes.set(catalogue, search);
  }
  return search;
}

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
