import { isCatalogueShaped } from '../../domain/catalogue/checksum';
import type { Catalogue } from '../../domain/catalogue/schema';
import { requestJson } from '../http';

export const CATALOGUE_URL = '/catalogue.json';

/** Fetches the catalogue that shipped with this build (the service worker serves it offline). */
export async function fetchShippedCatalogue(): Promise<Catalogue> {
  // The file was validated with the zod schemas at build time; this only guards against a
  // truncated or foreign response, and keeps zod out of the start-up bundle.
  const body = await requestJson(CATALOGUE_URL);
  if (!isCatalogueShaped(body)) throw new Error('catalogue.json is not a catalogue');
  return body;
}
