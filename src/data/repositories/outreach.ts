import { OPEN_STATUSES, isSignalStatus } from '../../domain/signals/lifecycle';
import type { SignalEventDraft } from '../../domain/signals/signal-events';
import { attemptKindSchema } from '../../domain/signals/outreach-values';
import type { AttemptKind } from '../../domain/signals/outreach-values';
import { parseSignalData } from '../../domain/signals/signal-schema';
import { DOOR_ATTEMPTS, sortDayList } from '../../domain/vroegsignalen/day-list';
import type { DayListItem } from '../../domain/vroegsignalen/day-list';
import { planAttempt, planOutcome } from '../../domain/vroegsignalen/outreach';
import { planDoorRefusal, planDoorTalk } from '../../domain/vroegsignalen/campaign-outcome';
import type { DoorAnswers } from '../../domain/signals/outreach-values';
import type { PlanInput, VisitOutcome, VisitProblem } from '../../domain/vroegsignalen/outreach';
import { isEncryptedBlob } from '../crypto/envelope';
import { LockedError } from '../crypto/errors';
import type { PlainRecord } from '../crypto/record-crypto';
import { eventContext, openRecord } from '../crypto/record-crypto';
import { decryptJson, isLocked } from '../crypto/vault';
import type { DichtbijDb, LocalEvent, StoredRecord } from '../db';
import { db } from '../db';
import { appendEvent, readRecord, writeRecords } from './records';
import type { SignalContext, SignalWorker } from './signals';
import { loadEvents } from './signals';

/**
 * Outreach on the device: the day list of a worker's assigned vroegsignalen, one event per
 * attempt, the outcomes of a visit, and assigning signals to a worker. Everything reads and
 * writes through the records repository, so it works offline, is encrypted at rest and syncs.
 */

export type OutreachProblem = VisitProblem | 'notFound' | 'notAllowed';

async function appendPlan(
  record: PlainRecord,
  drafts: readonly SignalEventDraft[],
  worker: SignalWorker,
  database: DichtbijDb,
): Promise<void> {
  // One by one, in order: ids are monotonic on this device, so equal timestamps keep the order.
  for (const draft of drafts) {
    await appendEvent(
      'signal',
      record.id,
      { kind: draft.kind, status: draft.status, body: draft.body, createdBy: draft.createdBy },
      database,
    );
  }
  // Whoever picks a signal up is the one to visit: it shows in her own list (as in signals.ts).
  if (drafts.some((d) => d.status === 'opgepakt') && record.assignedToUser !== worker.id) {
    const current = await readRecord('signal', record.id, database);
    if (current) {
      await writeRecords(
        [
          {
            record: { ...current, assignedToUser: worker.id, updatedAt: new Date().toISOString() },
            op: 'patch',
            payload: {},
          },
        ],
        database,
      );
    }
  }
}

async function planInput(id: string, database: DichtbijDb) {
  const record = await readRecord('signal', id, database);
  if (!record || record.deleted) return undefined;
  const events = await loadEvents(id, database);
  return {
    record,
    input: { start: { createdAt: record.createdAt, createdBy: record.createdBy }, events },
  };
}

function authorOf(context: SignalContext) {
  return {
    by: context.worker.id,
    authorRole: context.worker.role,
    authorTeamId: context.worker.teamId,
  };
}

type Planned = ReturnType<typeof planOutcome>;
type Written = { ok: true } | { ok: false; problem: OutreachProblem };

/**
 * The one way a visit tap is written: read the signal, plan its events at this moment by this
 * worker (the domain says what to append, or why nothing may be), append them in order.
 */
async function writePlanned(
  id: string,
  context: SignalContext,
  database: DichtbijDb,
  plan: (input: PlanInput, at: string, author: ReturnType<typeof authorOf>) => Planned,
): Promise<Written> {
  const found = await planInput(id, database);
  if (!found) return { ok: false, problem: 'notFound' };
  const planned = plan(found.input, (context.now ?? new Date()).toISOString(), authorOf(context));
  if (!planned.ok) return planned;
  await appendPlan(found.record, planned.events, context.worker, database);
  return { ok: true };
}

/** One tap on the visit screen: this attempt, now (or at `attemptAt`), by this worker. */
export function recordAttempt(
  id: string,
  attempt: AttemptKind,
  context: SignalContext & { attemptAt?: string },
  database: DichtbijDb = db(),
): Promise<Written> {
  return writePlanned(id, context, database, (input, at, author) =>
    planAttempt(input, { attempt, at, attemptAt: context.attemptAt, ...author }),
  );
}

/** The outcome of a visit or call (contact, help accepted or refused, no contact, resolved). */
export function recordOutcome(
  id: string,
  outcome: VisitOutcome,
  context: SignalContext,
  database: DichtbijDb = db(),
): Promise<Written> {
  return writePlanned(id, context, database, (input, at, author) =>
    planOutcome(input, outcome, { at, ...author }),
  );
}

/**
 * A campaign visit where the household talked: the attempt with the questionnaire's answers
 * (encrypted on the device with the event, like every event body) and the contact, in one go.
 */
export function recordDoorTalk(
  id: string,
  answers: DoorAnswers,
  context: SignalContext,
  database: DichtbijDb = db(),
): Promise<Written> {
  return writePlanned(id, context, database, (input, at, author) =>
    planDoorTalk(input, answers, { at, ...author }),
  );
}

/** A campaign visit where the household opened the door and declined. */
export function recordDoorRefusal(
  id: string,
  context: SignalContext,
  database: DichtbijDb = db(),
): Promise<Written> {
  return writePlanned(id, context, database, (input, at, author) =>
    planDoorRefusal(input, { at, ...author }),
  );
}

