import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SignalStatus } from '../../../../src/domain/signals/lifecycle';
import type { SignalEvent, SignalEventDraft } from '../../../../src/domain/signals/signal-events';
import { canTransition } from '../../../../src/domain/signals/lifecycle';
import { toSignalEvent } from '../../../../src/domain/signals/signal-events';
import { reduceSignal } from '../../../../src/domain/signals/signal-state';
import { transition } from '../../../../src/domain/signals/signal-steps';
import {
  ATTEMPT_KINDS,
  HELP_DESTINATIONS,
  NO_CONTACT_AFTER_ATTEMPTS,
} from '../../../../src/domain/signals/outreach-values';
import type { VisitOutcome } from '../../../../src/domain/vroegsignalen/outreach';
import { planAttempt, planOutcome } from '../../../../src/domain/vroegsignalen/outreach';

const CREATED = '2026-11-23T09:00:00.000Z';
const start = { createdAt: CREATED, createdBy: 'import' };
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000).toISOString();
const author = { by: 'wim', authorRole: 'wijkteam' as const, authorTeamId: 'team-wijkteam-west' };

let seq = 0;
function stored(draft: SignalEventDraft): SignalEvent {
  seq += 1;
  const event: SignalEvent = {
    id: `ev-${String(seq).padStart(6, '0')}`,
    kind: draft.kind,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    body: draft.body,
  };
  if (draft.status) event.status = draft.status;
  return event;
}

function apply(events: SignalEvent[], plan: ReturnType<typeof planAttempt>): SignalEvent[] {
  if (!plan.ok) throw new Error(plan.problem);
  return [...events, ...plan.events.map(stored)];
}

