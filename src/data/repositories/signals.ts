/**
 * Signals on the device: creating one, reading one with its history, and recording its steps.
 * The lists over many signals are in signal-list.ts.
 */
import type { Role } from '../../domain/sync/roles';
import type { HandoverDirectory, HandoverTarget } from '../../domain/signals/handover';
import { resolveHandover } from '../../domain/signals/handover';
import type { SignalStatus } from '../../domain/signals/lifecycle';
import type {
  SignalEvent,
  SignalEventDraft,
  HelpOutcome,
} from '../../domain/signals/signal-events';
import type { SignalState } from '../../domain/signals/signal-state';
import type { TransitionProblem } from '../../domain/signals/signal-steps';
import { toSignalEvent } from '../../domain/signals/signal-events';
import { reduceSignal } from '../../domain/signals/signal-state';
import {
  handover,
  nextStepTime,
  note,
  recordHelp,
  transition,
} from '../../domain/signals/signal-steps';
import type { SignalData, SignalFieldError } from '../../domain/signals/signal-schema';
import {
  parseSignalData,
  signalDataFrom,
  validateNewSignal,
} from '../../domain/signals/signal-schema';
import { signalIndexFromData } from '../../domain/signals/signal-index';
import type { ContactIndicator } from '../../domain/signals/indicator';
import { contactAfterSignal } from '../../domain/signals/indicator';
import type { PlainRecord } from '../crypto/record-crypto';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { newId } from '../ids';
import { loadSetting, saveSetting } from '../settings';
import { appendEvent, listEvents, readRecord, writeRecords } from './records';
import { localDate } from '../../domain/calendar';

/** The signed-in worker as the signal repository needs her (a subset of the session's user). */
export interface SignalWorker {
  id: string;
  role: Role;
  teamId: string | null;
  wijken: readonly string[];
}

export interface SignalContext {
  worker: SignalWorker;
  directory: HandoverDirectory;
  /** Wijk ids the worker may pick; empty: any. */
  wijken: readonly string[];
  now?: Date;
}

const LAST_WIJK_SETTING = 'signals.lastWijk';

/** The wijk the worker chose last, so the form can preselect it. */
export async function lastSignalWijk(database: DichtbijDb = db()): Promise<string | undefined> {
  return loadSetting(LAST_WIJK_SETTING, database);
}

/**
 * Validates and saves a new signal. Nothing is written unless every field is right. A handover
 * at once puts the signal in the team's list in the same write (assignedToTeam); the handover
 * message follows as an event.
 */
export async function createSignal(
  input: unknown,
  context: SignalContext,
  database: DichtbijDb = db(),
): Promise<{ ok: true; id: string } | { ok: false; errors: SignalFieldError[] }> {
  const now = context.now ?? new Date();
  const checked = validateNewSignal(input, {
    today: localDate(now),
    directory: context.directory,
    wijken: context.wijken,
  });
  if (!checked.ok) return checked;
  const value = checked.value;
  const data = signalDataFrom(value);
  const at = now.toISOString();
  const id = newId();
  const record: PlainRecord = {
    id,
    entityType: 'signal',
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy: context.worker.id,
    wijk: value.wijk,
    status: 'nieuw',
    ...signalIndexFromData(data),
    data,
  };
  if (value.assignedToTeam) record.assignedToTeam = value.assignedToTeam;
  await writeRecords([{ record, op: 'put', payload: data }], database);
  if (value.handoverTo && value.assignedToTeam) {
    const body: SignalEvent['body'] = {
      target: { kind: 'team', id: value.assignedToTeam },
      authorRole: context.worker.role,
      authorTeamId: context.worker.teamId,
    };
    const message = value.handoverMessage?.trim();
    if (message) body.message = message;
    await appendEvent(
      'signal',
      id,
      { kind: 'handover', body, createdBy: context.worker.id },
      database,
    );
  }
  await saveSetting(LAST_WIJK_SETTING, value.wijk, database);
  return { ok: true, id };
}

export type SignalAction =
  | { type: 'help'; help: HelpOutcome }
  | {
      type: 'status';
      to: SignalStatus;
      message?: string;
      /** doorverwezen: the partner (or team) the resident is referred to. */
      target?: HandoverTarget;
      contactAt?: string;
    }
  | { type: 'handover'; target: HandoverTarget; message: string }
  | { type: 'note'; message: string };

export type ActionProblem =
  | TransitionProblem
  | 'notFound'
  | 'handoverUnknownTeam'
  | 'handoverUnknownOrganisation'
  | 'handoverExternal';

/** B1 Dutch explanations of refused actions; the app shows the translation when there is one. */
export const ACTION_PROBLEMS_NL: Record<ActionProblem, string> = {
  illegal: 'Deze stap kan nu niet. Kijk naar de status van het signaal.',
  outOfOrder: 'De tijd van deze stap ligt voor de vorige stap. Kijk de klok van het apparaat na.',
  targetRequired: 'Kies naar wie u doorverwijst.',
  messageRequired: 'Schrijf een kort bericht.',
  contactAtInvalid: 'Het moment van contact klopt niet. Het kan niet in de toekomst liggen.',
  contactFirst: 'Leg eerst contact vast. Daarna kunt u noteren of de bewoner hulp aanneemt.',
  helpToOnlyWhenAccepted: 'Kies alleen waar de bewoner naartoe gaat als zij de hulp aanneemt.',
  notFound: 'Dit signaal staat niet op dit apparaat.',
  handoverUnknownTeam: 'Dit team kennen we niet. Kies een team uit de lijst.',
  handoverUnknownOrganisation:
    'Deze organisatie kennen we niet, of zij neemt geen signalen aan. Kies uit de lijst.',
  handoverExternal:
    'Deze organisatie werkt niet in Dichtbij. Kies "Doorverwijzen" om haar in te schakelen.',
};

