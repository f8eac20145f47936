import type { Offer } from './offer-schema';
import type { Barrier, Qualification, Wish } from './vocabulary';

/**
 * Proposes ontwikkelaanbod that fits a resident's wish, barriers and time, with the reason for
 * each, so the toekomstmakelaar can explain the proposal and the resident can choose. An offer
 * that is not there yet (the Werkcentrum) is shown as such, and only next to one that is: the
 * resident is never sent to a door that is still closed.
 */
export interface MatchInput {
  wishes: readonly Wish[];
  barriers: readonly Barrier[];
  /** Hours a week she can give; null when not known. */
  hoursPerWeek: number | null;
  qualification: Qualification;
}

export type MatchReason =
  | { code: 'wish'; wish: Wish }
  | { code: 'tackles'; barrier: Barrier }
  | { code: 'ownPace'; hoursPerWeek: number | null }
  | { code: 'hoursUnknown' }
  | { code: 'noDiploma' }
  | { code: 'notYet'; note: string }
  | { code: 'alternative'; forOffer: string };

export interface Proposal {
  offer: Offer;
  available: boolean;
  reasons: MatchReason[];
  score: number;
}

/** Below this many hours a week, or with these barriers, an offer at her own pace fits best. */
const FEW_HOURS = 16;
const PACE_BARRIERS: readonly Barrier[] = ['gezondheid', 'zelfvertrouwen', 'kinderopvang'];

function propose(offer: Offer, input: MatchInput): Proposal | null {
  if (offer.status === 'gestopt') return null;
  const wishes = offer.wishes.filter((w) => input.wishes.includes(w));
  const tackled = offer.tackles.filter((b) => input.barriers.includes(b));
  if (wishes.length === 0 && tackled.length === 0) return null;
  const reasons: MatchReason[] = [
    ...wishes.map((wish): MatchReason => ({ code: 'wish', wish })),
    ...tackled.map((barrier): MatchReason => ({ code: 'tackles', barrier })),
  ];
  let score = 3 * wishes.length + 2 * tackled.length;
  if (offer.pace === 'eigen-tempo') {
    reasons.push({ code: 'ownPace', hoursPerWeek: input.hoursPerWeek });
    const needsPace =
      (input.hoursPerWeek !== null && input.hoursPerWeek < FEW_HOURS) ||
      input.barriers.some((b) => PACE_BARRIERS.includes(b));
    if (needsPace) score += 2;
  } else if (offer.pace === 'onbekend' && input.hoursPerWeek !== null) {
    // The sources do not say how many hours it asks: say so rather than promise a fit.
    reasons.push({ code: 'hoursUnknown' });
  }
  if (
    offer.noDiplomaNeeded === true &&
    (input.qualification === 'geen' || input.qualification === 'onbekend')
  ) {
    reasons.push({ code: 'noDiploma' });
    score += 1;
  }
  const available = offer.status === 'loopt';
  if (!available) reasons.push({ code: 'notYet', note: offer.statusNote ?? '' });
  return { offer, available, reasons, score };
}

function order(a: Proposal, b: Proposal): number {
  if (a.available !== b.available) return a.available ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0;
}

export function matchOffers(offers: readonly Offer[], input: MatchInput): Proposal[] {
  const proposals = offers.flatMap((o) => propose(o, input) ?? []);
  const available = proposals.filter((p) => p.available);
  const waiting = proposals.filter((p) => !p.available);
  for (const p of waiting) {
    // Point to a running offer that serves the same wish as the one that is not there yet.
    for (const alt of available) {
      if (alt.offer.wishes.some((w) => p.offer.wishes.includes(w) && input.wishes.includes(w))) {
        alt.reasons.push({ code: 'alternative', forOffer: p.offer.id });
      }
    }
  }
  // Never only a closed door: without a running offer, the ones still to come are left out.
  const shown = available.length > 0 ? proposals : [];
  return shown.sort(order);
}
