import type { Catalogue } from './schema';

/** The catalogue's tables, in the order they are checksummed and handed over. */
export const CATALOGUE_TABLES = [
  'fundamenten',
  'programmes',
  'regelingen',
  'organisations',
  'wijken',
  'indicators',
] as const;

/** A cheap shape check for catalogue data that was already validated by the zod schemas at build. */
export function isCatalogueShaped(value: unknown): value is Catalogue {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.version !== 'string') return false;
  return CATALOGUE_TABLES.every(
    (t) =>
      Array.isArray(record[t]) &&
      (record[t] as unknown[]).every(
        (r) =>
          typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string',
      ),
  );
}

/**
 * One canonical text per catalogue, independent of the order records come back from storage.
 * Written table by table with `pause` between them, so a device can let the screen respond
 * between the tables; the text is the same as one `JSON.stringify` of all tables.
 */
async function canonical(catalogue: Catalogue, pause?: () => Promise<void>): Promise<string> {
  const parts: string[] = [];
  for (const t of CATALOGUE_TABLES) {
    if (pause) await pause();
    parts.push(
      JSON.stringify([...catalogue[t]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
    );
  }
  return `[${parts.join(',')}]`;
}

/** SHA-256 over the canonical text, to tell whole stored data from damaged or half-written data. */
export async function catalogueChecksum(
  catalogue: Catalogue,
  pause?: () => Promise<void>,
): Promise<string> {
  const bytes = new TextEncoder().encode(await canonical(catalogue, pause));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
