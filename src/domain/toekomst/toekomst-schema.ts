import { z } from 'zod';
import { BARRIERS, QUALIFICATIONS, WISHES } from './vocabulary';

/**
 * A resident's trajectory with the toekomstmakelaars, stored in a `toekomst` record's `data`
 * (flat, so the server merges per field). Two parts with different readers:
 * - the referral, written by whoever referred (a volunteer, a wijkteam worker, or the
 *   toekomstmakelaar herself): who the resident is and how to reach her, with her consent;
 * - the toekomstgesprek (intake), written by the toekomstmakelaar. Only toekomstmakelaars read
 *   it: the server leaves it out for everyone else (see visibility.ts).
 */
export const TOEKOMST_ERRORS_NL = {
  nameRequired: 'Vul een naam of een schuilnaam in.',
  nameTooLong: 'De naam is te lang (hoogstens 80 tekens).',
  contactRequired: 'Vul in hoe de toekomstmakelaar de bewoner kan bereiken.',
  contactTooLong: 'Dit is te lang. Vul één manier in.',
  consentRequired: 'Vraag eerst of de bewoner het goed vindt dat de toekomstmakelaar belt.',
  noteTooLong: 'Maak het bericht korter (hoogstens 500 tekens).',
  wishRequired: 'Kies minstens één wens.',
  hoursInvalid: 'Vul een aantal uren per week in tussen 0 en 60.',
  textTooLong: 'Dit is te lang (hoogstens 500 tekens).',
  invalid: 'Dit klopt niet. Kijk het nog eens na.',
} as const;
export type ToekomstErrorCode = keyof typeof TOEKOMST_ERRORS_NL;

const code = (c: ToekomstErrorCode) => ({ error: c });
const longText = z.string().trim().max(500, code('textTooLong'));

export const REFERRAL_SOURCES = ['check', 'signaal', 'eigen'] as const;

/** The referral: the only part a referrer ever sees back. */
export const referralSchema = z.object({
  residentName: z.string().trim().min(1, code('nameRequired')).max(80, code('nameTooLong')),
  contact: z.string().trim().min(1, code('contactRequired')).max(120, code('contactTooLong')),
  consent: z.literal(true, code('consentRequired')),
  referredFrom: z.enum(REFERRAL_SOURCES),
  /** The check or signal the referral came from, on the referrer's device. */
  referredFromId: z.string().max(64).optional(),
  referralNote: z.string().trim().max(500, code('noteTooLong')).optional(),
});
export type Referral = z.infer<typeof referralSchema>;

/** Data keys of the referral part; everything else in the record is the intake. */
export const REFERRAL_FIELDS: readonly string[] = Object.keys(referralSchema.shape);

/** The toekomstgesprek: wish, what she brings, her time and what stands in the way. */
export const intakeSchema = z.object({
  wishes: z.array(z.enum(WISHES)).min(1, code('wishRequired')),
  experience: longText.optional(),
  skills: longText.optional(),
  languages: z.string().trim().max(200, code('textTooLong')).optional(),
  qualification: z.enum(QUALIFICATIONS).default('onbekend'),
  drivingLicence: z.boolean().nullable().default(null),
  /** null: not known yet. */
  hoursPerWeek: z
    .number(code('hoursInvalid'))
    .int(code('hoursInvalid'))
    .min(0, code('hoursInvalid'))
    .max(60, code('hoursInvalid'))
    .nullable(),
  availability: longText.optional(),
  barriers: z.array(z.enum(BARRIERS)).default([]),
  intakeAt: z.iso.datetime(),
});
export type Intake = z.infer<typeof intakeSchema>;

export type ToekomstData = Referral & Partial<Intake>;

export interface FieldError {
  field: string;
  code: ToekomstErrorCode;
}

function errorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => {
    const c = i.message in TOEKOMST_ERRORS_NL ? (i.message as ToekomstErrorCode) : 'invalid';
    return { field: String(i.path[0] ?? ''), code: c };
  });
}

export function validateReferral(
  input: unknown,
): { ok: true; value: Referral } | { ok: false; errors: FieldError[] } {
  const r = referralSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: errorsOf(r.error) };
}

export function validateIntake(
  input: unknown,
): { ok: true; value: Intake } | { ok: false; errors: FieldError[] } {
  const r = intakeSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: errorsOf(r.error) };
}

/** Reads the intake part of stored data; null when there has been no toekomstgesprek yet. */
export function intakeOf(data: unknown): Intake | null {
  const r = intakeSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** Reads the referral part of stored data; null when it is not whole. */
export function referralOf(data: unknown): Referral | null {
  const r = referralSchema.safeParse(data);
  return r.success ? r.data : null;
}
