import type { SignalStatus } from '../signals/lifecycle';
import type { AttemptKind } from '../signals/outreach-values';
import type { CreditorType } from './vroegsignaal';

/**
 * The worker's day list: her assigned open vroegsignalen, in walking order (street, then house
 * number, then suffix). An item holds only what the visit needs; the rest of the record stays
 * encrypted on the device.
 */
export interface DayListItem {
  id: string;
  status: SignalStatus;
  wijk: string | null;
  street: string;
  houseNumber: number | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  creditorType: CreditorType | null;
  monthsInArrears: number | null;
  /** A door-to-door campaign's address: the campaign's name (no creditor, no arrears). */
  campaignName: string | null;
  lastAttempt: { attempt: AttemptKind; at: string } | null;
  /** Whether anyone stood at the door (niet thuis or gesproken). */
  visited: boolean;
}

export interface DayListFilter {
  wijk?: string;
  creditorType?: CreditorType;
  /** Only addresses nobody visited at the door yet. */
  notVisited?: boolean;
}

const streetOrder = new Intl.Collator('nl', { sensitivity: 'base' });
/** Natural order for suffixes: 2 before 10, A before B; no suffix first (10 before 10A). */
const suffixOrder = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function compareAddress(
  a: Pick<DayListItem, 'street' | 'houseNumber' | 'houseNumberSuffix' | 'id'>,
  b: Pick<DayListItem, 'street' | 'houseNumber' | 'houseNumberSuffix' | 'id'>,
): number {
  const street = streetOrder.compare(a.street, b.street);
  if (street !== 0) return street;
  // An address without a number goes after the numbered ones of its street.
  const na = a.houseNumber ?? Number.MAX_SAFE_INTEGER;
  const nb = b.houseNumber ?? Number.MAX_SAFE_INTEGER;
  if (na !== nb) return na - nb;
  const sa = a.houseNumberSuffix ?? '';
  const sb = b.houseNumberSuffix ?? '';
  if (sa !== sb) {
    if (sa === '') return -1;
    if (sb === '') return 1;
    const suffix = suffixOrder.compare(sa, sb);
    if (suffix !== 0) return suffix;
  }
  // Two reports for one address (different creditors): a stable order.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortDayList<T extends Parameters<typeof compareAddress>[0]>(items: T[]): T[] {
  return items.sort(compareAddress);
}

export function filterDayList(items: readonly DayListItem[], filter: DayListFilter): DayListItem[] {
  return items.filter(
    (item) =>
      (!filter.wijk || item.wijk === filter.wijk) &&
      (!filter.creditorType || item.creditorType === filter.creditorType) &&
      (!filter.notVisited || !item.visited),
  );
}

/** The address line as a visit needs it: "Straat 10A". */
export function addressLine(
  item: Pick<DayListItem, 'street' | 'houseNumber' | 'houseNumberSuffix'>,
): string {
  const number = item.houseNumber === null ? '' : ` ${item.houseNumber}`;
  const suffix = item.houseNumberSuffix ?? '';
  // "10A", but "10-2" where the suffix is a number of its own.
  const joined = /^[0-9]/.test(suffix) ? `-${suffix}` : suffix;
  return `${item.street}${number}${joined}`.trim();
}

export const DOOR_ATTEMPTS: readonly AttemptKind[] = [
  'huisbezoek-niet-thuis',
  'huisbezoek-gesproken',
];
