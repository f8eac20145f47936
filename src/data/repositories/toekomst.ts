import type { Role } from '../../domain/sync/roles';
import type { PlanEvent, PlanState, StepProblem, StepRequest } from '../../domain/toekomst/plan';
import { dueSteps, planStep, reducePlan } from '../../domain/toekomst/plan';
import type { FieldError, Intake, Referral } from '../../domain/toekomst/toekomst-schema';
import {
  intakeOf,
  referralOf,
  validateIntake,
  validateReferral,
} from '../../domain/toekomst/toekomst-schema';
import type { ToekomstStatus } from '../../domain/toekomst/trajectory';
import {
  TOEKOMST_TEAM_ID,
  canMoveTrajectory,
  isToekomstStatus,
  trajectoryAfterStep,
} from '../../domain/toekomst/trajectory';
import { offerById } from '../../domain/toekomst/offers';
import { closedUnreached, type TrajectoryFacts } from '../../domain/toekomst/figures';
import { handoverEventBodySchema } from '../../domain/toekomst/plan';
import { toekomstIndexFromData } from '../../domain/toekomst/toekomst-index';
import type { PlainRecord } from '../crypto/record-crypto';
import { openRecord } from '../crypto/record-crypto';
import type { DichtbijDb, StoredRecord } from '../db';
import { db } from '../db';
import { newId } from '../ids';
import { appendEvent, listEvents, readRecord, writeRecords } from './records';
import { localDate } from '../../domain/calendar';

/**
 * A resident's trajectory with the toekomstmakelaars: the referral (from a check, a signal, or
 * her own contact), the toekomstgesprek and the plan. Every write goes through records.ts
 * (encrypted, with its outbox entry in the same transaction), so it works offline and syncs.
 */
export interface ToekomstWorker {
  id: string;
  role: Role;
  teamId: string | null;
}

export interface ToekomstContext {
  worker: ToekomstWorker;
  now?: Date;
}

