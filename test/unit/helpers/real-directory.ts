import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  organisationSchema,
  wijkSchema,
  type Catalogue,
} from '../../../src/domain/catalogue/schema';
import { fixtureCatalogue } from '../../fixtures/catalogue';

const readText = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');

/** The fixture catalogue with the real sociale kaart (organisations and wijken from the data). */
export function fixtureWithRealDirectory(): Catalogue {
  const organisations = z
    .array(organisationSchema)
    .parse(JSON.parse(readText('../../../src/domain/catalogue/data/organisations.json')));
  const wijken = z
    .array(wijkSchema)
    .parse(JSON.parse(readText('../../../src/domain/catalogue/data/wijken.json')));
  return { ...fixtureCatalogue('fixture-directory'), organisations, wijken };
}
