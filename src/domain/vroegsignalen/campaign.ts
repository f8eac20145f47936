import { z } from 'zod';
import type { SignalData } from '../signals/signal-schema';
import { signalDataSchema } from '../signals/signal-schema';
import {
  addressKey,
  addressLine,
  normalisePostcode,
  normaliseSuffix,
  splitHouseNumber,
} from './address';
import { parseImportFile } from './import-file';
import { columnOf } from './import-row';
import type { SignalCategoryId } from '../signals/categories';
import type { DoorDomain } from '../signals/outreach-values';

/**
 * Door-to-door campaigns (Sociaal Renoveren and similar, 003 L3845–3856): a coordinator lists
 * the addresses of a block; a wijkteam worker rings at each and asks a short questionnaire over
 * several life domains.
 *
 * Why each address is an ordinary signal record (`source: 'campagne'`, with `campaignId`) and no
 * new entity type: a visit at a campaign address is the same work as a visit after a
 * vroegsignaal (the same attempt events, outcomes, day list and visit screen), and a signal
 * record already has everything the brief asks of it — encrypted on the device, synced per
 * field, scoped to the wijk's team, with an append-only lifecycle and retention. A new entity
 * type would have to repeat all of that. What differs is kept small: the record holds the
 * address only (consent `nog-niet-gevraagd`, no name), the questionnaire's answers ride on the
 * `huisbezoek-gesproken` attempt, and the signal figures skip campaign addresses (rollup.ts).
 */

export const CAMPAIGN_NAME_MAX = 80;
/** Addresses per campaign: a renovation block or a few streets, not a whole city. */
export const CAMPAIGN_MAX_ADDRESSES = 2000;
/** The address list as typed or read from a file (2,000 lines of about 60 characters, with room). */
export const CAMPAIGN_TEXT_MAX = 400_000;

export const CAMPAIGN_ERRORS_NL = {
  nameRequired: 'Geef de campagne een naam.',
  nameTooLong: `De naam is te lang (hoogstens ${CAMPAIGN_NAME_MAX} tekens).`,
  wijkRequired: 'Kies de wijk.',
  wijkUnknown: 'Deze wijk kennen we niet. Kies een wijk uit de lijst.',
  dateInvalid: 'Deze datum klopt niet.',
  endBeforeStart: 'De einddatum ligt voor de begindatum.',
  endPast: 'De campagne is al voorbij. Kies een einddatum vandaag of later.',
  addressesRequired: 'Zet minstens één adres in de lijst.',
  tooManyAddresses: `Dit zijn te veel adressen (hoogstens ${CAMPAIGN_MAX_ADDRESSES}). Maak twee campagnes.`,
  tooLong: 'De lijst is te lang.',
  fileUnreadable: 'Dit bestand kunnen we niet lezen. Gebruik CSV met de kolommen van de import.',
  addressUnreadable:
    'Dit adres kunnen we niet lezen. Schrijf het als: Straatnaam 12a, 3311 AB Dordrecht.',
  streetRequired: 'De straatnaam ontbreekt.',
  streetTooLong: 'De straatnaam is te lang (hoogstens 80 tekens).',
  houseNumberInvalid: 'Dit huisnummer klopt niet. Schrijf een getal, bijvoorbeeld 12 of 12a.',
  postcodeInvalid: 'Deze postcode klopt niet. Schrijf hem als 1234 AB.',
  cityRequired: 'De woonplaats ontbreekt.',
  cityTooLong: 'De woonplaats is te lang (hoogstens 80 tekens).',
  duplicate: 'Dit adres staat al eerder in de lijst.',
  otherWijk: 'Dit adres ligt in een andere wijk dan de campagne.',
} as const;
export type CampaignErrorCode = keyof typeof CAMPAIGN_ERRORS_NL;

export type CampaignField = 'name' | 'wijk' | 'startsOn' | 'endsOn' | 'addresses';

export interface CampaignProblem {
  field: CampaignField;
  code: CampaignErrorCode;
  message: string;
  /** For an address: the line of the list (the header of a file is line 1). */
  line?: number;
}

export const campaignAddressSchema = z
  .object({
    line: z.number().int().positive(),
    street: z.string().min(1).max(80),
    houseNumber: z.number().int().min(1),
    houseNumberSuffix: z.string().min(1).max(8).optional(),
    postcode: z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/),
    city: z.string().min(1).max(80),
  })
  .strict();
export type CampaignAddress = z.infer<typeof campaignAddressSchema>;

/** What the coordinator's form sends. */
export const campaignInputSchema = z
  .object({
    name: z.string(),
    wijk: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    addresses: z.string(),
  })
  .strict();
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export interface ValidCampaign {
  name: string;
  wijk: string;
  startsOn: string;
  endsOn: string;
  addresses: CampaignAddress[];
}