export interface Trajectory {
  record: PlainRecord;
  status: ToekomstStatus;
  referral: Referral | null;
  intake: Intake | null;
  plan: PlanState;
  /** `YYYY-MM-DD` of the earliest open step due, as kept in the index. */
  planDueAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A resident not seen for this long shows under "lang niet gezien". */
export const NOT_SEEN_DAYS = 30;

function dataOf(record: PlainRecord): Record<string, unknown> {
  return typeof record.data === 'object' && record.data !== null
    ? { ...(record.data as Record<string, unknown>) }
    : {};
}

/**
 * Refers a resident to the toekomstmakelaars' team (a volunteer or wijkteam worker), or starts a
 * trajectory of her own (a toekomstmakelaar who met the resident herself). Nothing is written
 * unless the referral is whole and the resident consented.
 */
export async function referResident(
  input: unknown,
  context: ToekomstContext & { wijk?: string | undefined },
  database: DichtbijDb = db(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldError[] }> {
  const checked = validateReferral(input);
  if (!checked.ok) return checked;
  const at = (context.now ?? new Date()).toISOString();
  const own = context.worker.role === 'toekomstmakelaar';
  const id = newId();
  const data: Referral = checked.value;
  const record: PlainRecord = {
    id,
    entityType: 'toekomst',
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy: context.worker.id,
    status: own ? 'opgepakt' : 'verwezen',
    assignedToTeam: own ? (context.worker.teamId ?? TOEKOMST_TEAM_ID) : TOEKOMST_TEAM_ID,
    data,
  };
  if (own) record.assignedToUser = context.worker.id;
  if (context.wijk) record.wijk = context.wijk;
  await writeRecords([{ record, op: 'put', payload: data }], database);
  return { ok: true, id };
}

function toPlanEvents(raw: Awaited<ReturnType<typeof listEvents>>): PlanEvent[] {
  return raw.map((e) => ({
    id: e.id,
    kind: e.kind,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
    body: e.body ?? null,
  }));
}

/** One trajectory with its referral, intake and plan. Refuses while the vault is locked. */
export async function readTrajectory(
  id: string,
  database: DichtbijDb = db(),
): Promise<Trajectory | undefined> {
  const record = await readRecord('toekomst', id, database);
  if (!record) return undefined;
  const events = toPlanEvents(await listEvents('toekomst', id, database));
  const data = dataOf(record);
  return {
    record,
    status: isToekomstStatus(record.status) ? record.status : 'verwezen',
    referral: referralOf(data),
    intake: intakeOf(data),
    plan: reducePlan(events),
    planDueAt: toekomstIndexFromData(data).dueAt ?? null,
  };
}

async function moveTo(
  trajectory: Trajectory,
  path: readonly ToekomstStatus[],
  context: ToekomstContext,
  database: DichtbijDb,
): Promise<void> {
  let from = trajectory.status;
  for (const to of path) {
    if (!canMoveTrajectory(from, to)) continue;
    await appendEvent(
      'toekomst',
      trajectory.record.id,
      { kind: 'status', status: to, body: { from, to }, createdBy: context.worker.id },
      database,
    );
    from = to;
  }
}

/** Writes new data fields (and who works on it) as one put: the server merges per field. */
async function writeData(
  id: string,
  change: (data: Record<string, unknown>, record: PlainRecord) => Record<string, unknown>,
  context: ToekomstContext,
  database: DichtbijDb,
  assign?: { assignedToUser: string },
): Promise<void> {
  const record = await readRecord('toekomst', id, database);
  if (!record) throw new Error('No such trajectory on this device.');
  const data = change(dataOf(record), record);
  const updated: PlainRecord = {
    ...record,
    ...assign,
    updatedAt: (context.now ?? new Date()).toISOString(),
    data,
  };
  delete updated.dueAt;
  Object.assign(updated, toekomstIndexFromData(data));
  await writeRecords([{ record: updated, op: 'put', payload: data }], database);
}

/** A toekomstmakelaar takes up a referral: the referrer sees "opgepakt"; it is now hers. */
export async function pickUp(
  id: string,
  context: ToekomstContext,
  database: DichtbijDb = db(),
): Promise<boolean> {
  const trajectory = await readTrajectory(id, database);
  if (!trajectory || !canMoveTrajectory(trajectory.status, 'opgepakt')) return false;
  await writeData(id, (d) => d, context, database, { assignedToUser: context.worker.id });
  await moveTo(trajectory, ['opgepakt'], context, database);
  return true;
}

/** Saves the toekomstgesprek (offline, encrypted); a referral still waiting is taken up with it. */
export async function saveIntake(
  id: string,
  input: unknown,
  context: ToekomstContext,
  database: DichtbijDb = db(),
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const at = (context.now ?? new Date()).toISOString();
  const checked = validateIntake({ ...(input as object), intakeAt: at });
  if (!checked.ok) return checked;
  const trajectory = await readTrajectory(id, database);
  if (!trajectory) return { ok: false, errors: [{ field: '', code: 'invalid' }] };
  await writeData(
    id,
    (d) => ({ ...d, ...checked.value, lastContactAt: at }),
    context,
    database,
    trajectory.status === 'verwezen' ? { assignedToUser: context.worker.id } : undefined,
  );
  if (trajectory.status === 'verwezen') await moveTo(trajectory, ['opgepakt'], context, database);
  return { ok: true };
}

function earliestDue(plan: PlanState): string | null {
  const open = dueSteps(plan, '9999-12-31').map((s) => s.dueAt ?? '');
  return open.sort()[0] ?? null;
}

export type StepOutcome =
  { ok: true; stepId: string } | { ok: false; problem: StepProblem | 'notFound' };

/**
 * Moves the plan on (a new step for an offer, or the next status of a step), checked by the pure
 * transition function; a refused step writes nothing. The trajectory's status follows (a first
 * step puts it "in traject", a job or training makes it "uitgestroomd"), and the earliest due
 * date goes into the index for her list.
 */
export async function recordStep(
  id: string,
  request: Omit<StepRequest, 'at'>,
  context: ToekomstContext,
  database: DichtbijDb = db(),
): Promise<StepOutcome> {
  const trajectory = await readTrajectory(id, database);
  if (!trajectory || !offerById(request.offerId)) return { ok: false, problem: 'notFound' };
  const at = (context.now ?? new Date()).toISOString();
  const result = planStep(trajectory.plan, { ...request, at, newStepId: newId() });
  if (!result.ok) return result;
  await appendEvent(
    'toekomst',
    id,
    { kind: 'step', body: result.body, createdBy: context.worker.id },
    database,
  );
  // Read back: the plan now includes the step just written (and any synced meanwhile).
  const plan = reducePlan(toPlanEvents(await listEvents('toekomst', id, database)));
  await writeData(
    id,
    (d) => ({ ...d, planDueAt: earliestDue(plan), lastContactAt: at }),
    context,
    database,
  );
  await moveTo(
    trajectory,
    trajectoryAfterStep(trajectory.status, result.body.to),
    context,
    database,
  );
  return { ok: true, stepId: result.body.stepId };
}

/** A warm handover to the partner that runs the step's offer: only with the resident's consent. */
export async function recordHandover(
  id: string,
  input: { stepId: string; consent: boolean; message: string },
  context: ToekomstContext,
  database: DichtbijDb = db(),
): Promise<
  { ok: true } | { ok: false; problem: 'notFound' | 'consentRequired' | 'messageRequired' }
> {
  const trajectory = await readTrajectory(id, database);
  const step = trajectory?.plan.steps.find((s) => s.id === input.stepId);
  const offer = step ? offerById(step.offerId) : undefined;
  if (!trajectory || !step || !offer) return { ok: false, problem: 'notFound' };
  if (!input.consent) return { ok: false, problem: 'consentRequired' };
  const body = handoverEventBodySchema.safeParse({
    stepId: step.id,
    offerId: offer.id,
    organisationId: offer.handoverTo,
    consent: true,
    message: input.message,
  });
  if (!body.success) return { ok: false, problem: 'messageRequired' };
  await appendEvent(
    'toekomst',
    id,
    { kind: 'handover', body: body.data, createdBy: context.worker.id },
    database,
  );
  return { ok: true };
}

/** She spoke with the resident: counts as "seen" for her list. */
export async function recordContact(
  id: string,
  context: ToekomstContext,
  database: DichtbijDb = db(),
): Promise<void> {
  const at = (context.now ?? new Date()).toISOString();
  await appendEvent(
    'toekomst',
    id,
    { kind: 'contact', body: { at }, createdBy: context.worker.id },
    database,
  );
  await writeData(id, (d) => ({ ...d, lastContactAt: at }), context, database);
}

export interface TrajectoryItem {
  id: string;
  status: ToekomstStatus;
  residentName: string | null;
  dueAt: string | null;
  updatedAt: string;
  createdBy: string | null;
}

export interface TrajectoryList {
  /** Referrals nobody took up yet. */
  newReferrals: TrajectoryItem[];
  /** Steps whose due date has come (the in-app reminders). */
  due: TrajectoryItem[];
  /** Picked up or in a plan, but nothing happened for NOT_SEEN_DAYS. */
  notSeen: TrajectoryItem[];
  /** Everyone, newest change first, one page. */
  all: { total: number; items: TrajectoryItem[] };
}

async function toItems(rows: readonly StoredRecord[]): Promise<TrajectoryItem[]> {
  return Promise.all(
    rows.map(async (row) => {
      const record = await openRecord(row);
      return {
        id: row.id,
        status: isToekomstStatus(row.status) ? row.status : 'verwezen',
        residentName: referralOf(record.data)?.residentName ?? null,
        dueAt: row.dueAt ?? null,
        updatedAt: row.updatedAt,
        createdBy: row.createdBy ?? null,
      };
    }),
  );
}

const SECTION_LIMIT = 20;

/**
 * Her list: what needs her next and everyone she works with. Sections are index queries (status,
 * dueAt, updatedAt in the clear); only the rows shown are decrypted, so thousands of residents
 * and their plan events cost one page of decryption.
 */
export async function listTrajectories(
  options: { now?: Date; offset?: number; limit?: number } = {},
  database: DichtbijDb = db(),
): Promise<TrajectoryList> {
  const now = options.now ?? new Date();
  const today = localDate(now);
  const seenCutoff = new Date(now.getTime() - NOT_SEEN_DAYS * DAY_MS).toISOString();
  const table = database.toekomst;
  const active = new Set<string>(['opgepakt', 'in-traject']);
  const [newRows, dueRows, notSeenRows, total, page] = await Promise.all([
    table.where('status').equals('verwezen').limit(SECTION_LIMIT).toArray(),
    table.where('dueAt').belowOrEqual(today).limit(SECTION_LIMIT).toArray(),
    table
      .where('updatedAt')
      .below(seenCutoff)
      .filter((r) => active.has(r.status ?? ''))
      .limit(SECTION_LIMIT)
      .toArray(),
    table.count(),
    table
      .orderBy('updatedAt')
      .reverse()
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 50)
      .toArray(),
  ]);
  const [newReferrals, due, notSeen, items] = await Promise.all([
    toItems(newRows),
    toItems(dueRows.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))),
    toItems(notSeenRows),
    toItems(page),
  ]);
  return { newReferrals, due, notSeen, all: { total, items } };
}

/** The referrals this worker made from one check or signal, with their status only. */
export async function referralsFrom(
  sourceId: string,
  workerId: string,
  database: DichtbijDb = db(),
): Promise<TrajectoryItem[]> {
  const rows = await database.toekomst.where('createdBy').equals(workerId).toArray();
  const mine: StoredRecord[] = [];
  for (const row of rows) {
    const record = await openRecord(row);
    if (referralOf(record.data)?.referredFromId === sourceId) mine.push(row);
  }
  return toItems(mine);
}

/** Every trajectory on the device with its plan, for her figures (decrypts all events). */
export async function allTrajectoryFacts(database: DichtbijDb = db()): Promise<TrajectoryFacts[]> {
  const rows = await database.toekomst.toArray();
  return Promise.all(
    rows.map(async (row) => {
      const status = isToekomstStatus(row.status) ? row.status : 'verwezen';
      const events = toPlanEvents(await listEvents('toekomst', row.id, database));
      return { status, plan: reducePlan(events), closedUnreached: closedUnreached(status, events) };
    }),
  );
}
