/**
 * Dutch addresses as creditors deliver them, normalised so the same household is recognised
 * whatever the spelling: "3317 ab", "3317AB" and "3317-AB" are one postcode; "12 a", "12A" and
 * "12-a" one house number with one suffix. The address key (postcode, number, suffix) is how an
 * import finds the open signal a new report belongs to.
 */

/** A Dutch postcode: four digits (no leading zero) and two letters; SA, SD and SS are never issued. */
const POSTCODE = /^([1-9][0-9]{3})\s*-?\s*([A-Za-z]{2})$/;
const NOT_ISSUED = new Set(['SA', 'SD', 'SS']);

/** `1234AB`, or null when it is not a Dutch postcode. */
export function normalisePostcode(raw: string): string | null {
  const match = POSTCODE.exec(raw.trim());
  if (!match?.[1] || !match[2]) return null;
  const letters = match[2].toUpperCase();
  if (NOT_ISSUED.has(letters)) return null;
  return `${match[1]}${letters}`;
}

/** The BAG allows house numbers 1–99999. */
export const MAX_HOUSE_NUMBER = 99999;

/**
 * A house number with an optional suffix written in the same cell ("12", "12a", "12-2", "12 bis");
 * null when it does not start with a number in range.
 */
export function splitHouseNumber(raw: string): { number: number; suffix: string | null } | null {
  // A letter may follow the number at once ("12a"); a suffix starting with a digit needs a
  // space, dash or slash ("12-2"), or it would be part of the number.
  const match =
    /^\s*([0-9]{1,5})(?:\s*([A-Za-z][A-Za-z0-9 ]{0,7})|\s*[-/ ]\s*([A-Za-z0-9][A-Za-z0-9 ]{0,7}))?\s*$/.exec(
      raw,
    );
  if (!match?.[1]) return null;
  const number = Number(match[1]);
  if (!Number.isInteger(number) || number < 1 || number > MAX_HOUSE_NUMBER) return null;
  const suffix = normaliseSuffix(match[2] ?? match[3] ?? '');
  return { number, suffix };
}

/**
 * A suffix (huisletter and/or toevoeging) in one form: upper case, without spaces or dashes;
 * null when empty. "a", " A", "-a" are all "A"; "2 hg" is "2HG".
 */
export function normaliseSuffix(raw: string): string | null {
  const cleaned = raw.replace(/[\s\-/]+/g, '').toUpperCase();
  return cleaned === '' ? null : cleaned;
}

export interface AddressParts {
  postcode: string;
  houseNumber: number;
  houseNumberSuffix?: string | null | undefined;
}

/** The dedupe key of a normalised address: `1234AB|12|A` (empty suffix: `1234AB|12|`). */
export function addressKey(a: AddressParts): string {
  return `${a.postcode}|${a.houseNumber}|${a.houseNumberSuffix ?? ''}`;
}

/** "Straat 12A, 1234 AB Plaats": how a worker reads an address. */
export function addressLine(a: AddressParts & { street: string; city: string }): string {
  const pc = `${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}`;
  return `${a.street} ${a.houseNumber}${a.houseNumberSuffix ?? ''}, ${pc} ${a.city}`;
}
