import { describe, expect, it } from 'vitest';
import offersEn from '../../../../src/domain/toekomst/data/offers-en.json';
import offersAr from '../../../../src/domain/toekomst/data/offers-ar.json';
import { OFFERS } from '../../../../src/domain/toekomst/offers';
import { localiseOffer, offerTextsSchema } from '../../../../src/domain/toekomst/offer-texts';

describe("the offers' texts for a plan in English or Arabic", () => {
  it.each([
    ['en', offersEn],
    ['ar', offersAr],
  ] as const)('%s translates every offer and no unknown one', (_lang, raw) => {
    const texts = offerTextsSchema.parse(raw);
    expect(Object.keys(texts).sort()).toEqual(OFFERS.map((o) => o.id).sort());
    for (const offer of OFFERS) {
      const local = localiseOffer(offer, texts);
      expect(local.summary).not.toBe(offer.summary);
    }
  });

  it('Dutch comes from the offers themselves', () => {
    const offer = OFFERS[0]!;
    expect(localiseOffer(offer, undefined)).toEqual({ name: offer.name, summary: offer.summary });
  });
});
