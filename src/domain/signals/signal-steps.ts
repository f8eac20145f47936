import type { HandoverTarget } from './handover';
import type { CloseReason, HelpDestination } from './outreach-values';
import type { SignalStatus } from './lifecycle';
import { canTransition, isOpenStatus } from './lifecycle';
import { NO_CONTACT_AFTER_ATTEMPTS } from './outreach-values';
import type { HelpOutcome, SignalEventBody, SignalEventDraft } from './signal-events';
import type { SignalState } from './signal-state';

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

/** The moment a step is dated at: now, but never before the last step (a device clock may lag). */
export function nextStepTime(state: SignalState, now: string): string {
  const last = lastAt(state);
  return now < last ? last : now;
}
