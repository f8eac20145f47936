import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, CatalogueFileName } from '../domain/catalogue/schema';
import { catalogueFilesSchema } from '../domain/catalogue/schema';
import { validateCatalogueFiles } from '../domain/catalogue/validate';

export const CATALOGUE_DATA_DIR = join(import.meta.dirname, '..', 'domain', 'catalogue', 'data');

export class CatalogueDataError extends Error {
  readonly errors: readonly string[];
  constructor(errors: readonly string[]) {
    super(`The catalogue data is not valid:\n  - ${errors.join('\n  - ')}`);
    this.name = 'CatalogueDataError';
    this.errors = errors;
  }
}

/** Reads and validates the catalogue's data files; throws a CatalogueDataError naming file and field. */
export function loadCatalogueFromDir(dir: string = CATALOGUE_DATA_DIR): Catalogue {
  const files: Partial<Record<CatalogueFileName, unknown>> = {};
  const errors: string[] = [];
  for (const name of Object.keys(catalogueFilesSchema) as CatalogueFileName[]) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    try {
      files[name] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      errors.push(`${name}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (errors.length > 0) throw new CatalogueDataError(errors);
  const result = validateCatalogueFiles(files);
  if (!result.ok) throw new CatalogueDataError(result.errors);
  const version = createHash('sha256')
    .update(JSON.stringify(result.catalogue))
    .digest('hex')
    .slice(0, 16);
  return { version, ...result.catalogue };
}
