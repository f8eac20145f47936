import type { Catalogue } from './schema';

const TABLES = [
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
  return TABLES.every(
    (t) =>
      Array.isArray(record[t]) &&
      (record[t] as unknown[]).every(
        (r) =>
          typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string',
      ),
  );
}

/** One canonical text per catalogue, independent of the order records come back from storage. */
function canonical(catalogue: Catalogue): string {
  return JSON.stringify(
    TABLES.map((t) => [...catalogue[t]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
  );
}

/** SHA-256 over the canonical text, to tell whole stored data from damaged or half-written data. */
export async function catalogueChecksum(catalogue: Catalogue): Promise<string> {
  const bytes = new TextEncoder().encode(canonical(catalogue));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
