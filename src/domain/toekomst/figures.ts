import type { PlanEvent, PlanState } from './plan';
import { OUTCOME_STATUSES } from './plan';
import type { ToekomstStatus } from './trajectory';

/**
 * Her figures, anonymous counts for her and her coordinator, the NPDW results for 2026 this
 * serves (003 L3425–3434, L3633–3636): residents reached, with a plan, with a step started, and
 * in work or training 3 and 12 months after their plan began.
 */
export interface TrajectoryFacts {
  status: ToekomstStatus;
  plan: PlanState;
  /** Closed while still waiting for the team: referred, never reached (see closedUnreached). */
  closedUnreached?: boolean;
}

/**
 * True when the trajectory's latest status change closed it straight from "verwezen": a referral
 * nobody took up does not count as a resident reached, though its status is no longer verwezen.
 */
export function closedUnreached(status: ToekomstStatus, events: readonly PlanEvent[]): boolean {
  if (status !== 'afgesloten') return false;
  let last: PlanEvent | undefined;
  for (const e of events) {
    if (e.kind !== 'status') continue;
    if (!last || e.createdAt > last.createdAt || (e.createdAt === last.createdAt && e.id > last.id))
      last = e;
  }
  const body = last?.body as { from?: unknown; to?: unknown } | null | undefined;
  return body?.from === 'verwezen' && body.to === 'afgesloten';
}

export interface FollowUp {
  /** Residents whose plan began at least this long ago (the ones the figure can speak about). */
  eligible: number;
  /** Of those, in work or training within that time. */
  inWorkOrTraining: number;
}

export interface ToekomstFigures {
  reached: number;
  withPlan: number;
  withStepStarted: number;
  after3Months: FollowUp;
  after12Months: FollowUp;
}

const STARTED = new Set(['gestart', 'afgerond', 'baan-gevonden', 'opleiding-gestart']);

function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

function followUp(facts: readonly TrajectoryFacts[], months: number, now: string): FollowUp {
  let eligible = 0;
  let inWorkOrTraining = 0;
  for (const f of facts) {
    const begin = f.plan.steps.map((s) => s.createdAt).sort()[0];
    if (begin === undefined) continue;
    const until = addMonths(begin, months);
    if (until > now) continue;
    eligible += 1;
    const outcome = f.plan.steps.some((s) =>
      s.history.some((h) => OUTCOME_STATUSES.includes(h.to) && h.at <= until),
    );
    if (outcome) inWorkOrTraining += 1;
  }
  return { eligible, inWorkOrTraining };
}

export function toekomstFigures(facts: readonly TrajectoryFacts[], now: string): ToekomstFigures {
  return {
    reached: facts.filter((f) => f.status !== 'verwezen' && !f.closedUnreached).length,
    withPlan: facts.filter((f) => f.plan.steps.length > 0).length,
    withStepStarted: facts.filter((f) =>
      f.plan.steps.some((s) => s.history.some((h) => STARTED.has(h.to))),
    ).length,
    after3Months: followUp(facts, 3, now),
    after12Months: followUp(facts, 12, now),
  };
}
