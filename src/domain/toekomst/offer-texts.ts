import { z } from 'zod';
import type { Offer } from './offer-schema';

/**
 * The offers' resident-facing texts in English and Arabic, for the plan a resident takes home in
 * her own language. Dutch stays in offers.json (one source); these files only translate, and a
 * test checks every offer has them. Loaded only when a plan is printed in that language.
 */
export const offerTextsSchema = z.record(
  z.string(),
  z.object({ name: z.string().trim().min(1), summary: z.string().trim().min(1) }).strict(),
);
export type OfferTexts = z.infer<typeof offerTextsSchema>;

/** The offer's name and summary in the texts' language; Dutch when there are none (nl). */
export function localiseOffer(
  offer: Offer,
  texts: OfferTexts | undefined,
): { name: string; summary: string } {
  const own = texts?.[offer.id];
  return own ?? { name: offer.name, summary: offer.summary };
}