describe('outreach after a vroegsignaal', () => {
  it('an attempt picks a new signal up first, and itself changes no status', () => {
    let events: SignalEvent[] = [];
    events = apply(
      events,
      planAttempt({ start, events }, { attempt: 'brief', at: at(10), ...author }),
    );
    expect(events.map((e) => e.kind)).toEqual(['status', 'attempt']);
    let state = reduceSignal(start, events);
    expect(state.status).toBe('opgepakt');
    expect(state.attempts).toEqual([
      { eventId: events[1]!.id, attempt: 'brief', at: at(10), by: 'wim' },
    ]);
    events = apply(
      events,
      planAttempt({ start, events }, { attempt: 'huisbezoek-niet-thuis', at: at(20), ...author }),
    );
    expect(events).toHaveLength(3);
    state = reduceSignal(start, events);
    expect(state.status).toBe('opgepakt');
    expect(state.attemptsSincePickup).toBe(2);
  });

  it('records when the attempt took place, never in the future or before the signal', () => {
    const plan = planAttempt(
      { start, events: [] },
      { attempt: 'telefoon', at: at(60), attemptAt: at(30), ...author },
    );
    expect(plan.ok && plan.events[1]!.body).toMatchObject({
      attempt: 'telefoon',
      attemptAt: at(30),
    });
    expect(
      planAttempt(
        { start, events: [] },
        { attempt: 'telefoon', at: at(60), attemptAt: at(61), ...author },
      ),
    ).toEqual({ ok: false, problem: 'attemptAtInvalid' });
    expect(
      planAttempt(
        { start, events: [] },
        { attempt: 'telefoon', at: at(60), attemptAt: at(-5), ...author },
      ),
    ).toEqual({ ok: false, problem: 'attemptAtInvalid' });
  });

  it('"gesproken + hulp aanvaard" records contact and help with where to', () => {
    let events = apply(
      [],
      planAttempt({ start, events: [] }, { attempt: 'huisbezoek-gesproken', at: at(5), ...author }),
    );
    events = apply(
      events,
      planOutcome(
        { start, events },
        { kind: 'hulp-aanvaard', helpTo: 'schuldhulp' },
        { at: at(6), ...author },
      ),
    );
    const state = reduceSignal(start, events);
    expect(state.status).toBe('contact-gelegd');
    expect(state.firstContactAt).toBe(at(6));
    expect(state.help).toBe('aanvaard');
    expect(state.helpTo).toBe('schuldhulp');
    expect(events.at(-1)).toMatchObject({
      kind: 'help',
      body: { help: 'aanvaard', helpTo: 'schuldhulp' },
    });
  });

  it(`geen contact needs a reason until ${NO_CONTACT_AFTER_ATTEMPTS} attempts were made since pick-up`, () => {
    let events: SignalEvent[] = [];
    for (let i = 0; i < NO_CONTACT_AFTER_ATTEMPTS; i++) {
      expect(
        planOutcome({ start, events }, { kind: 'geen-contact' }, { at: at(i * 10 + 1), ...author }),
      ).toEqual({ ok: false, problem: i === 0 ? 'illegal' : 'messageRequired' });
      events = apply(
        events,
        planAttempt(
          { start, events },
          { attempt: 'huisbezoek-niet-thuis', at: at(i * 10 + 2), ...author },
        ),
      );
    }
    events = apply(
      events,
      planOutcome({ start, events }, { kind: 'geen-contact' }, { at: at(100), ...author }),
    );
    expect(reduceSignal(start, events).status).toBe('geen-contact-mogelijk');
    // A new attempt later picks it up again, and the count starts over.
    events = apply(
      events,
      planAttempt({ start, events }, { attempt: 'brief', at: at(200), ...author }),
    );
    const state = reduceSignal(start, events);
    expect(state.status).toBe('opgepakt');
    expect(state.attemptsSincePickup).toBe(1);
    expect(state.attempts).toHaveLength(NO_CONTACT_AFTER_ATTEMPTS + 1);
  });

  it('the creditor may resolve a signal nobody picked up; a worker may not close it that way', () => {
    const plan = planOutcome(
      { start, events: [] },
      { kind: 'opgelost-door-schuldeiser' },
      { at: at(5), ...author },
    );
    const events = apply([], plan);
    const state = reduceSignal(start, events);
    expect(state.status).toBe('afgerond');
    expect(state.closeReason).toBe('opgelost-door-schuldeiser');
    expect(canTransition('nieuw', 'afgerond')).toBe(false);
    expect(canTransition('nieuw', 'afgerond', 'opgelost-door-schuldeiser')).toBe(true);
    expect(canTransition('afgerond', 'afgerond', 'opgelost-door-schuldeiser')).toBe(false);
    // A close reason belongs to afgerond only.
    expect(
      transition(reduceSignal(start, []), {
        to: 'opgepakt',
        at: at(1),
        by: 'wim',
        closeReason: 'opgelost-door-schuldeiser',
      }),
    ).toEqual({ ok: false, problem: 'illegal' });
    // Nothing more to do on a closed signal.
    expect(planAttempt({ start, events }, { attempt: 'brief', at: at(6), ...author })).toEqual({
      ok: false,
      problem: 'illegal',
    });
  });

  it('reads attempt events only with their kind and moment', () => {
    expect(
      toSignalEvent({ id: '1', kind: 'attempt', createdAt: CREATED, body: { attempt: 'brief' } }),
    ).toBeNull();
    expect(
      toSignalEvent({
        id: '1',
        kind: 'attempt',
        createdAt: CREATED,
        body: { attempt: 'fax', attemptAt: CREATED },
      }),
    ).toBeNull();
    expect(
      toSignalEvent({
        id: '1',
        kind: 'attempt',
        createdAt: CREATED,
        body: { attempt: 'brief', attemptAt: CREATED },
      }),
    ).toMatchObject({ kind: 'attempt' });
  });

  it('property: any sequence of visit taps gives an ordered, legal history; attempts never change status', () => {
    const tap = fc.oneof(
      fc.record({
        type: fc.constant('attempt' as const),
        attempt: fc.constantFrom(...ATTEMPT_KINDS),
      }),
      fc.record({
        type: fc.constant('outcome' as const),
        outcome: fc.oneof(
          fc.constant<VisitOutcome>({ kind: 'contact-gelegd' }),
          fc
            .constantFrom(...HELP_DESTINATIONS)
            .map((helpTo): VisitOutcome => ({ kind: 'hulp-aanvaard', helpTo })),
          fc.constant<VisitOutcome>({ kind: 'hulp-geweigerd' }),
          fc.constant<VisitOutcome>({ kind: 'geen-contact' }),
          fc.constant<VisitOutcome>({ kind: 'opgelost-door-schuldeiser' }),
        ),
      }),
      fc.record({
        type: fc.constant('status' as const),
        to: fc.constantFrom<SignalStatus>('opgepakt', 'doorverwezen', 'afgerond'),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tap, fc.integer({ min: 0, max: 120 })), { maxLength: 30 }),
        (taps) => {
          let events: SignalEvent[] = [];
          let clock = 0;
          let accepted = 0;
          for (const [t, minutes] of taps) {
            clock += minutes;
            const input = { start, events };
            const before = reduceSignal(start, events).status;
            if (t.type === 'attempt') {
              const plan = planAttempt(input, { attempt: t.attempt, at: at(clock), ...author });
              if (!plan.ok) continue;
              // The attempt event itself never moves the status; only a pick-up before it may.
              const attemptOnly = plan.events.filter((e) => e.kind === 'attempt');
              expect(attemptOnly).toHaveLength(1);
              expect(attemptOnly[0]!.status).toBeUndefined();
              const pickup = plan.events.filter((e) => e.kind === 'status');
              expect(
                pickup.length === 0 || (before !== 'opgepakt' && pickup[0]!.status === 'opgepakt'),
              ).toBe(true);
              events = [...events, ...plan.events.map(stored)];
              accepted += plan.events.length;
            } else if (t.type === 'outcome') {
              const plan = planOutcome(input, t.outcome, { at: at(clock), ...author });
              if (!plan.ok) continue;
              events = [...events, ...plan.events.map(stored)];
              accepted += plan.events.length;
            } else {
              const result = transition(reduceSignal(start, events), {
                to: t.to,
                at: at(clock),
                by: 'wim',
                message: 'Bericht',
                target: { kind: 'organisation', id: 'sdd' },
              });
              if (!result.ok) continue;
              events = [...events, stored(result.event)];
              accepted += 1;
            }
          }
          const final = reduceSignal(start, events);
          // Complete and legal: every accepted event is in the history, none set aside.
          expect(final.history).toHaveLength(accepted + 1);
          expect(final.superseded).toHaveLength(0);
          let status: SignalStatus = 'nieuw';
          for (const [i, step] of final.history.entries()) {
            if (i > 0) expect(step.at >= final.history[i - 1]!.at).toBe(true);
            if (step.kind === 'status') {
              expect(step.from).toBe(status);
              expect(canTransition(status, step.to!, step.body.closeReason)).toBe(true);
              status = step.to!;
            } else if (step.kind !== 'created') {
              expect(step.to).toBeNull();
            }
          }
          expect(final.status).toBe(status);
          expect(final.attempts).toHaveLength(events.filter((e) => e.kind === 'attempt').length);
          // Removing every attempt event leaves the same status: attempts carry no status.
          const withoutAttempts = reduceSignal(
            start,
            events.filter((e) => e.kind !== 'attempt'),
          );
          expect(withoutAttempts.status).toBe(final.status);
        },
      ),
      { numRuns: 300 },
    );
  });
});
