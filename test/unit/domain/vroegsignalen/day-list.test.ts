import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DayListItem } from '../../../../src/domain/vroegsignalen/day-list';
import {
  addressLine,
  compareAddress,
  filterDayList,
  sortDayList,
} from '../../../../src/domain/vroegsignalen/day-list';

function item(
  id: string,
  street: string,
  houseNumber: number | null,
  suffix: string | null = null,
): DayListItem {
  return {
    id,
    status: 'nieuw',
    wijk: 'wielwijk',
    street,
    houseNumber,
    houseNumberSuffix: suffix,
    postcode: null,
    creditorType: 'huur',
    campaignName: null,
    monthsInArrears: 2,
    lastAttempt: null,
    visited: false,
  };
}

describe('day list order', () => {
  it('orders by street, then house number (2 before 10), then suffix (10 before 10A before 10B)', () => {
    const list = sortDayList([
      item('1', 'Wielstraat', 10, 'B'),
      item('2', 'wielstraat', 2),
      item('3', 'Wielstraat', 10, 'A'),
      item('4', 'Aardbeistraat', 100),
      item('5', 'Wielstraat', 10),
      item('6', 'Wielstraat', 10, '2'),
      item('7', 'Wielstraat', 10, '10'),
      item('8', 'Wielstraat', null),
    ]);
    expect(list.map((i) => addressLine(i))).toEqual([
      'Aardbeistraat 100',
      'wielstraat 2',
      'Wielstraat 10',
      'Wielstraat 10-2',
      'Wielstraat 10-10',
      'Wielstraat 10A',
      'Wielstraat 10B',
      'Wielstraat',
    ]);
  });

  it('property: the order is total and consistent (antisymmetric, transitive on samples)', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      street: fc.constantFrom('Wielstraat', 'Aardbeistraat', 'Crabbehoflaan'),
      houseNumber: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
      houseNumberSuffix: fc.option(fc.constantFrom('A', 'B', '2', '10', 'bis'), { nil: null }),
    });
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(Math.sign(compareAddress(a, b))).toBe(-Math.sign(compareAddress(b, a)));
        if (compareAddress(a, b) <= 0 && compareAddress(b, c) <= 0) {
          expect(compareAddress(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('filters by wijk, creditor type and not yet visited', () => {
    const a = { ...item('a', 'X', 1), wijk: 'crabbehof' };
    const b = { ...item('b', 'X', 2), creditorType: 'energie' as const };
    const c = { ...item('c', 'X', 3), visited: true };
    expect(filterDayList([a, b, c], {}).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(filterDayList([a, b, c], { wijk: 'wielwijk' }).map((i) => i.id)).toEqual(['b', 'c']);
    expect(filterDayList([a, b, c], { creditorType: 'huur' }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(filterDayList([a, b, c], { notVisited: true }).map((i) => i.id)).toEqual(['a', 'b']);
  });
});