function problem(field: CampaignField, code: CampaignErrorCode, line?: number): CampaignProblem {
  return line === undefined
    ? { field, code, message: CAMPAIGN_ERRORS_NL[code] }
    : { field, code, message: `Regel ${line}: ${CAMPAIGN_ERRORS_NL[code]}`, line };
}

type AddressResult =
  { ok: true; address: CampaignAddress } | { ok: false; code: CampaignErrorCode };

/** The address parts, checked and normalised with the import's own rules (address.ts). */
function addressFrom(
  line: number,
  parts: { street: string; number: string; suffix?: string; postcode: string; city: string },
): AddressResult {
  const street = parts.street.trim().replace(/,$/, '').trim();
  if (street === '') return { ok: false, code: 'streetRequired' };
  if (street.length > 80) return { ok: false, code: 'streetTooLong' };
  const split = splitHouseNumber(parts.number);
  if (!split) return { ok: false, code: 'houseNumberInvalid' };
  const own = parts.suffix === undefined ? null : normaliseSuffix(parts.suffix);
  if (own !== null && split.suffix !== null && own !== split.suffix)
    return { ok: false, code: 'houseNumberInvalid' };
  const suffix = own ?? split.suffix;
  if (suffix !== null && !/^[A-Z0-9]{1,8}$/.test(suffix))
    return { ok: false, code: 'houseNumberInvalid' };
  const postcode = normalisePostcode(parts.postcode);
  if (!postcode) return { ok: false, code: 'postcodeInvalid' };
  const city = parts.city.trim();
  if (city === '') return { ok: false, code: 'cityRequired' };
  if (city.length > 80) return { ok: false, code: 'cityTooLong' };
  return {
    ok: true,
    address: {
      line,
      street,
      houseNumber: split.number,
      ...(suffix ? { houseNumberSuffix: suffix } : {}),
      postcode,
      city,
    },
  };
}

/**
 * "Straatnaam 12a, 3311 AB Dordrecht" (the comma optional): the street is everything before the
 * last house number that is followed by a postcode, so "Laan 1940-1945 12" keeps its name.
 */
const TYPED =
  /^(.+?)\s+([0-9]{1,5}(?:\s*[-/]?\s*[A-Za-z0-9]{1,8})?)\s*,?\s*([1-9][0-9]{3}\s*-?\s*[A-Za-z]{2})\s*,?\s+(.+)$/;

export function parseAddressLine(text: string, line: number): AddressResult {
  const match = TYPED.exec(text.trim());
  if (!match?.[1] || !match[2] || !match[3] || !match[4])
    return { ok: false, code: 'addressUnreadable' };
  return addressFrom(line, {
    street: match[1],
    number: match[2],
    postcode: match[3],
    city: match[4],
  });
}

