import { z } from 'zod';
import { roleSchema } from '../sync/roles';
import { handoverTargetSchema } from './handover';
import type { HandoverTarget } from './handover';
import { NOTE_MAX } from './signal-schema';
import {
  NO_CONTACT_AFTER_ATTEMPTS,
  attemptKindSchema,
  closeReasonSchema,
  doorAnswersSchema,
  helpDestinationSchema,
} from './outreach-values';
import type { AttemptKind, CloseReason, DoorAnswers, HelpDestination } from './outreach-values';

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

export interface HistoryStep {
  eventId: string | null;
  kind: SignalEventKind | 'created';
  at: string;
  by: string | null;
  from: SignalStatus | null;
  to: SignalStatus | null;
  body: SignalEventBody;
}

export interface SignalState {
  status: SignalStatus;
  createdAt: string;
  /** Every applied step, oldest first, starting with the creation. */
  history: HistoryStep[];
  /**
   * Status events that were not legal when they arrived, e.g. two colleagues who both picked up
   * the same signal offline. They are kept (history is never thrown away) but change nothing.
   */
  superseded: SignalEvent[];
  firstContactAt: string | null;
  /** The last team the signal was handed over to. */
  assignedTeam: string | null;
  /** The partner organisation it was referred to (doorverwezen). */
  referral: HandoverTarget | null;
  closedAt: string | null;
  /** The resident's latest answer to the help offered after contact; null until asked. */
  help: HelpOutcome | null;
  /** Where she was helped on to, with the latest help aanvaard. */
  helpTo: HelpDestination | null;
  /** Every attempt to reach the household, in time order (they never change the status). */
  attempts: AttemptStep[];
  /** Attempts since the signal was last picked up: what "geen contact na N pogingen" counts. */
  attemptsSincePickup: number;
  /** Set when the signal was closed for a reason other than the follow-up itself. */
  closeReason: CloseReason | null;
}

export interface AttemptStep {
  eventId: string;
  attempt: AttemptKind;
  /** When the attempt took place (may be earlier than when it was written down). */
  at: string;
  by: string | null;
  /** A campaign visit's questionnaire, when one was filled in. */
  answers?: DoorAnswers;
}

function byTimeThenId(a: SignalEvent, b: SignalEvent): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Folds the events, in time order, into the current state; illegal status steps are set aside. */
export function reduceSignal(
  start: { createdAt: string; createdBy?: string | null },
  events: readonly SignalEvent[],
): SignalState {
  const state: SignalState = {
    status: 'nieuw',
    createdAt: start.createdAt,
    history: [
      {
        eventId: null,
        kind: 'created',
        at: start.createdAt,
        by: start.createdBy ?? null,
        from: null,
        to: 'nieuw',
        body: {},
      },
    ],
    superseded: [],
    firstContactAt: null,
    assignedTeam: null,
    referral: null,
    closedAt: null,
    help: null,
    helpTo: null,
    attempts: [],
    attemptsSincePickup: 0,
    closeReason: null,
  };
  for (const event of [...events].sort(byTimeThenId)) {
    const step: HistoryStep = {
      eventId: event.id,
      kind: event.kind,
      at: event.createdAt < start.createdAt ? start.createdAt : event.createdAt,
      by: event.createdBy ?? null,
      from: null,
      to: null,
      body: event.body,
    };
    if (event.kind === 'status') {
      const to = event.status;
      if (!to || !canTransition(state.status, to, event.body.closeReason)) {
        state.superseded.push(event);
        continue;
      }
      step.from = state.status;
      step.to = to;
      state.status = to;
      if (to === 'contact-gelegd' && state.firstContactAt === null) {
        state.firstContactAt = event.body.contactAt ?? event.createdAt;
      }
      if (to === 'doorverwezen' && event.body.target) state.referral = event.body.target;
      if (to === 'opgepakt') state.attemptsSincePickup = 0;
      state.closedAt = isOpenStatus(to) ? null : step.at;
      state.closeReason = to === 'afgerond' ? (event.body.closeReason ?? null) : null;
    } else if (event.kind === 'help') {
      state.help = event.body.help ?? state.help;
      if (event.body.help === 'aanvaard') state.helpTo = event.body.helpTo ?? null;
    } else if (event.kind === 'attempt' && event.body.attempt) {
      state.attempts.push({
        eventId: event.id,
        attempt: event.body.attempt,
        at: event.body.attemptAt ?? event.createdAt,
        by: event.createdBy ?? null,
        ...(event.body.answers ? { answers: event.body.answers } : {}),
      });
      state.attemptsSincePickup += 1;
    } else if (event.kind === 'handover' && event.body.target?.kind === 'team') {
      state.assignedTeam = event.body.target.id;
    }
    state.history.push(step);
  }
  return state;
}

export type TransitionProblem =
  | 'illegal'
  | 'outOfOrder'
  | 'targetRequired'
  | 'messageRequired'
  | 'contactAtInvalid'
  | 'contactFirst'
  | 'helpToOnlyWhenAccepted';

export interface TransitionRequest {
  to: SignalStatus;
  at: string;
  by: string;
  message?: string;
  /** Required for doorverwezen: who the resident is referred to. */
  target?: HandoverTarget;
  /** For contact-gelegd: when the contact took place (default: `at`). */
  contactAt?: string;
  /** Only with afgerond: closed because the creditor resolved the arrears. */
  closeReason?: CloseReason;
  authorRole?: SignalEventBody['authorRole'];
  authorTeamId?: string | null;
}

function lastAt(state: SignalState): string {
  return state.history.at(-1)?.at ?? state.createdAt;
}

