import { z } from 'zod';

/**
 * The toekomstplan: steps towards work, training or taking part, each tied to an offer and
 * followed until it holds. Every change is an append-only event (who, when, from, to), so two
 * devices never overwrite each other's history and the NPDW figures (with a plan, a step
 * started, in work or training after 3 and 12 months) follow from the events alone.
 */
export const STEP_STATUSES = [
  'kennismaking',
  'aangemeld',
  'gestart',
  'afgerond',
  'gestopt',
  'baan-gevonden',
  'opleiding-gestart',
] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** Where a step ends well: what the NPDW counts as "in work or training". */
export const OUTCOME_STATUSES: readonly StepStatus[] = ['baan-gevonden', 'opleiding-gestart'];
/** Statuses after which nothing more happens on a step. */
export const FINAL_STEP_STATUSES: readonly StepStatus[] = [
  'gestopt',
  'baan-gevonden',
  'opleiding-gestart',
];

/** A new step starts with getting to know the offer, or straight away with signing up. */
export const FIRST_STEP_STATUSES: readonly StepStatus[] = ['kennismaking', 'aangemeld'];

const TRANSITIONS: Record<StepStatus, readonly StepStatus[]> = {
  kennismaking: ['aangemeld', 'gestopt'],
  aangemeld: ['gestart', 'gestopt'],
  // A training or job can follow straight from a step, or after it was finished.
  gestart: ['afgerond', 'gestopt', 'baan-gevonden', 'opleiding-gestart'],
  afgerond: ['baan-gevonden', 'opleiding-gestart'],
  gestopt: [],
  'baan-gevonden': [],
  'opleiding-gestart': [],
};

export function canStep(from: StepStatus | null, to: StepStatus): boolean {
  return from === null ? FIRST_STEP_STATUSES.includes(to) : TRANSITIONS[from].includes(to);
}

export function nextStepStatuses(from: StepStatus | null): readonly StepStatus[] {
  return from === null ? FIRST_STEP_STATUSES : TRANSITIONS[from];
}

export const REASON_MAX = 500;
const DATE = z.iso.date();

/** The body of a `step` event: one step of the plan moving on. */
export const stepEventBodySchema = z
  .object({
    stepId: z.string().min(1).max(64),
    offerId: z.string().min(1).max(64),
    from: stepStatusSchema.nullable(),
    to: stepStatusSchema,
    /** Required for gestopt: why it stopped, so the next step can take it into account. */
    reason: z.string().trim().max(REASON_MAX).optional(),
    /** When the next action on this step is due (`YYYY-MM-DD`); reminders come from it. */
    dueAt: DATE.optional(),
  })
  .strict();
export type StepEventBody = z.infer<typeof stepEventBodySchema>;

/** A warm handover to the partner that runs the offer: only with the resident's consent. */
export const handoverEventBodySchema = z
  .object({
    stepId: z.string().min(1).max(64),
    offerId: z.string().min(1).max(64),
    organisationId: z.string().min(1).max(64),
    consent: z.literal(true),
    message: z.string().trim().min(1).max(REASON_MAX),
  })
  .strict();
export type HandoverEventBody = z.infer<typeof handoverEventBodySchema>;

export interface PlanEvent {
  id: string;
  kind: string;
  createdAt: string;
  createdBy?: string | undefined;
  body: unknown;
}

export interface StepHistoryEntry {
  eventId: string;
  at: string;
  by: string | null;
  from: StepStatus | null;
  to: StepStatus;
  reason?: string;
}

export interface PlanStep {
  id: string;
  offerId: string;
  status: StepStatus;
  createdAt: string;
  /** Every applied change, oldest first; the first one created the step. */
  history: StepHistoryEntry[];
  dueAt: string | null;
  reason: string | null;
  handovers: { eventId: string; at: string; organisationId: string; message: string }[];
}

export interface PlanState {
  steps: PlanStep[];
  /** Step events that were not legal when they arrived (two devices moving the same step offline). */
  superseded: PlanEvent[];
  /** The last moment someone worked with the resident: a step, handover or contact. */
  lastActivityAt: string | null;
}

