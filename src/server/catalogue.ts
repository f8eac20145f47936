import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Catalogue, CatalogueFileName } from '../domain/catalogue/schema';
import { validateCatalogueFiles } from '../domain/catalogue/validate';

/** Fields a published catalogue carries, each checked by the catalogue's own zod schemas. */
const FILES: Record<Exclude<keyof Catalogue, 'version'>, CatalogueFileName> = {
  fundamenten: 'fundamenten.json',
  programmes: 'programmes.json',
  regelingen: 'regelingen.json',
  organisations: 'organisations.json',
  wijken: 'wijken.json',
  indicators: 'indicators.json',
};

/** Lists without which the app cannot work (search, the check, signals' wijk choice). */
const REQUIRED_LISTS = [
  'fundamenten',
  'programmes',
  'regelingen',
  'organisations',
  'wijken',
] as const satisfies readonly (keyof typeof FILES)[];

const bodyShape = z.record(z.string(), z.unknown());

export type CatalogueCheck = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

/**
 * Validates a catalogue as the build does (schemas, unique ids, references) and gives it the
 * same content-hash version, so a published catalogue and a built one with the same content match.
 */
export function checkCatalogue(input: unknown): CatalogueCheck {
  const shape = bodyShape.safeParse(input);
  if (!shape.success) return { ok: false, errors: ['The catalogue must be a JSON object.'] };
  const files: Partial<Record<CatalogueFileName, unknown>> = {};
  for (const [key, file] of Object.entries(FILES)) files[file] = shape.data[key];
  const unknownKeys = Object.keys(shape.data).filter((k) => k !== 'version' && !(k in FILES));
  if (unknownKeys.length > 0)
    return { ok: false, errors: [`Unknown fields: ${unknownKeys.join(', ')}`] };
  const result = validateCatalogueFiles(files);
  if (!result.ok) return { ok: false, errors: result.errors };
  // Valid but empty would wipe every device's lists at its next sync: refused, file by file.
  const empty = REQUIRED_LISTS.filter((key) => result.catalogue[key].length === 0);
  if (empty.length > 0) {
    return {
      ok: false,
      errors: empty.map(
        (key) => `${FILES[key]}: the list is empty; a catalogue needs at least one.`,
      ),
    };
  }
  const version = createHash('sha256')
    .update(JSON.stringify(result.catalogue))
    .digest('hex')
    .slice(0, 16);
  return { ok: true, catalogue: { version, ...result.catalogue } };
}
