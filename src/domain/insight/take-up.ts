import { z } from 'zod';

/**
 * What became of a regeling the check suggested: the policy's "bereik en gebruik" follow-up.
 * The worker records it on the check; the coordinator sees only counts.
 */
export const TAKE_UP_STATUSES = [
  'aangevraagd',
  'toegekend',
  'afgewezen',
  'niet-aangevraagd',
] as const;
export const takeUpStatusSchema = z.enum(TAKE_UP_STATUSES);
export type TakeUpStatus = z.infer<typeof takeUpStatusSchema>;

/** Why a resident did not apply; a fixed list so it can be counted and never holds free text. */
export const NOT_APPLIED_REASONS = [
  'wil-niet',
  'te-ingewikkeld',
  'al-bekend',
  'al-ontvangen',
  'geen-tijd',
  'anders',
] as const;
export const notAppliedReasonSchema = z.enum(NOT_APPLIED_REASONS);

export const REJECTION_REASONS = [
  'inkomen-te-hoog',
  'vermogen-te-hoog',
  'stukken-ontbreken',
  'anders',
] as const;
export const rejectionReasonSchema = z.enum(REJECTION_REASONS);

const isoDay = z.iso.date();

export const takeUpEntrySchema = z
  .object({
    status: takeUpStatusSchema,
    /** aangevraagd / toegekend / afgewezen: the day it happened. */
    date: isoDay.optional(),
    notAppliedReason: notAppliedReasonSchema.optional(),
    rejectionReason: rejectionReasonSchema.optional(),
    /**
     * The worker and the resident made the application together, at the Geldpraatje table or
     * the spreekuur (issue 16). Optional, so entries written before it existed still parse;
     * absent means "not recorded as done together".
     */
    together: z.literal(true).optional(),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type TakeUpEntry = z.infer<typeof takeUpEntrySchema>;

export const takeUpSchema = z.record(z.string().min(1).max(64), takeUpEntrySchema);
export type TakeUp = z.infer<typeof takeUpSchema>;

/** Target groups the programme wants reached "op maat" (003 L3882–3886; domain.md §3.4). */
export const DOELGROEPEN = ['jongere', 'werkende', 'oudere'] as const;
export const doelgroepSchema = z.enum(DOELGROEPEN);
export type Doelgroep = z.infer<typeof doelgroepSchema>;

/** A status counts as "aangevraagd" in the funnel once an application was made, whatever came of it. */
export function isApplied(status: TakeUpStatus): boolean {
  return status === 'aangevraagd' || status === 'toegekend' || status === 'afgewezen';
}

/**
 * Whether an entry says the application was made together at the table. It keeps counting once
 * the application was decided (toegekend, afgewezen): it was still made together.
 */
export function appliedTogether(entry: { status?: unknown; together?: unknown }): boolean {
  return (
    entry.together === true &&
    typeof entry.status === 'string' &&
    (TAKE_UP_STATUSES as readonly string[]).includes(entry.status) &&
    isApplied(entry.status as TakeUpStatus)
  );
}

/** The take-up entry "samen aangevraagd aan tafel": aangevraagd today, done together. */
export function appliedAtTableEntry(today: string): Omit<TakeUpEntry, 'recordedAt'> {
  return { status: 'aangevraagd', date: today, together: true };
}

/** Days after completing a check after which a suggestion without follow-up gets a reminder. */
export const TAKE_UP_REMINDER_DAYS = 14;

/** The suggested regelingen with nothing recorded yet, once the reminder period has passed. */
export function takeUpReminders(
  suggested: readonly string[],
  takeUp: TakeUp | undefined,
  completedAt: string | undefined,
  now: Date,
): string[] {
  if (!completedAt) return [];
  const due = Date.parse(completedAt) + TAKE_UP_REMINDER_DAYS * 86_400_000;
  if (now.getTime() < due) return [];
  return suggested.filter((id) => !takeUp?.[id]);
}