function byTimeThenId(a: PlanEvent, b: PlanEvent): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Folds the events, in time order, into the plan; illegal steps are kept aside, never applied. */
export function reducePlan(events: readonly PlanEvent[]): PlanState {
  const steps = new Map<string, PlanStep>();
  const state: PlanState = { steps: [], superseded: [], lastActivityAt: null };
  for (const event of [...events].sort(byTimeThenId)) {
    if (event.kind === 'step') {
      const parsed = stepEventBodySchema.safeParse(event.body);
      if (!parsed.success) {
        state.superseded.push(event);
        continue;
      }
      const body = parsed.data;
      const step = steps.get(body.stepId);
      const current = step?.status ?? null;
      const legal =
        body.from === current &&
        canStep(current, body.to) &&
        (step === undefined || step.offerId === body.offerId) &&
        (body.to !== 'gestopt' || (body.reason ?? '').length > 0);
      if (!legal) {
        state.superseded.push(event);
        continue;
      }
      const entry: StepHistoryEntry = {
        eventId: event.id,
        at: event.createdAt,
        by: event.createdBy ?? null,
        from: current,
        to: body.to,
      };
      if (body.reason) entry.reason = body.reason;
      if (step) {
        step.status = body.to;
        step.history.push(entry);
        if (body.dueAt !== undefined) step.dueAt = body.dueAt;
        if (body.reason) step.reason = body.reason;
        if (FINAL_STEP_STATUSES.includes(body.to)) step.dueAt = null;
      } else {
        const created: PlanStep = {
          id: body.stepId,
          offerId: body.offerId,
          status: body.to,
          createdAt: event.createdAt,
          history: [entry],
          dueAt: body.dueAt ?? null,
          reason: body.reason ?? null,
          handovers: [],
        };
        steps.set(body.stepId, created);
        state.steps.push(created);
      }
      state.lastActivityAt = event.createdAt;
    } else if (event.kind === 'handover') {
      const parsed = handoverEventBodySchema.safeParse(event.body);
      const step = parsed.success ? steps.get(parsed.data.stepId) : undefined;
      if (!parsed.success || !step) {
        state.superseded.push(event);
        continue;
      }
      step.handovers.push({
        eventId: event.id,
        at: event.createdAt,
        organisationId: parsed.data.organisationId,
        message: parsed.data.message,
      });
      state.lastActivityAt = event.createdAt;
    } else if (event.kind === 'contact') {
      state.lastActivityAt = event.createdAt;
    }
  }
  return state;
}

export type StepProblem = 'illegal' | 'reasonRequired' | 'outOfOrder' | 'dueInvalid';

export interface StepRequest {
  /** Absent: a new step for `offerId`. */
  stepId?: string;
  offerId: string;
  to: StepStatus;
  at: string;
  reason?: string;
  dueAt?: string;
}

/**
 * The one way to move a plan on: refuses a step the lifecycle does not allow, gestopt without a
 * reason, a change dated before the step's last one, and a due date that is not a day. Returns
 * the event body to append (the repository gives a new step its id).
 */
export function planStep(
  plan: PlanState,
  request: StepRequest & { newStepId: string },
): { ok: true; body: StepEventBody } | { ok: false; problem: StepProblem } {
  const step = request.stepId ? plan.steps.find((s) => s.id === request.stepId) : undefined;
  if (request.stepId && !step) return { ok: false, problem: 'illegal' };
  if (step && step.offerId !== request.offerId) return { ok: false, problem: 'illegal' };
  const from = step?.status ?? null;
  if (!canStep(from, request.to)) return { ok: false, problem: 'illegal' };
  const reason = request.reason?.trim();
  if (request.to === 'gestopt' && !reason) return { ok: false, problem: 'reasonRequired' };
  const last = step?.history.at(-1)?.at;
  if (last !== undefined && request.at < last) return { ok: false, problem: 'outOfOrder' };
  if (request.dueAt !== undefined && !DATE.safeParse(request.dueAt).success) {
    return { ok: false, problem: 'dueInvalid' };
  }
  const body: StepEventBody = {
    stepId: step?.id ?? request.newStepId,
    offerId: request.offerId,
    from,
    to: request.to,
  };
  if (reason) body.reason = reason;
  if (request.dueAt !== undefined) body.dueAt = request.dueAt;
  return { ok: true, body };
}

/** Open steps whose due date has come: the in-app reminders. `today` is `YYYY-MM-DD`. */
export function dueSteps(plan: PlanState, today: string): PlanStep[] {
  return plan.steps.filter(
    (s) => !FINAL_STEP_STATUSES.includes(s.status) && s.dueAt !== null && s.dueAt <= today,
  );
}
