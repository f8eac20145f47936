import { z } from 'zod';
import { normalisePostcode, normaliseSuffix, splitHouseNumber } from './address';
import type { CreditorType } from './vroegsignaal';
import { CREDITOR_TYPES } from './vroegsignaal';
import type { RawRow } from './import-file';

/**
 * One row of an import file: an arrears report a creditor delivered (see
 * docs/vroegsignalen-import.md for the column spec and its source). Each column has one
 * canonical name and the aliases the exchanges and spreadsheets use; every problem is said in
 * B1 Dutch, naming the column, so a beheerder can fix the file and import it again.
 */

export const IMPORT_COLUMNS = {
  referentie: ['kenmerk', 'signaalid', 'signaalnummer', 'externereferentie', 'referentienummer'],
  soort: ['soortschuldeiser', 'soortvastelast', 'vastelast', 'typeschuldeiser', 'schuldeisersoort'],
  bedrag: ['achterstand', 'achterstandbedrag', 'hoogteachterstand', 'bedragachterstand'],
  maanden: ['achterstandmaanden', 'aantalmaanden', 'maandenachterstand'],
  datum: ['datumsignaal', 'signaaldatum', 'meldingsdatum', 'peildatum'],
  naam: ['naamhuishouden', 'huishouden', 'naamschuldenaar', 'tenaamstelling'],
  straat: ['straatnaam', 'openbareruimte'],
  huisnummer: ['nummer', 'huisnr'],
  toevoeging: ['huisnummertoevoeging', 'huisletter', 'huisnummerletter'],
  postcode: [],
  woonplaats: ['plaats', 'plaatsnaam'],
  telefoon: ['telefoonnummer', 'tel', 'mobiel'],
  email: ['emailadres', 'mail'],
} as const satisfies Record<string, readonly string[]>;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'referentie',
  'soort',
  'bedrag',
  'maanden',
  'datum',
  'straat',
  'huisnummer',
  'postcode',
  'woonplaats',
];

function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}

const BY_NAME: ReadonlyMap<string, ImportColumn> = new Map(
  (Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]).flatMap(
    ([canonical, aliases]) => [canonical, ...aliases].map((a) => [squash(a), canonical] as const),
  ),
);

/** The canonical column a header names, or null for a column we do not read. */
export function columnOf(header: string): ImportColumn | null {
  return BY_NAME.get(squash(header)) ?? null;
}

/** What the creditors and exchanges call the four fixed costs. */
const CREDITOR_ALIASES: Record<string, CreditorType> = {
  huur: 'huur',
  woninghuur: 'huur',
  verhuurder: 'huur',
  woningcorporatie: 'huur',
  energie: 'energie',
  energieleverancier: 'energie',
  gas: 'energie',
  elektriciteit: 'energie',
  stroom: 'energie',
  warmte: 'energie',
  stadsverwarming: 'energie',
  water: 'water',
  drinkwater: 'water',
  drinkwaterbedrijf: 'water',
  zorgverzekering: 'zorgverzekering',
  zorgverzekeraar: 'zorgverzekering',
  zorgpremie: 'zorgverzekering',
};

export const ROW_ERRORS_NL = {
  required: 'Dit veld is leeg. Het moet ingevuld zijn.',
  refTooLong: 'De referentie is te lang (hoogstens 64 tekens).',
  creditorUnknown: `Deze soort schuldeiser kennen we niet. Gebruik: ${CREDITOR_TYPES.join(', ')}.`,
  amountInvalid: 'Dit bedrag klopt niet. Schrijf het in euro, bijvoorbeeld 412,50.',
  amountNegative: 'Het bedrag kan niet kleiner zijn dan 0.',
  amountTooHigh: 'Dit bedrag is te hoog om te kloppen (meer dan 1 miljoen euro).',
  monthsInvalid: 'Het aantal maanden moet een heel getal zijn, 1 of meer.',
  monthsTooHigh: 'Het aantal maanden is te hoog (hoogstens 120).',
  dateInvalid: 'Deze datum klopt niet. Schrijf hem als 2026-11-30 of 30-11-2026.',
  dateFuture: 'Deze datum ligt in de toekomst.',
  nameTooLong: 'De naam is te lang (hoogstens 80 tekens).',
  streetTooLong: 'De straatnaam is te lang (hoogstens 80 tekens).',
  houseNumberInvalid: 'Dit huisnummer klopt niet. Schrijf een getal, bijvoorbeeld 12 of 12a.',
  suffixTwice: 'De toevoeging staat twee keer: in het huisnummer én in de toevoeging.',
  suffixInvalid: 'Deze toevoeging klopt niet (letters en cijfers, hoogstens 8).',
  postcodeInvalid: 'Deze postcode klopt niet. Schrijf hem als 1234 AB.',
  cityTooLong: 'De woonplaats is te lang (hoogstens 80 tekens).',
  duplicateRef: 'Deze referentie staat al eerder in het bestand.',
  unreadable: 'Deze waarde kunnen we niet lezen.',
} as const;
export type RowErrorCode = keyof typeof ROW_ERRORS_NL;