export interface SignalDetail {
  record: PlainRecord;
  /** Null when the stored data is not a signal this app version understands. */
  data: SignalData | null;
  state: SignalState;
}

/** A signal's events this app version understands, decrypted, oldest first. */
export async function loadEvents(id: string, database: DichtbijDb): Promise<SignalEvent[]> {
  const raw = await listEvents('signal', id, database);
  const events: SignalEvent[] = [];
  for (const e of raw) {
    const event = toSignalEvent(e);
    if (event) events.push(event);
  }
  return events;
}

/** One signal with its data, its history and its current state. Refuses while the vault is locked. */
export async function readSignal(
  id: string,
  database: DichtbijDb = db(),
): Promise<SignalDetail | undefined> {
  const record = await readRecord('signal', id, database);
  if (!record) return undefined;
  const events = await loadEvents(id, database);
  const state = reduceSignal({ createdAt: record.createdAt, createdBy: record.createdBy }, events);
  return { record, data: parseSignalData(record.data), state };
}

/**
 * Records a step on a signal: a status change, a warm handover to a team, or a note. The step is
 * checked against the lifecycle first; a refused step writes nothing. The event and, where the
 * step changes who works on the signal, the record's assignment are written together.
 */
export async function recordSignalEvent(
  id: string,
  action: SignalAction,
  context: SignalContext,
  database: DichtbijDb = db(),
): Promise<{ ok: true; eventId: string } | { ok: false; problem: ActionProblem }> {
  const detail = await readSignal(id, database);
  if (!detail) return { ok: false, problem: 'notFound' };
  const { record, state } = detail;
  const worker = context.worker;
  const at = nextStepTime(state, (context.now ?? new Date()).toISOString());
  const author = { authorRole: worker.role, authorTeamId: worker.teamId };
  const wijk = record.wijk ?? null;
  let draft: SignalEventDraft;
  let assign: { assignedToTeam?: string; assignedToUser?: string | null } = {};

  if (action.type === 'status') {
    let target = action.target;
    if (action.to === 'doorverwezen' && target) {
      const resolved = resolveHandover(target, wijk, context.directory);
      if (!resolved.ok) return { ok: false, problem: resolved.problem };
      if (resolved.value.kind === 'team') {
        target = { kind: 'team', id: resolved.value.teamId };
        assign = { assignedToTeam: resolved.value.teamId, assignedToUser: null };
      }
    }
    const result = transition(state, {
      to: action.to,
      at,
      by: worker.id,
      message: action.message,
      target,
      contactAt: action.contactAt,
      ...author,
    });
    if (!result.ok) return result;
    draft = result.event;
    // Whoever picks a signal up is the one to call: it shows in her own list.
    if (action.to === 'opgepakt') assign = { assignedToUser: worker.id };
  } else if (action.type === 'handover') {
    const resolved = resolveHandover(action.target, wijk, context.directory);
    if (!resolved.ok) return { ok: false, problem: resolved.problem };
    if (resolved.value.kind !== 'team') return { ok: false, problem: 'handoverExternal' };
    const result = handover(state, {
      target: { kind: 'team', id: resolved.value.teamId },
      at,
      by: worker.id,
      message: action.message,
      requireMessage: true,
      ...author,
    });
    if (!result.ok) return result;
    draft = result.event;
    // The receiving team decides who picks it up.
    assign = { assignedToTeam: resolved.value.teamId, assignedToUser: null };
  } else if (action.type === 'help') {
    const result = recordHelp(state, { help: action.help, at, by: worker.id, ...author });
    if (!result.ok) return result;
    draft = result.event;
  } else {
    const result = note(state, { message: action.message, at, by: worker.id, ...author });
    if (!result.ok) return result;
    draft = result.event;
  }

  const eventId = await appendEvent(
    'signal',
    id,
    { kind: draft.kind, status: draft.status, body: draft.body, createdBy: draft.createdBy },
    database,
  );
  const changes: Partial<PlainRecord> = {};
  if (assign.assignedToTeam !== undefined && assign.assignedToTeam !== record.assignedToTeam) {
    changes.assignedToTeam = assign.assignedToTeam;
  }
  if (
    assign.assignedToUser !== undefined &&
    assign.assignedToUser !== (record.assignedToUser ?? null)
  ) {
    changes.assignedToUser = assign.assignedToUser ?? undefined;
  }
  if (Object.keys(changes).length > 0) {
    // Read again: appendEvent has just moved the status on.
    const current = await readRecord('signal', id, database);
    if (current) {
      const next: PlainRecord = { ...current, ...changes, updatedAt: at };
      if (next.assignedToUser === undefined) delete next.assignedToUser;
      await writeRecords([{ record: next, op: 'patch', payload: {} }], database);
    }
  }
  return { ok: true, eventId };
}

/**
 * The seeds' indicator "contact na vroegsignaal" over the signals on this device. Reads the
 * events (bodies are decrypted only for the contact steps, which carry the contact moment).
 */
export async function contactIndicatorOnDevice(
  database: DichtbijDb = db(),
): Promise<ContactIndicator> {
  const signals = await database.signals.toArray();
  const items = await Promise.all(
    signals
      .filter((s) => !s.deleted)
      .map(async (s) => {
        const events = await loadEvents(s.id, database);
        const state = reduceSignal({ createdAt: s.createdAt, createdBy: s.createdBy }, events);
        return { createdAt: s.createdAt, firstContactAt: state.firstContactAt };
      }),
  );
  return contactAfterSignal(items);
}