/**
 * Puts signals on a worker's day list (or takes them off, `userId` null). Only a wijkteam member
 * assigns, and only signals her team holds (assigned to the team, or in the team's wijken); the
 * server checks the same and that the assignee is herself or a member of her team.
 */
export async function assignSignals(
  ids: readonly string[],
  userId: string | null,
  worker: SignalWorker,
  database: DichtbijDb = db(),
): Promise<{ ok: true; assigned: number } | { ok: false; problem: OutreachProblem }> {
  if (worker.role !== 'wijkteam') return { ok: false, problem: 'notAllowed' };
  const now = new Date().toISOString();
  const writes = [];
  for (const id of ids) {
    const record = await readRecord('signal', id, database);
    if (!record || record.deleted) return { ok: false, problem: 'notFound' };
    const teamHolds =
      (worker.teamId !== null && record.assignedToTeam === worker.teamId) ||
      (record.wijk !== undefined && worker.wijken.includes(record.wijk));
    if (!teamHolds) return { ok: false, problem: 'notAllowed' };
    if ((record.assignedToUser ?? null) === userId) continue;
    const next: PlainRecord = { ...record, updatedAt: now };
    if (userId === null) delete next.assignedToUser;
    else next.assignedToUser = userId;
    writes.push({ record: next, op: 'patch' as const, payload: {} });
  }
  if (writes.length > 0) await writeRecords(writes, database);
  return { ok: true, assigned: writes.length };
}

/** The attempts of these signals, decrypted (only attempt events are opened), by signal id. */
async function attemptsBySignal(
  ids: readonly string[],
  database: DichtbijDb,
): Promise<Map<string, { attempt: AttemptKind; at: string }[]>> {
  const events = await database.events
    .where('[entityType+entityId]')
    .anyOf(ids.map((id) => ['signal', id]))
    .filter((e) => e.kind === 'attempt')
    .toArray();
  const out = new Map<string, { attempt: AttemptKind; at: string }[]>();
  await Promise.all(
    events.map(async (e: LocalEvent) => {
      if (!isEncryptedBlob(e.body)) return;
      const body = (await decryptJson(e.body, eventContext(e.id))) as Record<string, unknown>;
      const attempt = attemptKindSchema.safeParse(body.attempt);
      if (!attempt.success) return;
      const at = typeof body.attemptAt === 'string' ? body.attemptAt : e.createdAt;
      const list = out.get(e.entityId) ?? [];
      list.push({ attempt: attempt.data, at });
      out.set(e.entityId, list);
    }),
  );
  return out;
}

async function toDayListItem(
  stored: StoredRecord,
  attempts: readonly { attempt: AttemptKind; at: string }[],
): Promise<DayListItem | null> {
  const data = parseSignalData((await openRecord(stored)).data);
  // Vroegsignalen and door-to-door campaign addresses: the same visits (campaign.ts says why).
  if (!data || (data.source !== 'vroegsignaal' && data.source !== 'campagne')) return null;
  let last: { attempt: AttemptKind; at: string } | null = null;
  for (const a of attempts) if (!last || a.at > last.at) last = a;
  return {
    id: stored.id,
    status: isSignalStatus(stored.status) ? stored.status : 'nieuw',
    wijk: stored.wijk ?? null,
    street: data.street ?? data.contactValue,
    houseNumber: data.houseNumber ?? null,
    houseNumberSuffix: data.houseNumberSuffix ?? null,
    postcode: data.postcode ?? null,
    creditorType: data.creditorType ?? null,
    monthsInArrears: data.monthsInArrears ?? null,
    campaignName: data.campaignName ?? null,
    lastAttempt: last,
    visited: attempts.some((a) => DOOR_ATTEMPTS.includes(a.attempt)),
  };
}

/**
 * The worker's day list: her assigned open vroegsignalen in walking order. The candidates come
 * from the clear indexes (assignedToUser, status); only those are decrypted, with their attempt
 * events. Filtering the result is done in memory (see filterDayList).
 */
export async function loadDayList(
  worker: Pick<SignalWorker, 'id'>,
  database: DichtbijDb = db(),
): Promise<DayListItem[]> {
  if (isLocked()) throw new LockedError();
  const open = new Set<string>(OPEN_STATUSES);
  const rows = await database.signals
    .where('assignedToUser')
    .equals(worker.id)
    .filter((r) => !r.deleted && r.status !== undefined && open.has(r.status))
    .toArray();
  const attempts = await attemptsBySignal(
    rows.map((r) => r.id),
    database,
  );
  const items = await Promise.all(rows.map((r) => toDayListItem(r, attempts.get(r.id) ?? [])));
  return sortDayList(items.filter((i): i is DayListItem => i !== null));
}

/**
 * Open vroegsignalen the worker's team holds (assigned to the team, or in the team's wijken)
 * that are on nobody's list yet, in walking order, so she can take addresses on hers.
 */
export async function loadUnassignedVroegsignalen(
  worker: SignalWorker,
  database: DichtbijDb = db(),
): Promise<DayListItem[]> {
  if (isLocked()) throw new LockedError();
  if (worker.role !== 'wijkteam') return [];
  const open = new Set<string>(OPEN_STATUSES);
  const wijken = new Set(worker.wijken);
  const rows = await database.signals
    .filter(
      (r) =>
        !r.deleted &&
        !r.assignedToUser &&
        r.status !== undefined &&
        open.has(r.status) &&
        ((worker.teamId !== null && r.assignedToTeam === worker.teamId) ||
          (r.wijk !== undefined && wijken.has(r.wijk))),
    )
    .toArray();
  const items = await Promise.all(rows.map((r) => toDayListItem(r, [])));
  return sortDayList(items.filter((i): i is DayListItem => i !== null));
}