function authorFields(request: {
  authorRole?: SignalEventBody['authorRole'];
  authorTeamId?: string | null;
}): SignalEventBody {
  const body: SignalEventBody = {};
  if (request.authorRole) body.authorRole = request.authorRole;
  if (request.authorTeamId !== undefined) body.authorTeamId = request.authorTeamId;
  return body;
}

/**
 * The one way to change a signal's status: refuses a step the lifecycle does not allow, a step
 * dated before the last one, a referral without a target or message, and a contact moment in
 * the future or before the signal existed. On success it returns the event to append.
 */
export function transition(
  state: SignalState,
  request: TransitionRequest,
): { ok: true; event: SignalEventDraft } | { ok: false; problem: TransitionProblem } {
  if (request.closeReason !== undefined && request.to !== 'afgerond') {
    return { ok: false, problem: 'illegal' };
  }
  if (!canTransition(state.status, request.to, request.closeReason)) {
    return { ok: false, problem: 'illegal' };
  }
  if (request.at < lastAt(state)) return { ok: false, problem: 'outOfOrder' };
  const message = request.message?.trim();
  if (request.to === 'doorverwezen') {
    if (!request.target) return { ok: false, problem: 'targetRequired' };
    if (!message) return { ok: false, problem: 'messageRequired' };
  }
  // After N attempts the attempts themselves say why; before that the worker writes a reason.
  if (
    request.to === 'geen-contact-mogelijk' &&
    !message &&
    state.attemptsSincePickup < NO_CONTACT_AFTER_ATTEMPTS
  ) {
    return { ok: false, problem: 'messageRequired' };
  }
  const body: SignalEventBody = { from: state.status, to: request.to, ...authorFields(request) };
  if (message) body.message = message;
  if (request.closeReason) body.closeReason = request.closeReason;
  if (request.to === 'doorverwezen' && request.target) body.target = request.target;
  if (request.to === 'contact-gelegd') {
    const contactAt = request.contactAt ?? request.at;
    // The form picks minutes, not seconds: contact "at 11:52" with a signal logged at 11:52:10
    // is the same minute, not before the signal existed.
    const minute = (iso: string) => iso.slice(0, 16);
    if (contactAt > request.at || minute(contactAt) < minute(state.createdAt)) {
      return { ok: false, problem: 'contactAtInvalid' };
    }
    body.contactAt = contactAt;
  }
  return {
    ok: true,
    event: {
      kind: 'status',
      status: request.to,
      createdAt: request.at,
      createdBy: request.by,
      body,
    },
  };
}

/** A warm handover to a team: the signal moves to the team's list with a message; the status stays. */
export function handover(
  state: SignalState,
  request: {
    target: HandoverTarget;
    at: string;
    by: string;
    message?: string;
    requireMessage: boolean;
    authorRole?: SignalEventBody['authorRole'];
    authorTeamId?: string | null;
  },
): { ok: true; event: SignalEventDraft } | { ok: false; problem: TransitionProblem } {
  if (!isOpenStatus(state.status)) return { ok: false, problem: 'illegal' };
  if (request.at < lastAt(state)) return { ok: false, problem: 'outOfOrder' };
  const message = request.message?.trim();
  if (request.requireMessage && !message) return { ok: false, problem: 'messageRequired' };
  const body: SignalEventBody = { target: request.target, ...authorFields(request) };
  if (message) body.message = message;
  return {
    ok: true,
    event: { kind: 'handover', createdAt: request.at, createdBy: request.by, body },
  };
}

/** The resident accepted or refused the help offered; only after contact was made. */
export function recordHelp(
  state: SignalState,
  request: {
    help: HelpOutcome;
    /** Where she is helped on to; only with aanvaard. */
    helpTo?: HelpDestination;
    at: string;
    by: string;
    authorRole?: SignalEventBody['authorRole'];
    authorTeamId?: string | null;
  },
): { ok: true; event: SignalEventDraft } | { ok: false; problem: TransitionProblem } {
  if (state.firstContactAt === null) return { ok: false, problem: 'contactFirst' };
  if (request.helpTo !== undefined && request.help !== 'aanvaard') {
    return { ok: false, problem: 'helpToOnlyWhenAccepted' };
  }
  if (request.at < lastAt(state)) return { ok: false, problem: 'outOfOrder' };
  const body: SignalEventBody = { help: request.help, ...authorFields(request) };
  if (request.helpTo) body.helpTo = request.helpTo;
  return {
    ok: true,
    event: { kind: 'help', createdAt: request.at, createdBy: request.by, body },
  };
}

/** A note: free text for the colleagues who work on the signal. */
export function note(
  state: SignalState,
  request: {
    message: string;
    at: string;
    by: string;
    authorRole?: SignalEventBody['authorRole'];
    authorTeamId?: string | null;
  },
): { ok: true; event: SignalEventDraft } | { ok: false; problem: TransitionProblem } {
  const message = request.message.trim();
  if (!message) return { ok: false, problem: 'messageRequired' };
  if (request.at < lastAt(state)) return { ok: false, problem: 'outOfOrder' };
  return {
    ok: true,
    event: {
      kind: 'note',
      createdAt: request.at,
      createdBy: request.by,
      body: { message, ...authorFields(request) },
    },
  };
}

/** Overdue: still open and the due date (a calendar day) has passed. */
export function isOverdue(status: SignalStatus, dueAt: string | undefined, today: string): boolean {
  return dueAt !== undefined && isOpenStatus(status) && dueAt < today;
}

/** The moment a step is dated at: now, but never before the last step (a device clock may lag). */
export function nextStepTime(state: SignalState, now: string): string {
  const last = lastAt(state);
  return now < last ? last : now;
}
