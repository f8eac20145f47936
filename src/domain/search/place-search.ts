import MiniSearch from 'minisearch';
import { DORDT_WEST_SCOPE } from '../catalogue/constants';
import type { HelpTopic, Organisation, TextFact, Wijk } from '../catalogue/schema';
import {
  residentAreaOf,
  tierFor,
  type DirectoryPlace,
  type ResidentArea,
} from '../directory/dichtbij';
import { normaliseText } from './normalise';

export interface PlaceFilters {
  topic?: HelpTopic;
  /** The resident's wijk: only places that serve it, nearest first. */
  wijk?: string;
}

export interface PlaceSearch {
  search(query: string, filters?: PlaceFilters): DirectoryPlace[];
}

interface IndexedPlace {
  id: string;
  name: string;
  keywords: string;
  where: string;
  details: string;
}

const known = (fact: TextFact) => ('value' in fact ? fact.value : '');

/**
 * The words a place is found by: what it helps with, its keywords and languages (so "arabisch"
 * finds it), "inloop" when it has walk-in times, and the wijken it is in or serves, where Dordt
 * West stands for each of its wijken (so "Wielwijk" finds what is for all of Dordt West too).
 */
function toDocument(o: Organisation, wijken: readonly Wijk[]): IndexedPlace | null {
  const d = o.directory;
  if (!d) return null;
  const name = (id: string) => wijken.find((w) => w.id === id)?.name ?? id;
  const areas = new Set<string>();
  if (d.wijk) areas.add(name(d.wijk));
  for (const id of d.servesWijken) {
    areas.add(name(id));
    if (id === DORDT_WEST_SCOPE) {
      for (const w of wijken) if (w.inDordtWest && w.kind !== 'gebied') areas.add(w.name);
    }
  }
  if (d.servesWijken.length === 0) areas.add('heel Dordrecht');
  const languages = 'value' in d.languages ? d.languages.value : [];
  const walkIn = 'value' in d.walkIn ? ['inloop', 'zonder afspraak'] : [];
  return {
    id: o.id,
    name: o.name,
    keywords: [...d.helpsWith, ...d.keywords, ...languages, ...walkIn].join(' '),
    where: [...areas].join(' '),
    details: [o.summary, known(d.address), known(d.walkIn), known(d.hours)].join(' '),
  };
}

/**
 * An in-memory index over the sociale kaart, like the regelingen search: typo tolerant, prefix
 * while typing, accents ignored. With a wijk, results are the places serving it, "dichtbij" first.
 */
export function createPlaceSearch(
  organisations: readonly Organisation[],
  wijken: readonly Wijk[],
): PlaceSearch {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const index = new MiniSearch<IndexedPlace>({
    fields: ['name', 'keywords', 'where', 'details'],
    idField: 'id',
    processTerm: (term) => normaliseText(term),
    searchOptions: {
      boost: { name: 4, keywords: 3, where: 2, details: 1 },
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(organisations.flatMap((o) => toDocument(o, wijken) ?? []));
  const rank = { wijk: 0, 'dordt-west': 1, stad: 2 } as const;
  /** Without a wijk: every place that still runs or is being built, labelled by whom it serves. */
  const withoutWijk = (o: Organisation): DirectoryPlace | null => {
    const entry = o.directory;
    if (!entry || entry.status.value === 'gestopt') return null;
    const serves = entry.servesWijken;
    const tier =
      serves.length === 0 ? 'stad' : serves.includes(DORDT_WEST_SCOPE) ? 'dordt-west' : 'wijk';
    return { organisation: o, entry, tier };
  };
  const place = (o: Organisation, area: ResidentArea | null): DirectoryPlace | null => {
    if (!area) return withoutWijk(o);
    const tier = o.directory ? tierFor(o.directory, area) : null;
    return tier && o.directory ? { organisation: o, entry: o.directory, tier } : null;
  };

  return {
    search(query, filters = {}) {
      const area = filters.wijk ? residentAreaOf(filters.wijk, wijken) : null;
      const trimmed = query.trim();
      let hits: { id: string }[];
      if (trimmed.length === 0) {
        hits = [...organisations]
          .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
          .map((o) => ({ id: o.id }));
      } else {
        let found = index.search(trimmed);
        // A worker who types two words where one matches poorly still deserves results.
        if (found.length === 0) found = index.search(trimmed, { combineWith: 'OR' });
        hits = found.map((h) => ({ id: String(h.id) }));
      }
      const places = hits.flatMap((hit) => {
        const organisation = byId.get(hit.id);
        const found = organisation && place(organisation, area);
        if (!found) return [];
        if (filters.topic && !found.entry.helpsWith.includes(filters.topic)) return [];
        return [found];
      });
      // Stable sort: within a tier the search's own order (relevance, or name) stays.
      if (area) places.sort((a, b) => rank[a.tier] - rank[b.tier]);
      return places;
    },
  };
}
