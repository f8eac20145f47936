/**
 * The toekomstgesprek's closed word lists, kept apart from the zod schemas so lists and the
 * matching can use them without loading zod. Barriers follow the NPDW's list of what holds
 * residents back from work (003 L3411–3413: bestaansonzekerheid, laaggeletterdheid,
 * basisvaardigheden, taal, opvang), plus health and confidence from the intake.
 */

/** What the resident wants to work towards. */
export const WISHES = [
  'werk',
  'andere-baan',
  'opleiding',
  'taal',
  'meedoen',
  'ondernemen',
] as const;
export type Wish = (typeof WISHES)[number];

/** What stands in the way; each is linked to the help that tackles it (see barrier-help.ts). */
export const BARRIERS = [
  'geldzorgen',
  'kinderopvang',
  'gezondheid',
  'taal',
  'digitaal',
  'zelfvertrouwen',
] as const;
export type Barrier = (typeof BARRIERS)[number];

/** Whether the resident has a startkwalificatie (havo, vwo or mbo-2 diploma). */
export const QUALIFICATIONS = ['geen', 'startkwalificatie', 'hoger', 'onbekend'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** The status of an offer: running, still being set up, or ended. */
export const OFFER_STATUSES = ['loopt', 'in-ontwikkeling', 'gestopt'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** How an offer fits someone's time: at her own pace, fixed hours, or not stated in the sources. */
export const OFFER_PACES = ['eigen-tempo', 'vaste-uren', 'onbekend'] as const;
export type OfferPace = (typeof OFFER_PACES)[number];

export function isWish(value: unknown): value is Wish {
  return typeof value === 'string' && (WISHES as readonly string[]).includes(value);
}

export function isBarrier(value: unknown): value is Barrier {
  return typeof value === 'string' && (BARRIERS as readonly string[]).includes(value);
}
