import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PlanEvent, StepStatus } from '../../../../src/domain/toekomst/plan';
import {
  STEP_STATUSES,
  canStep,
  dueSteps,
  planStep,
  reducePlan,
} from '../../../../src/domain/toekomst/plan';
import { closedUnreached, toekomstFigures } from '../../../../src/domain/toekomst/figures';
import { trajectoryAfterStep } from '../../../../src/domain/toekomst/trajectory';

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const LPC = 'leerpraktijkcentrum-waterwiel';

let n = 0;
function apply(events: PlanEvent[], request: Parameters<typeof planStep>[1], by = 'tara') {
  const result = planStep(reducePlan(events), request);
  if (!result.ok) return result;
  n += 1;
  events.push({
    id: `e-${String(n).padStart(6, '0')}`,
    kind: 'step',
    createdAt: request.at,
    createdBy: by,
    body: result.body,
  });
  return result;
}

describe('plan lifecycle', () => {
  it('runs kennismaking → aangemeld → gestart → afgerond → baan gevonden, with who and when', () => {
    const events: PlanEvent[] = [];
    const path: StepStatus[] = [
      'kennismaking',
      'aangemeld',
      'gestart',
      'afgerond',
      'baan-gevonden',
    ];
    let stepId: string | undefined;
    path.forEach((to, i) => {
      const r = apply(events, { stepId, offerId: LPC, to, at: at(i), newStepId: 's1' });
      expect(r.ok).toBe(true);
      stepId = 's1';
    });
    const [step] = reducePlan(events).steps;
    expect(step!.status).toBe('baan-gevonden');
    expect(step!.history.map((h) => [h.from, h.to, h.by, h.at])).toEqual(
      path.map((to, i) => [i === 0 ? null : path[i - 1], to, 'tara', at(i)]),
    );
  });

  it('refuses an illegal step, gestopt without a reason, and a step dated before the last', () => {
    const events: PlanEvent[] = [];
    expect(
      planStep(reducePlan(events), { offerId: LPC, to: 'gestart', at: at(0), newStepId: 's1' }),
    ).toEqual({ ok: false, problem: 'illegal' });
    apply(events, { offerId: LPC, to: 'aangemeld', at: at(1), newStepId: 's1' });
    const plan = reducePlan(events);
    expect(
      planStep(plan, {
        stepId: 's1',
        offerId: LPC,
        to: 'baan-gevonden',
        at: at(2),
        newStepId: 'x',
      }),
    ).toEqual({ ok: false, problem: 'illegal' });
    expect(
      planStep(plan, {
        stepId: 's1',
        offerId: LPC,
        to: 'gestopt',
        at: at(2),
        reason: '  ',
        newStepId: 'x',
      }),
    ).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(
      planStep(plan, { stepId: 's1', offerId: LPC, to: 'gestart', at: at(0), newStepId: 'x' }),
    ).toEqual({ ok: false, problem: 'outOfOrder' });
    expect(
      planStep(plan, {
        stepId: 's1',
        offerId: 'scholingsfonds',
        to: 'gestart',
        at: at(3),
        newStepId: 'x',
      }),
    ).toEqual({ ok: false, problem: 'illegal' });
    const stopped = planStep(plan, {
      stepId: 's1',
      offerId: LPC,
      to: 'gestopt',
      at: at(3),
      reason: 'Opvang lukt niet (fictief)',
      newStepId: 'x',
    });
    expect(stopped).toEqual({
      ok: true,
      body: {
        stepId: 's1',
        offerId: LPC,
        from: 'aangemeld',
        to: 'gestopt',
        reason: 'Opvang lukt niet (fictief)',
      },
    });
  });

  it('keeps a step two devices made offline aside instead of applying it twice', () => {
    const events: PlanEvent[] = [];
    apply(events, { offerId: LPC, to: 'aangemeld', at: at(0), newStepId: 's1' });
    const plan = reducePlan(events);
    const a = planStep(plan, {
      stepId: 's1',
      offerId: LPC,
      to: 'gestart',
      at: at(1),
      newStepId: 'x',
    });
    const b = planStep(plan, {
      stepId: 's1',
      offerId: LPC,
      to: 'gestopt',
      reason: 'Verhuisd (fictief)',
      at: at(2),
      newStepId: 'x',
    });
    if (!a.ok || !b.ok) throw new Error('both legal on their own device');
    events.push(
      { id: 'a', kind: 'step', createdAt: at(1), body: a.body },
      { id: 'b', kind: 'step', createdAt: at(2), body: b.body },
    );
    const after = reducePlan(events);
    expect(after.steps[0]!.status).toBe('gestart');
    expect(after.superseded.map((e) => e.id)).toEqual(['b']);
  });

  it('reminds of open steps whose due date has come', () => {
    const events: PlanEvent[] = [];
    apply(events, {
      offerId: LPC,
      to: 'aangemeld',
      at: at(0),
      dueAt: '2026-01-10',
      newStepId: 's1',
    });
    apply(events, {
      offerId: 'scholingsfonds',
      to: 'kennismaking',
      at: at(1),
      dueAt: '2026-02-01',
      newStepId: 's2',
    });
    expect(dueSteps(reducePlan(events), '2026-01-09')).toEqual([]);
    expect(dueSteps(reducePlan(events), '2026-01-10').map((s) => s.id)).toEqual(['s1']);
    apply(events, {
      stepId: 's1',
      offerId: LPC,
      to: 'gestopt',
      reason: 'Ziek (fictief)',
      at: at(2),
      newStepId: 'x',
    });
    expect(dueSteps(reducePlan(events), '2026-03-01').map((s) => s.id)).toEqual(['s2']);
  });

  it('applies only legal steps, and keeps the history complete and ordered (property)', () => {
    const command = fc.record({
      step: fc.constantFrom('s1', 's2', 's3'),
      to: fc.constantFrom(...STEP_STATUSES),
      hoursLater: fc.integer({ min: 0, max: 48 }),
      reason: fc.constantFrom(undefined, 'Reden (fictief)'),
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const events: PlanEvent[] = [];
        let clock = 0;
        let accepted = 0;
        for (const c of commands) {
          clock += c.hoursLater;
          const plan = reducePlan(events);
          const existing = plan.steps.find((s) => s.id === c.step);
          const request = {
            ...(existing ? { stepId: c.step } : {}),
            offerId: LPC,
            to: c.to,
            at: at(clock),
            newStepId: c.step,
            ...(c.reason ? { reason: c.reason } : {}),
          };
          const before = existing?.status ?? null;
          const r = apply(events, request);
          expect(r.ok).toBe(
            canStep(before, c.to) && (c.to !== 'gestopt' || c.reason !== undefined),
          );
          if (r.ok) accepted += 1;
        }
        const plan = reducePlan(events);
        expect(plan.superseded).toEqual([]);
        // Every accepted step is in exactly one step's history, in time order, each a legal move.
        expect(plan.steps.reduce((sum, s) => sum + s.history.length, 0)).toBe(accepted);
        for (const s of plan.steps) {
          s.history.forEach((h, i) => {
            expect(h.from).toBe(i === 0 ? null : s.history[i - 1]!.to);
            expect(canStep(h.from, h.to)).toBe(true);
            if (i > 0) expect(h.at >= s.history[i - 1]!.at).toBe(true);
          });
          expect(s.status).toBe(s.history.at(-1)!.to);
        }
        // Replaying the same events in any order gives the same plan.
        const shuffled = [...events].reverse();
        expect(reducePlan(shuffled)).toEqual(plan);
      }),
    );
  });
});

