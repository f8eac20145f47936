import type { HandoverTarget } from './handover';
import type { AttemptKind, CloseReason, DoorAnswers, HelpDestination } from './outreach-values';
import type { SignalStatus } from './lifecycle';
import { canTransition, isOpenStatus } from './lifecycle';
import type { HelpOutcome, SignalEvent, SignalEventBody, SignalEventKind } from './signal-events';

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
