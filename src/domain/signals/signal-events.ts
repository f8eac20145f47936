import { z } from 'zod';
import { roleSchema } from '../sync/roles';
import { handoverTargetSchema } from './handover';
import { NOTE_MAX } from './signal-schema';
import {
  attemptKindSchema,
  closeReasonSchema,
  doorAnswersSchema,
  helpDestinationSchema,
} from './outreach-values';
import type { SignalStatus } from './lifecycle';
import { isSignalStatus, signalStatusSchema } from './lifecycle';

/** The event kinds on a signal; `status` is the one the server also applies to the record's status. */
export const SIGNAL_EVENT_KINDS = ['status', 'handover', 'note', 'help', 'attempt'] as const;

/**
 * After contact: did the resident accept the help offered? The seeds' indicator "hulp aanvaard
 * na vroegsignaal" (003 L3882–3886) is counted from these events.
 */
export const HELP_OUTCOMES = ['aanvaard', 'geweigerd'] as const;
export const helpOutcomeSchema = z.enum(HELP_OUTCOMES);
export type HelpOutcome = z.infer<typeof helpOutcomeSchema>;
export type SignalEventKind = (typeof SIGNAL_EVENT_KINDS)[number];

/** What a signal event carries besides who and when. The message is the only free text. */
export const signalEventBodySchema = z.object({
  from: signalStatusSchema.optional(),
  to: signalStatusSchema.optional(),
  message: z.string().max(NOTE_MAX).optional(),
  /** Handover (team) or doorverwijzing (organisation). */
  target: handoverTargetSchema.optional(),
  /** contact-gelegd: when the contact took place (may be earlier than when it was written down). */
  contactAt: z.iso.datetime().optional(),
  /** Shown as "who" and used to decide who may read the message (see note-visibility.ts). */
  authorRole: roleSchema.optional(),
  authorTeamId: z.string().nullable().optional(),
  /** Set by the server when this reader may not see the message (see note-visibility.ts). */
  redacted: z.boolean().optional(),
  /** `help` events: the resident's answer to the help offered. */
  help: helpOutcomeSchema.optional(),
  /** `help` events with help aanvaard: where the resident was helped on to. */
  helpTo: helpDestinationSchema.optional(),
  /** `attempt` events: how the worker tried to reach the household, and when. */
  attempt: attemptKindSchema.optional(),
  attemptAt: z.iso.datetime().optional(),
  /** `attempt` events of a door-to-door campaign visit: the short questionnaire's answers. */
  answers: doorAnswersSchema.optional(),
  /** Status afgerond: why, when it was not the follow-up itself (the creditor resolved it). */
  closeReason: closeReasonSchema.optional(),
});
export type SignalEventBody = z.infer<typeof signalEventBodySchema>;

/** An event as stored on the device or pulled from the server. */
export interface SignalEvent {
  id: string;
  kind: SignalEventKind;
  status?: SignalStatus;
  createdAt: string;
  createdBy?: string;
  body: SignalEventBody;
}

/** An event about to be written (the repository gives it an id). */
export interface SignalEventDraft {
  kind: SignalEventKind;
  status?: SignalStatus;
  createdAt: string;
  createdBy: string;
  body: SignalEventBody;
}

/** Reads a raw event (local table or sync); null for kinds or shapes this version does not know. */
export function toSignalEvent(raw: {
  id: string;
  kind: string;
  status?: string | null;
  body?: unknown;
  createdAt: string;
  createdBy?: string | null;
}): SignalEvent | null {
  const kind = SIGNAL_EVENT_KINDS.find((k) => k === raw.kind);
  if (!kind) return null;
  const body = signalEventBodySchema.safeParse(raw.body ?? {});
  if (!body.success) return null;
  const event: SignalEvent = { id: raw.id, kind, createdAt: raw.createdAt, body: body.data };
  if (isSignalStatus(raw.status)) event.status = raw.status;
  if (raw.createdBy) event.createdBy = raw.createdBy;
  if (kind === 'status' && !event.status) return null;
  if (kind === 'help' && !event.body.help) return null;
  if (kind === 'attempt' && (!event.body.attempt || !event.body.attemptAt)) return null;
  return event;
}
