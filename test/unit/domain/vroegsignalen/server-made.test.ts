import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_ONLY_MESSAGE,
  IMPORT_ONLY_MESSAGE,
  claimsCampaign,
  claimsImport,
  serverMadeRefusal,
} from '../../../../src/domain/vroegsignalen/server-made';

const SOURCES = [undefined, 'vroegsignaal', 'campagne', 'anders'] as const;
const CONSENTS = [
  undefined,
  'gegeven',
  'zonder-toestemming',
  'wettelijke-taak',
  'nog-niet-gevraagd',
] as const;

const dataArb = fc.record(
  {
    source: fc.constantFrom(...SOURCES),
    consent: fc.constantFrom(...CONSENTS),
    campaignId: fc.constantFrom(undefined, null, 'camp-1'),
    urgency: fc.constantFrom('normaal', 'hoog'),
  },
  { requiredKeys: [] },
);

describe('only the server makes vroegsignalen and campaign addresses', () => {
  it("a device's write must leave each kind's marks as it found them", () => {
    fc.assert(
      fc.property(
        fc.option(dataArb, { nil: null }),
        dataArb,
        fc.boolean(),
        (before, after, stored) => {
          // The stored data arrives as JSON text on the server.
          const b = stored && before ? JSON.stringify(before) : before;
          const claim = after.source === 'vroegsignaal' || after.consent === 'wettelijke-taak';
          const made = before?.source === 'vroegsignaal' || before?.consent === 'wettelijke-taak';
          const campaign =
            after.source === 'campagne' ||
            after.consent === 'nog-niet-gevraagd' ||
            (after.campaignId ?? null) !== null;
          const wasCampaign =
            before?.source === 'campagne' ||
            before?.consent === 'nog-niet-gevraagd' ||
            (before?.campaignId ?? null) !== null;
          expect(claimsImport(after)).toBe(claim);
          expect(claimsCampaign(after)).toBe(campaign);
          const expected =
            claim !== made
              ? IMPORT_ONLY_MESSAGE
              : campaign !== wasCampaign
                ? CAMPAIGN_ONLY_MESSAGE
                : null;
          expect(serverMadeRefusal(b, after)).toBe(expected);
        },
      ),
      { seed: 17 },
    );
  });

  it('refuses a new record claiming it, allows an ordinary one', () => {
    expect(serverMadeRefusal(null, { source: 'vroegsignaal' })).toBe(IMPORT_ONLY_MESSAGE);
    expect(serverMadeRefusal(null, { consent: 'wettelijke-taak' })).toBe(IMPORT_ONLY_MESSAGE);
    expect(serverMadeRefusal(null, { consent: 'gegeven' })).toBeNull();
    expect(serverMadeRefusal(null, undefined)).toBeNull();
  });

  it('refuses taking the marks off, and lets the form send them back unchanged', () => {
    const made = { source: 'vroegsignaal', consent: 'wettelijke-taak', urgency: 'normaal' };
    expect(
      serverMadeRefusal(JSON.stringify(made), { ...made, source: null, consent: 'gegeven' }),
    ).toBe(IMPORT_ONLY_MESSAGE);
    expect(serverMadeRefusal(JSON.stringify(made), { ...made, urgency: 'hoog' })).toBeNull();
    const address = { source: 'campagne', campaignId: 'camp-1', consent: 'nog-niet-gevraagd' };
    expect(serverMadeRefusal(address, { consent: 'gegeven' })).toBe(CAMPAIGN_ONLY_MESSAGE);
  });
});