describe('trajectory and figures', () => {
  it('a first step puts the trajectory in traject; a job makes it uitgestroomd', () => {
    expect(trajectoryAfterStep('verwezen', 'aangemeld')).toEqual(['opgepakt', 'in-traject']);
    expect(trajectoryAfterStep('in-traject', 'gestart')).toEqual([]);
    expect(trajectoryAfterStep('in-traject', 'baan-gevonden')).toEqual(['uitgestroomd']);
  });

  it('counts reached, with a plan, started, and in work or training after 3 and 12 months', () => {
    const plan = (steps: [StepStatus, number][]) => {
      const events: PlanEvent[] = [];
      steps.forEach(([to, day], i) =>
        apply(events, {
          ...(i > 0 ? { stepId: 's1' } : {}),
          offerId: LPC,
          to,
          at: at(day * 24),
          newStepId: 's1',
        }),
      );
      return reducePlan(events);
    };
    const facts = [
      { status: 'verwezen' as const, plan: plan([]) },
      { status: 'opgepakt' as const, plan: plan([]) },
      { status: 'in-traject' as const, plan: plan([['aangemeld', 0]]) },
      {
        status: 'uitgestroomd' as const,
        plan: plan([
          ['aangemeld', 0],
          ['gestart', 10],
          ['baan-gevonden', 60],
        ]),
      },
      {
        status: 'uitgestroomd' as const,
        plan: plan([
          ['aangemeld', 0],
          ['gestart', 10],
          ['opleiding-gestart', 200],
        ]),
      },
    ];
    const figures = toekomstFigures(facts, at(24 * 400));
    expect(figures).toEqual({
      reached: 4,
      withPlan: 3,
      withStepStarted: 2,
      after3Months: { eligible: 3, inWorkOrTraining: 1 },
      after12Months: { eligible: 3, inWorkOrTraining: 2 },
    });
    // A referral closed before anyone took it up was not reached; one closed after it was, was.
    const closed = (from: 'verwezen' | 'opgepakt') => {
      const events: PlanEvent[] = [
        { id: 'st1', kind: 'status', createdAt: at(1), body: { from, to: 'afgesloten' } },
      ];
      return { status: 'afgesloten' as const, plan: reducePlan(events), events };
    };
    const never = closed('verwezen');
    const after = closed('opgepakt');
    expect(closedUnreached(never.status, never.events)).toBe(true);
    expect(closedUnreached(after.status, after.events)).toBe(false);
    expect(
      toekomstFigures(
        [
          ...facts,
          { ...never, closedUnreached: closedUnreached(never.status, never.events) },
          { ...after, closedUnreached: closedUnreached(after.status, after.events) },
        ],
        at(24 * 400),
      ).reached,
    ).toBe(5);
    // Too early to say anything about 12 months.
    expect(toekomstFigures(facts, at(24 * 100)).after12Months).toEqual({
      eligible: 0,
      inWorkOrTraining: 0,
    });
  });
});