/** Whether the text is a file with a header naming the import's address columns. */
function looksLikeFile(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart();
  if (first.startsWith('[') || first.startsWith('{')) return true;
  const header = first.split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(/[;,\t]/).map((h) => columnOf(h.replace(/"/g, '')));
  return columns.includes('postcode') && columns.includes('huisnummer');
}

/**
 * The address list: one address per line as typed or pasted, or a CSV/JSON file in the
 * import's format with only its address columns (straat, huisnummer, toevoeging, postcode,
 * woonplaats; the import's aliases apply). Every address is normalised as the import does it,
 * so an address a creditor also reported is recognised as the same one. Returns every valid
 * address and every refused line: a list is taken whole or not at all (see validateCampaign).
 */
export function parseCampaignAddresses(text: string): {
  addresses: CampaignAddress[];
  problems: CampaignProblem[];
} {
  const addresses: CampaignAddress[] = [];
  const problems: CampaignProblem[] = [];
  const seen = new Map<string, number>();
  const take = (result: AddressResult, line: number) => {
    if (!result.ok) {
      problems.push(problem('addresses', result.code, line));
      return;
    }
    const key = addressKey(result.address);
    if (seen.has(key)) {
      problems.push(problem('addresses', 'duplicate', line));
      return;
    }
    seen.set(key, line);
    addresses.push(result.address);
  };
  if (looksLikeFile(text)) {
    const file = parseImportFile(text);
    if (!file.ok) return { addresses, problems: [problem('addresses', 'fileUnreadable')] };
    for (const row of file.rows) {
      const cells: Record<string, string> = {};
      for (const [header, value] of Object.entries(row.cells)) {
        const column = columnOf(header);
        if (column && !cells[column]) cells[column] = value;
      }
      take(
        addressFrom(row.line, {
          street: cells.straat ?? '',
          number: cells.huisnummer ?? '',
          ...(cells.toevoeging ? { suffix: cells.toevoeging } : {}),
          postcode: cells.postcode ?? '',
          city: cells.woonplaats ?? '',
        }),
        row.line,
      );
    }
    return { addresses, problems };
  }
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    take(parseAddressLine(raw, index + 1), index + 1);
  });
  return { addresses, problems };
}

const isDate = (value: string) => z.iso.date().safeParse(value).success;

/**
 * Checks a whole campaign before anything is written: name, wijk (a known one), period (a real
 * start and end, the end not before the start nor in the past) and every address. Every
 * problem at once, so the coordinator fixes them in one go; nothing is made while one remains.
 */
export function validateCampaign(
  input: unknown,
  context: { wijken: ReadonlySet<string>; today: string },
): { ok: true; value: ValidCampaign } | { ok: false; problems: CampaignProblem[] } {
  const parsed = campaignInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: [problem('name', 'nameRequired')] };
  const { name: rawName, wijk: rawWijk, startsOn, endsOn, addresses: text } = parsed.data;
  const problems: CampaignProblem[] = [];
  const name = rawName.trim();
  if (name === '') problems.push(problem('name', 'nameRequired'));
  else if (name.length > CAMPAIGN_NAME_MAX) problems.push(problem('name', 'nameTooLong'));
  const wijk = rawWijk.trim();
  if (wijk === '') problems.push(problem('wijk', 'wijkRequired'));
  else if (!context.wijken.has(wijk)) problems.push(problem('wijk', 'wijkUnknown'));
  if (!isDate(startsOn)) problems.push(problem('startsOn', 'dateInvalid'));
  if (!isDate(endsOn)) problems.push(problem('endsOn', 'dateInvalid'));
  else if (isDate(startsOn) && endsOn < startsOn)
    problems.push(problem('endsOn', 'endBeforeStart'));
  else if (endsOn < context.today) problems.push(problem('endsOn', 'endPast'));
  let addresses: CampaignAddress[] = [];
  if (text.length > CAMPAIGN_TEXT_MAX) problems.push(problem('addresses', 'tooLong'));
  else {
    const list = parseCampaignAddresses(text);
    addresses = list.addresses;
    problems.push(...list.problems);
    if (list.addresses.length === 0 && list.problems.length === 0)
      problems.push(problem('addresses', 'addressesRequired'));
    if (list.addresses.length > CAMPAIGN_MAX_ADDRESSES)
      problems.push(problem('addresses', 'tooManyAddresses'));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, wijk, startsOn, endsOn, addresses } };
}

/**
 * The record an address on a campaign's list becomes: the address only. Category
 * `woonproblemen`: a campaign goes door to door where homes are renovated or people must move
 * (Sociaal Renoveren); the signal figures do not count it (rollup.ts). Contact is due on the
 * campaign's last day.
 */
export function campaignSignalData(
  address: CampaignAddress,
  campaign: { id: string; name: string; endsOn: string },
): SignalData {
  const line = addressLine(address);
  return signalDataSchema.parse({
    category: 'woonproblemen',
    urgency: 'normaal',
    consent: 'nog-niet-gevraagd',
    residentName: line.slice(0, 80),
    contactWay: 'adres',
    contactValue: line,
    dueAt: campaign.endsOn,
    source: 'campagne',
    campaignId: campaign.id,
    campaignName: campaign.name,
    street: address.street,
    houseNumber: address.houseNumber,
    ...(address.houseNumberSuffix ? { houseNumberSuffix: address.houseNumberSuffix } : {}),
    postcode: address.postcode,
    city: address.city,
  });
}

/**
 * Where a domain's question comes from: the check's question it takes (short variant where it
 * has one), or null where the check has no question that fits a door (wonen: the check asks
 * where one lives, not whether that worries; opvoeding: the check asks about childcare only).
 */
export const DOOR_DOMAIN_CHECK_QUESTION: Record<DoorDomain, string | null> = {
  geld: 'rondkomen',
  wonen: null,
  werk: 'werk-wens',
  gezondheid: 'gezondheid',
  sociaal: 'steun',
  opvoeding: null,
};

/** The signal category a worry in a domain starts (the visit's "start a signal" pre-fills it). */
export const DOOR_DOMAIN_CATEGORY: Record<DoorDomain, SignalCategoryId> = {
  geld: 'geldzorgen-schulden',
  wonen: 'woonproblemen',
  werk: 'werk-inkomen',
  gezondheid: 'gezondheid-leefstijl',
  sociaal: 'eenzaamheid',
  opvoeding: 'opvoeden-opgroeien',
};
