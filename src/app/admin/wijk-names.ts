import type { Catalogue } from '../../domain/catalogue/schema';

/** Wijk ids as names from the catalogue; an id the catalogue no longer has is shown as is. */
export function wijkNames(catalogue: Catalogue, ids: readonly string[]): string {
  const names = new Map(catalogue.wijken.map((w) => [w.id, w.name]));
  return ids.map((id) => names.get(id) ?? id).join(', ');
}
