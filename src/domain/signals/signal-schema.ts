import { z } from 'zod';
import { SIGNAL_CATEGORY_IDS, isSafetyCategory } from './categories';
import type { HandoverDirectory } from './handover';
import { handoverTargetSchema, resolveHandover } from './handover';
import { creditorTypeSchema } from '../vroegsignalen/vroegsignaal';

/**
 * A signal as the worker logs it: what it is about, where, how urgent, the resident's consent and
 * the least personal data that allows follow-up (a name or pseudonym and one way to reach them).
 * Messages are B1 Dutch; the app shows the translation of the `code` when there is one.
 */

export const URGENCIES = ['normaal', 'hoog', 'spoed'] as const;
export const urgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof urgencySchema>;

/** One way to reach the resident; `via-vindplaats`: through the place where the signal came up. */
export const CONTACT_WAYS = ['telefoon', 'e-mail', 'adres', 'via-vindplaats'] as const;
export const contactWaySchema = z.enum(CONTACT_WAYS);
export type ContactWay = z.infer<typeof contactWaySchema>;

/** What a worker can choose in the form: the resident's consent, or acting without it (safety only). */
export const CONSENT_VALUES = ['gegeven', 'zonder'] as const;
export const consentSchema = z.enum(CONSENT_VALUES);
export type Consent = z.infer<typeof consentSchema>;

/**
 * The legal basis a stored signal can rest on: the form's two, plus `wettelijke-taak` for a
 * creditor's arrears report, which the gemeente must act on under the Wet gemeentelijke
 * schuldhulpverlening (art. 3 lid 1 onder b, art. 8b). Only an import sets it; the form never
 * offers it, and the schema allows it only on a signal whose `source` is `vroegsignaal`.
 */
export const SIGNAL_CONSENT_VALUES = [
  ...CONSENT_VALUES,
  'wettelijke-taak',
  'nog-niet-gevraagd',
] as const;
export const signalConsentSchema = z.enum(SIGNAL_CONSENT_VALUES);
export type SignalConsent = z.infer<typeof signalConsentSchema>;

export const NOTE_MAX = 500;
export const NAME_MAX = 80;
export const REASON_MAX = 500;

export const SIGNAL_ERRORS_NL = {
  categoryRequired: 'Kies waar het signaal over gaat.',
  wijkRequired: 'Kies de wijk.',
  wijkUnknown: 'Deze wijk kennen we niet. Kies een wijk uit de lijst.',
  buurtTooLong: 'De naam van de buurt is te lang.',
  urgencyRequired: 'Kies hoe snel er contact moet zijn.',
  noteTooLong: `Maak de notitie korter (hoogstens ${NOTE_MAX} tekens).`,
  consentRequired: 'Geef aan of de bewoner toestemming geeft.',
  consentReasonRequired: 'Schrijf op waarom u zonder toestemming handelt.',
  consentReasonTooLong: `Maak de reden korter (hoogstens ${REASON_MAX} tekens).`,
  consentOnlyForSafety:
    'Zonder toestemming mag alleen bij zorgen over veiligheid. Vraag de bewoner om toestemming.',
  nameRequired: 'Vul een naam of een schuilnaam in.',
  nameTooLong: `De naam is te lang (hoogstens ${NAME_MAX} tekens).`,
  contactWayRequired: 'Kies hoe we de bewoner kunnen bereiken.',
  contactRequired: 'Vul in hoe we de bewoner kunnen bereiken.',
  contactTooLong: 'Dit is te lang. Vul één manier in.',
  phoneInvalid: 'Dit telefoonnummer klopt niet. Gebruik cijfers, bijvoorbeeld 06 1234 5678.',
  emailInvalid: 'Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.nl.',
  dueDateRequired: 'Kies de datum waarop er contact moet zijn.',
  dueDateInvalid: 'Deze datum klopt niet.',
  dueDatePast: 'Deze datum is al voorbij. Kies vandaag of later.',
  handoverUnknownTeam: 'Dit team kennen we niet. Kies een team uit de lijst.',
  handoverUnknownOrganisation:
    'Deze organisatie kennen we niet, of zij neemt geen signalen aan. Kies uit de lijst.',
  handoverExternalAtStart:
    'Deze organisatie werkt niet in Dichtbij. Sla het signaal eerst op en verwijs daarna door.',
  messageRequired: 'Schrijf een kort bericht voor wie het overneemt.',
  messageTooLong: `Maak het bericht korter (hoogstens ${NOTE_MAX} tekens).`,
  contactAtFuture: 'Het moment van contact kan niet in de toekomst liggen.',
  invalid: 'Dit klopt niet. Kijk het nog eens na.',
} as const;
export type SignalErrorCode = keyof typeof SIGNAL_ERRORS_NL;