export interface RowProblem {
  line: number;
  /** The canonical column. */
  field: ImportColumn;
  code: RowErrorCode;
  message: string;
}

/** A row that passed every check: normalised, ready to become (or update) a signal. */
export const importRowSchema = z
  .object({
    line: z.number().int().positive(),
    externalRef: z.string().min(1).max(64),
    creditorType: z.enum(CREDITOR_TYPES),
    arrearsCents: z.number().int().nonnegative(),
    monthsInArrears: z.number().int().min(1),
    reportedOn: z.iso.date(),
    householdName: z.string().min(1).max(80).optional(),
    street: z.string().min(1).max(80),
    houseNumber: z.number().int().min(1),
    houseNumberSuffix: z.string().min(1).max(8).optional(),
    postcode: z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/),
    city: z.string().min(1).max(80),
  })
  .strict();
export type ImportRow = z.infer<typeof importRowSchema>;

const MAX_CENTS = 100_000_000;

/**
 * Euros as written in Dutch or English notation, to cents: "412,50", "1.234,56", "1234.56",
 * "€ 80". A dot followed by exactly three digits is a thousands separator ("1.234" = 1234 euro),
 * never a decimal point.
 */
export function parseEuroCents(raw: string): number | null {
  let s = raw.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  if (!/^-?[0-9.,]+$/.test(s)) return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let whole = s;
  let fraction = '';
  const decimalAt = (() => {
    if (lastComma >= 0 && lastDot >= 0) return Math.max(lastComma, lastDot);
    if (lastComma >= 0) return s.indexOf(',') === lastComma ? lastComma : -1;
    if (lastDot >= 0) {
      const digitsAfter = s.length - lastDot - 1;
      return s.indexOf('.') === lastDot && digitsAfter !== 3 ? lastDot : -1;
    }
    return -1;
  })();
  if (decimalAt >= 0) {
    whole = s.slice(0, decimalAt);
    fraction = s.slice(decimalAt + 1);
  }
  const separator = decimalAt >= 0 ? s[decimalAt] : null;
  const thousands = separator === ',' ? '.' : ',';
  // Thousands separators only between groups of three digits.
  const groups = whole.split(separator === null ? /[.,]/ : thousands);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return null;
  const wholeDigits = groups.join('');
  if (!/^[0-9]+$/.test(wholeDigits) || !/^[0-9]{0,2}$/.test(fraction)) return null;
  const cents = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** `YYYY-MM-DD` from `YYYY-MM-DD` or `DD-MM-YYYY` (also with `/` or `.`); null when no real date. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (iso) [, y, m, d] = iso;
  else if (dutch) [, d, m, y] = dutch;
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
    ? date
    : null;
}

/** The row's cells by canonical column (the first non-empty one when a file repeats a column). */
function canonicalCells(raw: RawRow): Partial<Record<ImportColumn, string>> {
  const cells: Partial<Record<ImportColumn, string>> = {};
  for (const [header, value] of Object.entries(raw.cells)) {
    const column = columnOf(header);
    if (!column) continue;
    const trimmed = value.trim();
    if (cells[column] === undefined || cells[column] === '') cells[column] = trimmed;
  }
  return cells;
}

