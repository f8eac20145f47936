import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SignalStatus } from '../../../../src/domain/signals/lifecycle';
import type { SignalEvent, SignalEventDraft } from '../../../../src/domain/signals/signal-events';
import {
  SIGNAL_STATUSES,
  canTransition,
  isOverdue,
} from '../../../../src/domain/signals/lifecycle';
import { toSignalEvent } from '../../../../src/domain/signals/signal-events';
import { reduceSignal } from '../../../../src/domain/signals/signal-state';
import { handover, note, transition } from '../../../../src/domain/signals/signal-steps';
import { contactAfterSignal } from '../../../../src/domain/signals/indicator';

const CREATED = '2026-11-23T09:00:00.000Z';
const start = { createdAt: CREATED, createdBy: 'vera' };
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000).toISOString();

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

describe('signal lifecycle', () => {
  it('runs the whole way: nieuw → opgepakt → contact-gelegd → doorverwezen → afgerond', () => {
    const events: SignalEvent[] = [];
    const steps: { to: SignalStatus; extra?: Record<string, unknown> }[] = [
      { to: 'opgepakt' },
      { to: 'contact-gelegd', extra: { contactAt: at(30) } },
      {
        to: 'doorverwezen',
        extra: { message: 'Schuldhulp', target: { kind: 'organisation', id: 'sdd' } },
      },
      { to: 'afgerond' },
    ];
    steps.forEach((s, i) => {
      const result = transition(reduceSignal(start, events), {
        to: s.to,
        at: at(60 * (i + 1)),
        by: 'wim',
        ...s.extra,
      });
      expect(result.ok).toBe(true);
      if (result.ok) events.push(stored(result.event));
    });
    const state = reduceSignal(start, events);
    expect(state.status).toBe('afgerond');
    expect(state.history.map((h) => h.to)).toEqual([
      'nieuw',
      'opgepakt',
      'contact-gelegd',
      'doorverwezen',
      'afgerond',
    ]);
    expect(state.history.map((h) => h.from)).toEqual([
      null,
      'nieuw',
      'opgepakt',
      'contact-gelegd',
      'doorverwezen',
    ]);
    expect(state.firstContactAt).toBe(at(30));
    expect(state.referral).toEqual({ kind: 'organisation', id: 'sdd' });
    expect(state.closedAt).toBe(at(240));
  });

  it('refuses illegal transitions', () => {
    const fresh = reduceSignal(start, []);
    expect(transition(fresh, { to: 'afgerond', at: at(1), by: 'x' })).toEqual({
      ok: false,
      problem: 'illegal',
    });
    expect(transition(fresh, { to: 'contact-gelegd', at: at(1), by: 'x' })).toEqual({
      ok: false,
      problem: 'illegal',
    });
    expect(transition(fresh, { to: 'nieuw', at: at(1), by: 'x' }).ok).toBe(false);
    for (const from of SIGNAL_STATUSES) expect(canTransition('afgerond', from)).toBe(false);
  });

  it('asks for a target and a message when referring, and a message for geen contact', () => {
    const picked = reduceSignal(start, [
      stored({ kind: 'status', status: 'opgepakt', createdAt: at(1), createdBy: 'w', body: {} }),
    ]);
    expect(transition(picked, { to: 'doorverwezen', at: at(2), by: 'w', message: 'x' })).toEqual({
      ok: false,
      problem: 'targetRequired',
    });
    expect(
      transition(picked, {
        to: 'doorverwezen',
        at: at(2),
        by: 'w',
        target: { kind: 'organisation', id: 'sdd' },
      }),
    ).toEqual({ ok: false, problem: 'messageRequired' });
    expect(transition(picked, { to: 'geen-contact-mogelijk', at: at(2), by: 'w' })).toEqual({
      ok: false,
      problem: 'messageRequired',
    });
  });

  it('refuses a step dated before the last one and a contact moment in the future', () => {
    const picked = reduceSignal(start, [
      stored({ kind: 'status', status: 'opgepakt', createdAt: at(10), createdBy: 'w', body: {} }),
    ]);
    expect(transition(picked, { to: 'contact-gelegd', at: at(5), by: 'w' }).ok).toBe(false);
    expect(
      transition(picked, { to: 'contact-gelegd', at: at(20), by: 'w', contactAt: at(30) }),
    ).toEqual({ ok: false, problem: 'contactAtInvalid' });
    expect(
      transition(picked, { to: 'contact-gelegd', at: at(20), by: 'w', contactAt: at(-2) }),
    ).toEqual({ ok: false, problem: 'contactAtInvalid' });
  });

  it('accepts a contact moment in the same minute the signal was logged (the form picks minutes)', () => {
    const loggedAt = new Date(Date.parse(CREATED) + 40_000).toISOString();
    const picked = reduceSignal({ ...start, createdAt: loggedAt }, [
      stored({ kind: 'status', status: 'opgepakt', createdAt: at(1), createdBy: 'w', body: {} }),
    ]);
    const sameMinute = `${loggedAt.slice(0, 16)}:00.000Z`;
    expect(
      transition(picked, { to: 'contact-gelegd', at: at(2), by: 'w', contactAt: sameMinute }).ok,
    ).toBe(true);
  });

  it('keeps concurrent steps in the history but lets only the first count', () => {
    const a = stored({
      kind: 'status',
      status: 'opgepakt',
      createdAt: at(1),
      createdBy: 'wim',
      body: {},
    });
    const b = stored({
      kind: 'status',
      status: 'opgepakt',
      createdAt: at(2),
      createdBy: 'wendy',
      body: {},
    });
    const state = reduceSignal(start, [b, a]);
    expect(state.status).toBe('opgepakt');
    expect(state.history).toHaveLength(2);
    expect(state.history[1]!.by).toBe('wim');
    expect(state.superseded.map((e) => e.createdBy)).toEqual(['wendy']);
  });

  it('records handovers and notes without changing the status', () => {
    let state = reduceSignal(start, []);
    const h = handover(state, {
      target: { kind: 'team', id: 'team-wijkteam-west' },
      at: at(1),
      by: 'vera',
      message: 'Graag bellen',
      requireMessage: true,
    });
    expect(h.ok).toBe(true);
    const n = note(state, { message: '  ', at: at(2), by: 'vera' });
    expect(n).toEqual({ ok: false, problem: 'messageRequired' });
    if (h.ok) state = reduceSignal(start, [stored(h.event)]);
    expect(state.status).toBe('nieuw');
    expect(state.assignedTeam).toBe('team-wijkteam-west');
    expect(
      handover(reduceSignal(start, []), {
        target: { kind: 'team', id: 't' },
        at: at(1),
        by: 'v',
        requireMessage: true,
      }),
    ).toEqual({ ok: false, problem: 'messageRequired' });
  });

  it('reads raw events and drops unknown kinds or bad bodies', () => {
    expect(toSignalEvent({ id: '1', kind: 'weird', createdAt: CREATED })).toBeNull();
    expect(toSignalEvent({ id: '1', kind: 'status', createdAt: CREATED })).toBeNull();
    expect(
      toSignalEvent({
        id: '1',
        kind: 'status',
        status: 'opgepakt',
        createdAt: CREATED,
        body: null,
      }),
    ).toMatchObject({ kind: 'status', status: 'opgepakt' });
    expect(
      toSignalEvent({ id: '1', kind: 'note', createdAt: CREATED, body: { message: 5 } }),
    ).toBeNull();
  });

  it('knows when a signal is overdue', () => {
    expect(isOverdue('nieuw', '2026-11-22', '2026-11-23')).toBe(true);
    expect(isOverdue('nieuw', '2026-11-23', '2026-11-23')).toBe(false);
    expect(isOverdue('afgerond', '2026-11-01', '2026-11-23')).toBe(false);
    expect(isOverdue('geen-contact-mogelijk', '2026-11-01', '2026-11-23')).toBe(false);
    expect(isOverdue('opgepakt', undefined, '2026-11-23')).toBe(false);
  });

  it('property: any sequence of attempted steps gives a legal, complete and ordered history', () => {
    const attempt = fc.record({
      kind: fc.constantFrom('status', 'status', 'status', 'handover', 'note'),
      to: fc.constantFrom(...SIGNAL_STATUSES),
      minutes: fc.integer({ min: -30, max: 600 }),
      message: fc.option(fc.constantFrom('Bericht', ' ', 'Gebeld'), { nil: undefined }),
      target: fc.option(fc.constant({ kind: 'organisation' as const, id: 'sdd' }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        const events: SignalEvent[] = [];
        let accepted = 0;
        let clock = 0;
        for (const a of attempts) {
          clock += a.minutes;
          const state = reduceSignal(start, events);
          const request = { at: at(clock), by: 'w', message: a.message };
          const result =
            a.kind === 'status'
              ? transition(state, { ...request, to: a.to, target: a.target })
              : a.kind === 'handover'
                ? handover(state, {
                    ...request,
                    target: { kind: 'team', id: 't' },
                    requireMessage: false,
                  })
                : note(state, { ...request, message: a.message ?? '' });
          if (result.ok) {
            events.push(stored(result.event));
            accepted += 1;
          }
        }
        const final = reduceSignal(start, events);
        // Complete: every accepted event is in the history, nothing was set aside.
        expect(final.history).toHaveLength(accepted + 1);
        expect(final.superseded).toHaveLength(0);
        let status: SignalStatus = 'nieuw';
        for (const [i, step] of final.history.entries()) {
          if (i > 0) expect(step.at >= final.history[i - 1]!.at).toBe(true);
          if (step.kind === 'status') {
            expect(step.from).toBe(status);
            expect(canTransition(status, step.to!)).toBe(true);
            status = step.to!;
          }
        }
        expect(final.status).toBe(status);
      }),
      { numRuns: 300 },
    );
  });
});

describe('contact na vroegsignaal', () => {
  it('computes the share with contact and the median time to first contact', () => {
    const result = contactAfterSignal([
      { createdAt: at(0), firstContactAt: at(60) },
      { createdAt: at(0), firstContactAt: at(180) },
      { createdAt: at(0), firstContactAt: null },
      { createdAt: at(0), firstContactAt: null },
    ]);
    expect(result).toEqual({
      signals: 4,
      withContact: 2,
      share: 0.5,
      medianHoursToFirstContact: 2,
      aboveNationalAverage: true,
    });
    expect(contactAfterSignal([]).share).toBeNull();
  });
});