function code(c: SignalErrorCode) {
  return { error: c };
}

const dateOnly = z.iso.date(code('dueDateInvalid'));

/** The personal payload of a signal, stored in the record's `data` (flat, so the server merges per field). */
export const signalDataSchema = z
  .object({
    category: z.enum(SIGNAL_CATEGORY_IDS, code('categoryRequired')),
    buurt: z.string().trim().max(64, code('buurtTooLong')).optional(),
    urgency: urgencySchema.default('normaal'),
    note: z.string().trim().max(NOTE_MAX, code('noteTooLong')).optional(),
    consent: signalConsentSchema,
    consentReason: z.string().trim().max(REASON_MAX, code('consentReasonTooLong')).optional(),
    residentName: z.string().trim().min(1, code('nameRequired')).max(NAME_MAX, code('nameTooLong')),
    contactWay: contactWaySchema,
    contactValue: z
      .string()
      .trim()
      .min(1, code('contactRequired'))
      .max(200, code('contactTooLong')),
    dueAt: dateOnly,
    /** Raised from a check outcome: the check's id, so the two can be linked. */
    fromCheck: z.string().max(64).optional(),
    /** Raised during an outreach visit: the vroegsignaal's id, so the two can be linked. */
    fromSignal: z.string().max(64).optional(),
    // A creditor's arrears report (vroegsignalering), imported; see domain/vroegsignalen.
    /** Absent: typed by a worker; `campagne`: an address on a door-to-door campaign's list. */
    source: z.enum(['vroegsignaal', 'campagne']).optional(),
    /** A campaign address: the campaign it belongs to, and its name for the day list. */
    campaignId: z.string().min(1).max(64).optional(),
    campaignName: z.string().trim().min(1).max(80).optional(),
    creditorType: creditorTypeSchema.optional(),
    arrearsCents: z.number().int().nonnegative().optional(),
    monthsInArrears: z.number().int().min(1).optional(),
    /** The date the creditor reported the arrears. */
    reportedOn: z.iso.date().optional(),
    street: z.string().trim().min(1).max(80).optional(),
    houseNumber: z.number().int().min(1).optional(),
    houseNumberSuffix: z.string().max(8).optional(),
    /** `1234AB`, normalised. */
    postcode: z
      .string()
      .regex(/^[1-9][0-9]{3}[A-Z]{2}$/)
      .optional(),
    city: z.string().trim().min(1).max(80).optional(),
    /** The exchange's or creditor's reference of the report: importing it again changes nothing. */
    externalRef: z.string().min(1).max(64).optional(),
    /** The import batch the signal came in with. */
    importId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((d) => d.consent !== 'wettelijke-taak' || d.source === 'vroegsignaal', {
    path: ['consent'],
    // Not the form's "only for safety" message: the form never offers a legal task at all.
    error: 'invalid',
  })
  .refine((d) => d.consent !== 'nog-niet-gevraagd' || d.source === 'campagne', {
    path: ['consent'],
    error: 'invalid',
  })
  .refine((d) => (d.source === 'campagne') === (d.campaignId !== undefined), {
    path: ['campaignId'],
    error: 'invalid',
  });
export type SignalData = z.infer<typeof signalDataSchema>;

/** What the form sends: the data plus the wijk (a clear index field) and an optional first handover. */
export const newSignalInputSchema = z
  .object({
    category: z.enum(SIGNAL_CATEGORY_IDS, code('categoryRequired')),
    wijk: z.string(code('wijkRequired')).trim().min(1, code('wijkRequired')),
    buurt: z.string().trim().max(64, code('buurtTooLong')).optional(),
    urgency: z.enum(URGENCIES, code('urgencyRequired')),
    note: z.string().trim().max(NOTE_MAX, code('noteTooLong')).optional(),
    consent: z.enum(CONSENT_VALUES, code('consentRequired')),
    consentReason: z.string().trim().max(REASON_MAX, code('consentReasonTooLong')).optional(),
    residentName: z
      .string(code('nameRequired'))
      .trim()
      .min(1, code('nameRequired'))
      .max(NAME_MAX, code('nameTooLong')),
    contactWay: z.enum(CONTACT_WAYS, code('contactWayRequired')),
    contactValue: z
      .string(code('contactRequired'))
      .trim()
      .min(1, code('contactRequired'))
      .max(200, code('contactTooLong')),
    dueAt: z.string(code('dueDateRequired')).min(1, code('dueDateRequired')).pipe(dateOnly),
    handoverTo: handoverTargetSchema.nullable().optional(),
    handoverMessage: z.string().trim().max(NOTE_MAX, code('messageTooLong')).optional(),
    fromCheck: z.string().max(64).optional(),
    fromSignal: z.string().max(64).optional(),
  })
  .strict();
export type NewSignalInput = z.infer<typeof newSignalInputSchema>;

/** The form's fields, so the app can put each message next to its field. */
export type SignalField = keyof NewSignalInput;

export interface SignalFieldError {
  field: SignalField;
  code: SignalErrorCode;
  message: string;
}

export interface ValidationContext {
  /** Today on the worker's device, `YYYY-MM-DD`. */
  today: string;
  directory: HandoverDirectory;
  /** Wijk ids the worker may choose; empty: any wijk. */
  wijken: readonly string[];
}

export type ValidatedSignal = NewSignalInput & {
  /** The team that gets the signal in its list, when the worker handed it over at once. */
  assignedToTeam: string | null;
};

/** Rules that look at more than one field or at the context (today, known wijken). */
function crossFieldErrors(
  value: Partial<NewSignalInput>,
  context: ValidationContext,
): SignalFieldError[] {
  const errors: SignalFieldError[] = [];
  if (value.wijk && context.wijken.length > 0 && !context.wijken.includes(value.wijk)) {
    errors.push(fieldError('wijk', 'wijkUnknown'));
  }
  if (value.dueAt && value.dueAt < context.today) errors.push(fieldError('dueAt', 'dueDatePast'));
  if (value.consent === 'zonder' && value.category) {
    if (!isSafetyCategory(value.category)) {
      errors.push(fieldError('consent', 'consentOnlyForSafety'));
    } else if (!value.consentReason) {
      errors.push(fieldError('consentReason', 'consentReasonRequired'));
    }
  }
  return errors;
}

const PHONE = /^\+?[0-9][0-9 ()-]{8,18}[0-9]$/;

function isErrorCode(value: string): value is SignalErrorCode {
  return value in SIGNAL_ERRORS_NL;
}

function fieldError(field: SignalField, c: SignalErrorCode): SignalFieldError {
  return { field, code: c, message: SIGNAL_ERRORS_NL[c] };
}

/**
 * Checks a new signal completely before anything is written: the fields, the consent rule
 * (acting without consent is for safety only, with a written reason), the due date (today or
 * later) and the handover target (a known team or a partner that accepts referrals).
 * Returns every problem at once, one per field, so the worker fixes them in one go.
 */
export function validateNewSignal(
  input: unknown,
  context: ValidationContext,
): { ok: true; value: ValidatedSignal } | { ok: false; errors: SignalFieldError[] } {
  const parsed = newSignalInputSchema.safeParse(input);
  const errors: SignalFieldError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || errors.some((e) => e.field === field)) continue;
      const c = isErrorCode(issue.message) ? issue.message : 'invalid';
      if (field in newSignalInputSchema.shape) errors.push(fieldError(field as SignalField, c));
    }
    // The rules between fields too, where those fields are fine, so one round of fixes is enough.
    const raw: Record<string, unknown> =
      typeof input === 'object' && input !== null ? { ...input } : {};
    const shape = newSignalInputSchema.shape;
    const good: Partial<NewSignalInput> = {};
    const category = shape.category.safeParse(raw.category);
    if (category.success) good.category = category.data;
    const consent = shape.consent.safeParse(raw.consent);
    if (consent.success) good.consent = consent.data;
    const reason = shape.consentReason.safeParse(raw.consentReason);
    if (reason.success) good.consentReason = reason.data;
    const wijk = shape.wijk.safeParse(raw.wijk);
    if (wijk.success) good.wijk = wijk.data;
    const dueAt = shape.dueAt.safeParse(raw.dueAt);
    if (dueAt.success) good.dueAt = dueAt.data;
    for (const e of crossFieldErrors(good, context)) {
      if (!errors.some((x) => x.field === e.field)) errors.push(e);
    }
    return { ok: false, errors };
  }
  const value = parsed.data;
  errors.push(...crossFieldErrors(value, context));
  if (value.contactWay === 'telefoon' && !PHONE.test(value.contactValue)) {
    errors.push(fieldError('contactValue', 'phoneInvalid'));
  }
  if (value.contactWay === 'e-mail' && !z.email().safeParse(value.contactValue).success) {
    errors.push(fieldError('contactValue', 'emailInvalid'));
  }
  let assignedToTeam: string | null = null;
  if (value.handoverTo) {
    const resolved = resolveHandover(value.handoverTo, value.wijk, context.directory);
    if (!resolved.ok) errors.push(fieldError('handoverTo', resolved.problem));
    else if (resolved.value.kind === 'external') {
      errors.push(fieldError('handoverTo', 'handoverExternalAtStart'));
    } else assignedToTeam = resolved.value.teamId;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...value, assignedToTeam } };
}

