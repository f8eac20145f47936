import offersJson from './data/offers.json';
import type { Offer } from './offer-schema';
import { offersFileSchema } from './offer-schema';

/**
 * The ontwikkelaanbod, parsed once. Parsing at import fails loudly in tests and at build time
 * (src/build/validate-catalogue-cli.ts also checks its references against the catalogue)
 * instead of proposing a wrong offer in the field.
 */
export const OFFERS: readonly Offer[] = offersFileSchema.parse(offersJson);

export function offerById(id: string): Offer | undefined {
  return OFFERS.find((o) => o.id === id);
}