/**
 * Checks one row; returns the normalised row or every problem in it (one per column). `today`
 * (`YYYY-MM-DD`) bounds the report date. Telephone and e-mail are read but not kept (see the
 * column spec: outreach starts at the address).
 */
export function validateImportRow(
  raw: RawRow,
  today: string,
): { ok: true; row: ImportRow } | { ok: false; problems: RowProblem[] } {
  const cells = canonicalCells(raw);
  const problems: RowProblem[] = [];
  const problem = (field: ImportColumn, code: RowErrorCode) =>
    problems.push({ line: raw.line, field, code, message: ROW_ERRORS_NL[code] });
  const text = (field: ImportColumn): string | null => {
    const value = cells[field] ?? '';
    if (value.includes('\u0000')) {
      problem(field, 'unreadable');
      return null;
    }
    return value;
  };
  const required = (field: ImportColumn): string | null => {
    const value = text(field);
    if (value === null) return null;
    if (value === '') {
      problem(field, 'required');
      return null;
    }
    return value;
  };

  const ref = required('referentie');
  if (ref !== null && ref.length > 64) problem('referentie', 'refTooLong');

  const soort = required('soort');
  const creditorType = soort === null ? null : (CREDITOR_ALIASES[squash(soort)] ?? null);
  if (soort !== null && creditorType === null) problem('soort', 'creditorUnknown');

  const bedrag = required('bedrag');
  const cents = bedrag === null ? null : parseEuroCents(bedrag);
  if (bedrag !== null) {
    if (cents === null) problem('bedrag', 'amountInvalid');
    else if (cents < 0) problem('bedrag', 'amountNegative');
    else if (cents > MAX_CENTS) problem('bedrag', 'amountTooHigh');
  }

  const maanden = required('maanden');
  const months = maanden !== null && /^[0-9]{1,4}$/.test(maanden) ? Number(maanden) : null;
  if (maanden !== null) {
    if (months === null || months < 1) problem('maanden', 'monthsInvalid');
    else if (months > 120) problem('maanden', 'monthsTooHigh');
  }

  const datum = required('datum');
  const reportedOn = datum === null ? null : parseDate(datum);
  if (datum !== null) {
    if (reportedOn === null) problem('datum', 'dateInvalid');
    else if (reportedOn > today) problem('datum', 'dateFuture');
  }

  const naam = text('naam');
  if (naam !== null && naam.length > 80) problem('naam', 'nameTooLong');

  const straat = required('straat');
  if (straat !== null && straat.length > 80) problem('straat', 'streetTooLong');

  const huisnummer = required('huisnummer');
  const split = huisnummer === null ? null : splitHouseNumber(huisnummer);
  if (huisnummer !== null && split === null) problem('huisnummer', 'houseNumberInvalid');
  const toevoeging = text('toevoeging');
  let suffix = split?.suffix ?? null;
  if (toevoeging !== null && toevoeging !== '') {
    const own = normaliseSuffix(toevoeging);
    if (own !== null && !/^[A-Z0-9]{1,8}$/.test(own)) problem('toevoeging', 'suffixInvalid');
    else if (own !== null && suffix !== null && own !== suffix)
      problem('toevoeging', 'suffixTwice');
    else suffix = own;
  }
  if (suffix !== null && suffix.length > 8) problem('huisnummer', 'houseNumberInvalid');

  const pc = required('postcode');
  const postcode = pc === null ? null : normalisePostcode(pc);
  if (pc !== null && postcode === null) problem('postcode', 'postcodeInvalid');

  const woonplaats = required('woonplaats');
  if (woonplaats !== null && woonplaats.length > 80) problem('woonplaats', 'cityTooLong');

  if (problems.length > 0) return { ok: false, problems };
  const row: ImportRow = importRowSchema.parse({
    line: raw.line,
    externalRef: ref,
    creditorType,
    arrearsCents: cents,
    monthsInArrears: months,
    reportedOn,
    ...(naam ? { householdName: naam } : {}),
    street: straat,
    houseNumber: split?.number,
    ...(suffix ? { houseNumberSuffix: suffix } : {}),
    postcode,
    city: woonplaats,
  });
  return { ok: true, row };
}
