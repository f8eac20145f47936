import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  addressLine,
  normalisePostcode,
  normaliseSuffix,
  splitHouseNumber,
} from '../../../../src/domain/vroegsignalen/address';

const digits = fc.integer({ min: 1000, max: 9999 });
const letters = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  )
  .map(([a, b]) => a + b)
  .filter((l) => !['SA', 'SD', 'SS'].includes(l));
/** The ways people write one postcode: case, a space or dash between, spaces around. */
const spelling = fc.record({
  lower: fc.boolean(),
  sep: fc.constantFrom('', ' ', '  ', '-', ' - '),
  pad: fc.constantFrom('', ' ', '\t'),
});

describe('postcode normalisation', () => {
  it('gives one form for every spelling of a postcode (fast-check)', () => {
    fc.assert(
      fc.property(digits, letters, spelling, (d, l, s) => {
        const written = `${s.pad}${d}${s.sep}${s.lower ? l.toLowerCase() : l}${s.pad}`;
        expect(normalisePostcode(written)).toBe(`${d}${l}`);
      }),
    );
  });

  it('is idempotent and never invents a postcode (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (raw) => {
        const once = normalisePostcode(raw);
        if (once === null) return;
        expect(once).toMatch(/^[1-9][0-9]{3}[A-Z]{2}$/);
        expect(normalisePostcode(once)).toBe(once);
      }),
    );
  });

  it('refuses what is not a Dutch postcode', () => {
    for (const bad of ['1234', '0123AB', '1234 SS', '1234ABC', '12345A', 'AB1234', ''])
      expect(normalisePostcode(bad)).toBeNull();
  });
});

describe('house numbers and suffixes', () => {
  it('reads a number with its suffix in one cell', () => {
    expect(splitHouseNumber('12')).toEqual({ number: 12, suffix: null });
    expect(splitHouseNumber('12a')).toEqual({ number: 12, suffix: 'A' });
    expect(splitHouseNumber('12 A')).toEqual({ number: 12, suffix: 'A' });
    expect(splitHouseNumber('12-a')).toEqual({ number: 12, suffix: 'A' });
    expect(splitHouseNumber('101 bis')).toEqual({ number: 101, suffix: 'BIS' });
    expect(splitHouseNumber('0')).toBeNull();
    expect(splitHouseNumber('abc')).toBeNull();
    expect(splitHouseNumber('100000')).toBeNull();
  });

  it('gives one address key for every spelling of number and suffix (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom('A', 'B', 'BIS', '2', 'HS'),
        fc.constantFrom('', ' ', '-'),
        fc.boolean(),
        (n, suffix, sep, lower) => {
          // "12" then "2" is house number 122: a digit suffix is always written apart.
          fc.pre(sep !== '' || !/^[0-9]/.test(suffix));
          const written = `${n}${sep}${lower ? suffix.toLowerCase() : suffix}`;
          const split = splitHouseNumber(written);
          expect(split).not.toBeNull();
          const key = addressKey({
            postcode: '3317AB',
            houseNumber: split!.number,
            houseNumberSuffix: split!.suffix,
          });
          expect(key).toBe(`3317AB|${n}|${suffix}`);
        },
      ),
    );
  });

  it('normalises a separate suffix column the same way', () => {
    expect(normaliseSuffix(' a ')).toBe('A');
    expect(normaliseSuffix('2 hg')).toBe('2HG');
    expect(normaliseSuffix('')).toBeNull();
  });

  it('writes the address line as a worker reads it', () => {
    expect(
      addressLine({
        street: 'Proefstraat',
        houseNumber: 12,
        houseNumberSuffix: 'A',
        postcode: '3317AB',
        city: 'Dordrecht',
      }),
    ).toBe('Proefstraat 12A, 3317 AB Dordrecht');
  });
});