/** The `data` payload for a validated signal: everything but the clear index fields and the handover. */
export function signalDataFrom(input: NewSignalInput): SignalData {
  const data: SignalData = {
    category: input.category,
    urgency: input.urgency,
    consent: input.consent,
    residentName: input.residentName,
    contactWay: input.contactWay,
    contactValue: input.contactValue,
    dueAt: input.dueAt,
  };
  if (input.buurt) data.buurt = input.buurt;
  if (input.note) data.note = input.note;
  if (input.consent === 'zonder' && input.consentReason) data.consentReason = input.consentReason;
  if (input.fromCheck) data.fromCheck = input.fromCheck;
  if (input.fromSignal) data.fromSignal = input.fromSignal;
  return data;
}

/** Reads stored signal data; null when it is not a signal this version understands. */
export function parseSignalData(data: unknown): SignalData | null {
  const parsed = signalDataSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The default time to first contact per urgency, in days (the form fills in the due date). */
export const DEFAULT_DUE_DAYS: Record<Urgency, number> = { spoed: 1, hoog: 3, normaal: 10 };

/** `YYYY-MM-DD` plus a number of days, in calendar days (no time zone drift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function defaultDueDate(today: string, urgency: Urgency): string {
  return addDays(today, DEFAULT_DUE_DAYS[urgency]);
}
