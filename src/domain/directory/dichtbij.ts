import { DORDT_WEST_SCOPE } from '../catalogue/constants';
import type { DirectoryEntry, HelpTopic, Organisation, Wijk } from '../catalogue/schema';

/**
 * "Dichtbij": the places that serve a resident's wijk, nearest first. Same wijk (the door is there,
 * or the offer is for that wijk), then what is for all of Dordt West (only for a resident there),
 * then what is open to the whole city. A stopped offer is never proposed; an offer in development
 * is shown as such, after the running ones of its tier, and never as the only route.
 */

export type DichtbijTier = 'wijk' | 'dordt-west' | 'stad';
const TIER_RANK: Record<DichtbijTier, number> = { wijk: 0, 'dordt-west': 1, stad: 2 };

export interface DirectoryPlace {
  organisation: Organisation;
  entry: DirectoryEntry;
  tier: DichtbijTier;
}

/** The always-open door that keeps a need from ending at an offer still being built. */
export const NO_WRONG_DOOR_ID = 'sociaal-wijkteam';

export type WijkLink = Pick<Wijk, 'id' | 'partOf' | 'inDordtWest'>;

export interface ResidentArea {
  /** The resident's wijk or buurt and every wijk it lies in. */
  ids: ReadonlySet<string>;
  inDordtWest: boolean;
}

/** The resident's wijk with the wijken it lies in; null when unknown. */
export function residentAreaOf(
  wijkId: string | null | undefined,
  wijken: readonly WijkLink[],
): ResidentArea | null {
  if (!wijkId) return null;
  const byId = new Map(wijken.map((w) => [w.id, w]));
  const start = byId.get(wijkId);
  if (!start) return null;
  const ids = new Set<string>();
  // A buurt's partOf chain; the guard stops a (validated-away) cycle from looping.
  for (
    let w: WijkLink | undefined = start;
    w && !ids.has(w.id);
    w = w.partOf ? byId.get(w.partOf) : undefined
  ) {
    ids.add(w.id);
  }
  return { ids, inDordtWest: start.inDordtWest };
}

/** The tier an entry has for this resident, or null when it does not serve her. */
export function tierFor(entry: DirectoryEntry, area: ResidentArea | null): DichtbijTier | null {
  if (entry.status.value === 'gestopt') return null;
  const serves = entry.servesWijken;
  if (area === null) return serves.length === 0 ? 'stad' : null;
  const servesHere = serves.some((id) => area.ids.has(id));
  const servesDordtWest = serves.includes(DORDT_WEST_SCOPE) && area.inDordtWest;
  const servesResident = serves.length === 0 || servesHere || servesDordtWest;
  if (!servesResident) return null;
  const doorHere = entry.wijk !== undefined && area.ids.has(entry.wijk);
  if (servesHere || doorHere) return 'wijk';
  return servesDordtWest ? 'dordt-west' : 'stad';
}

function compare(a: DirectoryPlace, b: DirectoryPlace): number {
  return (
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    Number(a.entry.status.value !== 'loopt') - Number(b.entry.status.value !== 'loopt') ||
    a.organisation.name.localeCompare(b.organisation.name, 'nl')
  );
}

/**
 * The directory's places for a resident's wijk, nearest first; with `topics`, only those that help
 * with at least one of them. A resident without a known wijk gets the city-wide places.
 */
export function placesFor(
  organisations: readonly Organisation[],
  wijken: readonly WijkLink[],
  wijkId: string | undefined,
  topics?: readonly HelpTopic[],
): DirectoryPlace[] {
  const area = residentAreaOf(wijkId, wijken);
  const places: DirectoryPlace[] = [];
  for (const organisation of organisations) {
    const entry = organisation.directory;
    if (!entry) continue;
    if (topics && !entry.helpsWith.some((t) => topics.includes(t))) continue;
    const tier = tierFor(entry, area);
    if (tier) places.push({ organisation, entry, tier });
  }
  return places.sort(compare);
}

/**
 * What to propose for a need: `placesFor`, and when none of them runs yet (only offers in
 * development, or nothing at all), the wijkteam as well, so an offer being built is never the only
 * route and every need ends at a real door.
 */
export function proposePlaces(
  organisations: readonly Organisation[],
  wijken: readonly WijkLink[],
  wijkId: string | undefined,
  topics: readonly HelpTopic[],
): DirectoryPlace[] {
  const places = placesFor(organisations, wijken, wijkId, topics);
  if (places.some((p) => p.entry.status.value === 'loopt')) return places;
  const door = placesFor(organisations, wijken, wijkId).filter(
    (p) => p.organisation.id === NO_WRONG_DOOR_ID,
  );
  return [...places, ...door];
}
