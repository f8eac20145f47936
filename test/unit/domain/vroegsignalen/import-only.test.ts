import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsImport, forgesImport } from '../../../../src/domain/vroegsignalen/import-only';

const SOURCES = [undefined, 'vroegsignaal', 'anders'] as const;
const CONSENTS = [undefined, 'gegeven', 'zonder-toestemming', 'wettelijke-taak'] as const;

const dataArb = fc.record(
  {
    source: fc.constantFrom(...SOURCES),
    consent: fc.constantFrom(...CONSENTS),
    urgency: fc.constantFrom('normaal', 'hoog'),
  },
  { requiredKeys: [] },
);

describe('only the import makes a vroegsignaal', () => {
  it('a write may leave the claim only on a record that is a vroegsignaal already', () => {
    fc.assert(
      fc.property(
        fc.option(dataArb, { nil: null }),
        dataArb,
        fc.boolean(),
        (before, after, stored) => {
          // The stored data arrives as JSON text on the server.
          const b = stored && before ? JSON.stringify(before) : before;
          const claim = after.source === 'vroegsignaal' || after.consent === 'wettelijke-taak';
          const made = before?.source === 'vroegsignaal';
          expect(claimsImport(after)).toBe(claim);
          expect(forgesImport(b, after)).toBe(claim && !made);
        },
      ),
      { seed: 17 },
    );
  });

  it('refuses a new record claiming it, allows an ordinary one', () => {
    expect(forgesImport(null, { source: 'vroegsignaal' })).toBe(true);
    expect(forgesImport(null, { consent: 'wettelijke-taak' })).toBe(true);
    expect(forgesImport(null, { consent: 'gegeven' })).toBe(false);
    expect(forgesImport(null, undefined)).toBe(false);
  });
});
