import type { HelpDestination, AttemptKind, DoorAnswers } from '../signals/outreach-values';
import type { SignalEvent, SignalEventBody, SignalEventDraft } from '../signals/signal-events';
import type { SignalState } from '../signals/signal-state';
import type { TransitionProblem } from '../signals/signal-steps';
import { reduceSignal } from '../signals/signal-state';
import { recordHelp, transition } from '../signals/signal-steps';

/**
 * Outreach after a vroegsignaal, as pure steps: an attempt to reach the household, and the
 * outcomes of a visit. One tap on the visit screen may need more than one event (a signal nobody
 * picked up yet is picked up by whoever makes the first attempt; "hulp aanvaard" at the door is
 * also the contact); these functions return every event to append, in order, or the reason
 * nothing may be written. Attempts never change the status.
 */

export type VisitOutcome =
  | { kind: 'contact-gelegd'; contactAt?: string }
  | { kind: 'hulp-aanvaard'; helpTo: HelpDestination }
  | { kind: 'hulp-geweigerd' }
  | { kind: 'geen-contact' }
  | { kind: 'opgelost-door-schuldeiser' }
  /** A campaign address nobody lives at, or that does not exist as written. */
  | { kind: 'adres-vervalt'; reason: 'leegstand' | 'adres-onbekend' };

export type VisitProblem = TransitionProblem | 'attemptAtInvalid';

export interface VisitAuthor {
  by: string;
  authorRole?: SignalEventBody['authorRole'];
  authorTeamId?: string | null;
}

export interface PlanInput {
  start: { createdAt: string; createdBy?: string | null };
  events: readonly SignalEvent[];
}

type Plan = { ok: true; events: SignalEventDraft[] } | { ok: false; problem: VisitProblem };

/** Works on a copy of the history: each planned event is applied before the next is checked. */
class Planner {
  private readonly events: SignalEvent[];
  readonly drafts: SignalEventDraft[] = [];

  constructor(private readonly input: PlanInput) {
    this.events = [...input.events];
  }

  get state(): SignalState {
    return reduceSignal(this.input.start, this.events);
  }

  add(draft: SignalEventDraft): void {
    this.drafts.push(draft);
    // Planned ids sort after every stored one at the same moment ('~' is above ULID characters).
    const event: SignalEvent = { ...draft, id: `~planned-${this.drafts.length}` };
    this.events.push(event);
  }

  /** Picks the signal up when nobody works on it yet (new, or closed without contact). */
  pickUp(at: string, author: VisitAuthor): VisitProblem | null {
    const status = this.state.status;
    if (status !== 'nieuw' && status !== 'geen-contact-mogelijk') return null;
    const result = transition(this.state, { to: 'opgepakt', at, ...author });
    if (!result.ok) return result.problem;
    this.add(result.event);
    return null;
  }

  contact(at: string, author: VisitAuthor, contactAt?: string): VisitProblem | null {
    const result = transition(this.state, { to: 'contact-gelegd', at, contactAt, ...author });
    if (!result.ok) return result.problem;
    this.add(result.event);
    return null;
  }
}

const minute = (iso: string) => iso.slice(0, 16);

/**
 * One attempt (brief bezorgd, huisbezoek niet thuis / gesproken, telefoon, e-mail), dated when it
 * took place. Refused on a closed signal (afgerond: nothing left to do) and for a moment in the
 * future or before the signal existed.
 */
export function planAttempt(
  input: PlanInput,
  request: VisitAuthor & {
    attempt: AttemptKind;
    at: string;
    attemptAt?: string;
    /** A campaign's questionnaire: only on a visit where someone talked with the household. */
    answers?: DoorAnswers;
  },
): Plan {
  const planner = new Planner(input);
  if (planner.state.status === 'afgerond') return { ok: false, problem: 'illegal' };
  if (request.answers !== undefined && request.attempt !== 'huisbezoek-gesproken')
    return { ok: false, problem: 'illegal' };
  const attemptAt = request.attemptAt ?? request.at;
  if (attemptAt > request.at || minute(attemptAt) < minute(input.start.createdAt)) {
    return { ok: false, problem: 'attemptAtInvalid' };
  }
  const { attempt: _attempt, at, attemptAt: _when, answers, ...author } = request;
  const problem = planner.pickUp(at, author);
  if (problem) return { ok: false, problem };
  const last = planner.state.history.at(-1)?.at ?? input.start.createdAt;
  if (at < last) return { ok: false, problem: 'outOfOrder' };
  const body: SignalEventBody = { attempt: request.attempt, attemptAt };
  if (answers !== undefined) body.answers = answers;
  if (author.authorRole) body.authorRole = author.authorRole;
  if (author.authorTeamId !== undefined) body.authorTeamId = author.authorTeamId;
  planner.add({ kind: 'attempt', createdAt: at, createdBy: author.by, body });
  return { ok: true, events: planner.drafts };
}

/**
 * The outcome of a visit or call. Contact and help need the signal picked up and contact
 * recorded first; the plan adds those steps when they are missing. "Geen contact" is allowed
 * without a reason once NO_CONTACT_AFTER_ATTEMPTS attempts were made (see lifecycle.transition).
 */
export function planOutcome(
  input: PlanInput,
  outcome: VisitOutcome,
  request: VisitAuthor & { at: string },
): Plan {
  const planner = new Planner(input);
  const { at, ...author } = request;
  const fail = (problem: VisitProblem): Plan => ({ ok: false, problem });
  switch (outcome.kind) {
    case 'contact-gelegd': {
      const problem = planner.pickUp(at, author) ?? planner.contact(at, author, outcome.contactAt);
      if (problem) return fail(problem);
      break;
    }
    case 'hulp-aanvaard':
    case 'hulp-geweigerd': {
      let problem = planner.pickUp(at, author);
      if (!problem && planner.state.firstContactAt === null) problem = planner.contact(at, author);
      if (problem) return fail(problem);
      const result = recordHelp(planner.state, {
        help: outcome.kind === 'hulp-aanvaard' ? 'aanvaard' : 'geweigerd',
        ...(outcome.kind === 'hulp-aanvaard' ? { helpTo: outcome.helpTo } : {}),
        at,
        ...author,
      });
      if (!result.ok) return fail(result.problem);
      planner.add(result.event);
      break;
    }
    case 'geen-contact': {
      const result = transition(planner.state, { to: 'geen-contact-mogelijk', at, ...author });
      if (!result.ok) return fail(result.problem);
      planner.add(result.event);
      break;
    }
    case 'opgelost-door-schuldeiser':
    case 'adres-vervalt': {
      // Nobody lives there: not true of an address where someone already opened the door.
      if (outcome.kind === 'adres-vervalt' && planner.state.firstContactAt !== null)
        return fail('illegal');
      const result = transition(planner.state, {
        to: 'afgerond',
        closeReason: outcome.kind === 'adres-vervalt' ? outcome.reason : outcome.kind,
        at,
        ...author,
      });
      if (!result.ok) return fail(result.problem);
      planner.add(result.event);
      break;
    }
  }
  return { ok: true, events: planner.drafts };
}
