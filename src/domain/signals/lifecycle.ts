import { z } from 'zod';
import type { CloseReason } from './outreach-values';

/**
 * The follow-up of a signal: nieuw → opgepakt → contact-gelegd → doorverwezen → afgerond, or
 * geen-contact-mogelijk. Every step is an append-only event (who, when, from, to, message), so
 * two devices never overwrite each other's history and the seeds' indicator "contact na
 * vroegsignaal" can be computed from the events alone.
 */
export const SIGNAL_STATUSES = [
  'nieuw',
  'opgepakt',
  'contact-gelegd',
  'doorverwezen',
  'afgerond',
  'geen-contact-mogelijk',
] as const;
export const signalStatusSchema = z.enum(SIGNAL_STATUSES);
export type SignalStatus = z.infer<typeof signalStatusSchema>;

/** Statuses in which someone still has to act; only these can be overdue. */
export const OPEN_STATUSES: readonly SignalStatus[] = [
  'nieuw',
  'opgepakt',
  'contact-gelegd',
  'doorverwezen',
];

const TRANSITIONS: Record<SignalStatus, readonly SignalStatus[]> = {
  nieuw: ['opgepakt'],
  // Picked up: try to reach the resident, or refer on at once when the signal is clearly for a partner.
  opgepakt: ['contact-gelegd', 'doorverwezen', 'geen-contact-mogelijk'],
  'contact-gelegd': ['doorverwezen', 'afgerond'],
  doorverwezen: ['afgerond'],
  afgerond: [],
  // A new attempt is always possible: people move, change numbers, or open the door later.
  'geen-contact-mogelijk': ['opgepakt'],
};

export function isSignalStatus(value: unknown): value is SignalStatus {
  return signalStatusSchema.safeParse(value).success;
}

export function allowedTransitions(from: SignalStatus): readonly SignalStatus[] {
  return TRANSITIONS[from];
}

/**
 * Whether a status step is legal. A signal closed for a reason outside the follow-up (the
 * creditor reports the arrears resolved; a campaign address is empty or does not exist) may be
 * closed from any status but afgerond, also when nobody picked it up yet: there is nobody left
 * to reach, and retention then applies. Every other close keeps the ordinary path through
 * contact.
 */
export function canTransition(
  from: SignalStatus,
  to: SignalStatus,
  closeReason?: CloseReason,
): boolean {
  if (to === 'afgerond' && closeReason !== undefined) return from !== 'afgerond';
  return TRANSITIONS[from].includes(to);
}

export function isOpenStatus(status: SignalStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Overdue: still open and the due date (a calendar day) has passed. */
export function isOverdue(status: SignalStatus, dueAt: string | undefined, today: string): boolean {
  return dueAt !== undefined && isOpenStatus(status) && dueAt < today;
}
