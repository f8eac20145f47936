import MiniSearch from 'minisearch';
import type { Doelgroep, FundamentId, Regeling, Wijk } from '../catalogue/schema';
import { normaliseText } from './normalise';

export interface RegelingFilters {
  fundament?: FundamentId;
  doelgroep?: Doelgroep;
  /** A wijk id; a regeling for the whole city matches every wijk. */
  wijk?: string;
}

export interface RegelingSearch {
  search(query: string, filters?: RegelingFilters): Regeling[];
}

interface IndexedRegeling {
  id: string;
  name: string;
  keywords: string;
  summary: string;
  details: string;
}

function toDocument(r: Regeling): IndexedRegeling {
  return {
    id: r.id,
    name: r.name,
    keywords: r.keywords.join(' '),
    summary: `${r.summary} ${r.forWhom}`,
    details: [r.provider, r.accessPoint ?? '', ...r.conditions, ...r.howToApply].join(' '),
  };
}

/**
 * The areas a wijk belongs to, so a filter on a buurt also finds what is offered in its wijk
 * and in Dordt West as a whole.
 */
export function wijkScope(wijken: readonly Wijk[], wijkId: string): Set<string> {
  const byId = new Map(wijken.map((w) => [w.id, w]));
  const scope = new Set<string>();
  let current = byId.get(wijkId);
  scope.add(wijkId);
  while (current) {
    if (current.inDordtWest) scope.add('dordt-west');
    if (!current.partOf || scope.has(current.partOf)) break;
    scope.add(current.partOf);
    current = byId.get(current.partOf);
  }
  return scope;
}

function matchesFilters(
  r: Regeling,
  filters: RegelingFilters,
  scope: Set<string> | undefined,
): boolean {
  if (filters.fundament && !r.fundamenten.includes(filters.fundament)) return false;
  if (filters.doelgroep && !r.doelgroepen.includes(filters.doelgroep)) return false;
  if (scope && r.wijken.length > 0 && !r.wijken.some((w) => scope.has(w))) return false;
  return true;
}

/**
 * Builds an in-memory index over the catalogue's regelingen. Search forgives typos (fuzzy),
 * matches word beginnings as the worker types (prefix) and ignores accents.
 */
export function createRegelingSearch(
  regelingen: readonly Regeling[],
  wijken: readonly Wijk[] = [],
): RegelingSearch {
  const byId = new Map(regelingen.map((r) => [r.id, r]));
  const index = new MiniSearch<IndexedRegeling>({
    fields: ['name', 'keywords', 'summary', 'details'],
    idField: 'id',
    processTerm: (term) => normaliseText(term),
    searchOptions: {
      boost: { name: 4, keywords: 3, summary: 1.5, details: 1 },
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(regelingen.map(toDocument));
  const sortedByName = [...regelingen].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return {
    search(query, filters = {}) {
      const scope = filters.wijk ? wijkScope(wijken, filters.wijk) : undefined;
      const accept = (r: Regeling) => matchesFilters(r, filters, scope);
      const trimmed = query.trim();
      if (trimmed.length === 0) return sortedByName.filter(accept);
      let hits = index.search(trimmed);
      // A worker who types two words where one matches poorly still deserves results.
      if (hits.length === 0) hits = index.search(trimmed, { combineWith: 'OR' });
      return hits.flatMap((hit) => {
        const r = byId.get(String(hit.id));
        return r && accept(r) ? [r] : [];
      });
    },
  };
}
