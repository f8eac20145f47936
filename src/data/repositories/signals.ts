import type { Role } from '../../domain/sync/roles';
import type { SignalCategoryId } from '../../domain/signals/categories';
import { isSignalCategoryId } from '../../domain/signals/categories';
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
import { OPEN_STATUSES, isOverdue, isSignalStatus } from '../../domain/signals/lifecycle';
import { toSignalEvent } from '../../domain/signals/signal-events';
import { reduceSignal } from '../../domain/signals/signal-state';
import {
  handover,
  nextStepTime,
  note,
  recordHelp,
  transition,
} from '../../domain/signals/signal-steps';
import type { SignalData, SignalFieldError, Urgency } from '../../domain/signals/signal-schema';
import {
  URGENCIES,
  parseSignalData,
  signalDataFrom,
  validateNewSignal,
} from '../../domain/signals/signal-schema';
import { signalIndexFromData } from '../../domain/signals/signal-index';
import type { ContactIndicator } from '../../domain/signals/indicator';
import { contactAfterSignal } from '../../domain/signals/indicator';
import type { IntervalTree, ObservabilitySet } from 'dexie';
import { Dexie } from 'dexie';
import type { PlainRecord } from '../crypto/record-crypto';
import { openRecord } from '../crypto/record-crypto';
import type { DichtbijDb, StoredRecord } from '../db';
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

export type SignalScope = 'mine' | 'team' | 'all';

export interface SignalListQuery {
  scope: SignalScope;
  /** Statuses to show; `open` and `closed` are the usual groups. Empty or undefined: all. */
  statuses?: readonly SignalStatus[];
  category?: SignalCategoryId;
  urgency?: Urgency;
  wijk?: string;
  overdue?: boolean;
  offset?: number;
  limit?: number;
}

export interface SignalListItem {
  id: string;
  status: SignalStatus;
  category: SignalCategoryId | null;
  urgency: Urgency | null;
  wijk: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  createdBy: string | null;
  assignedToTeam: string | null;
  assignedToUser: string | null;
  /** From the decrypted data; null when the data could not be read. */
  residentName: string | null;
}

type Keys = Set<string>;

function intersect(sets: Keys[]): Keys {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  if (!smallest) return out;
  for (const k of smallest) if (rest.every((s) => s.has(k))) out.add(k);
  return out;
}

async function keysWhere(
  database: DichtbijDb,
  index: string,
  values: readonly string[],
): Promise<Keys> {
  const table = database.signals;
  const lists = await Promise.all(
    values.map((v) => table.where(index).equals(v).primaryKeys() as Promise<string[]>),
  );
  const out = new Set<string>();
  for (const list of lists) for (const k of list) out.add(k);
  return out;
}

/**
 * The candidate ids for a query, by intersecting index key lists. Only keys are read, never
 * records, so a filter over 20,000 signals costs a few index scans and no decryption.
 */
async function candidateKeys(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
  database: DichtbijDb,
): Promise<Keys | 'all'> {
  const sets: Promise<Keys>[] = [];
  if (query.scope === 'mine') {
    sets.push(
      Promise.all([
        keysWhere(database, 'createdBy', [worker.id]),
        keysWhere(database, 'assignedToUser', [worker.id]),
      ]).then(([a, b]) => new Set([...a, ...b])),
    );
  } else if (query.scope === 'team') {
    sets.push(
      Promise.all([
        worker.teamId ? keysWhere(database, 'assignedToTeam', [worker.teamId]) : new Set<string>(),
        keysWhere(database, 'wijk', worker.wijken),
      ]).then(([a, b]) => new Set([...a, ...b])),
    );
  }
  const statuses = query.overdue
    ? (query.statuses?.length ? query.statuses : OPEN_STATUSES).filter((s) =>
        OPEN_STATUSES.includes(s),
      )
    : query.statuses;
  if (statuses && statuses.length > 0) sets.push(keysWhere(database, 'status', statuses));
  if (query.category) sets.push(keysWhere(database, 'category', [query.category]));
  if (query.urgency) sets.push(keysWhere(database, 'urgency', [query.urgency]));
  if (query.wijk) sets.push(keysWhere(database, 'wijk', [query.wijk]));
  if (query.overdue) {
    sets.push(
      database.signals
        .where('dueAt')
        .below(today)
        .primaryKeys()
        .then((keys) => new Set(keys as string[])),
    );
  }
  if (sets.length === 0) return 'all';
  return intersect(await Promise.all(sets));
}

/** Below this many matches the page is sorted from the records themselves; above it, from the dueAt index. */
const SMALL_RESULT = 300;

/** Order of every list: soonest due first, no due date last, then newest first (ids are ULIDs). */
function byDueThenNewest(a: IndexRow, b: IndexRow): number {
  const da = a.dueAt ?? '9999-99-99';
  const dbb = b.dueAt ?? '9999-99-99';
  if (da !== dbb) return da < dbb ? -1 : 1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

async function toListItem(stored: StoredRecord, today: string): Promise<SignalListItem> {
  const status = isSignalStatus(stored.status) ? stored.status : 'nieuw';
  let residentName: string | null = null;
  try {
    const data = parseSignalData((await openRecord(stored)).data);
    residentName = data?.residentName ?? null;
  } catch {
    // Locked or unreadable: the list still shows the clear fields.
  }
  return {
    id: stored.id,
    status,
    category: isSignalCategoryId(stored.category) ? stored.category : null,
    urgency: URGENCIES.find((u) => u === stored.urgency) ?? null,
    wijk: stored.wijk ?? null,
    dueAt: stored.dueAt ?? null,
    overdue: isOverdue(status, stored.dueAt, today),
    createdAt: stored.createdAt,
    createdBy: stored.createdBy ?? null,
    assignedToTeam: stored.assignedToTeam ?? null,
    assignedToUser: stored.assignedToUser ?? null,
    residentName,
  };
}

async function pageItems(
  database: DichtbijDb,
  ids: readonly string[],
  today: string,
): Promise<SignalListItem[]> {
  const page = (await database.signals.bulkGet([...ids])).filter(
    (r): r is StoredRecord => r !== undefined && !r.deleted,
  );
  return Promise.all(page.map((r) => toListItem(r, today)));
}

/**
 * One signal as the in-memory list index keeps it: the stored row itself, clear index fields
 * and the still encrypted data, so a page of a list is decrypted without reading IndexedDB again.
 */
type IndexRow = StoredRecord;

/**
 * A copy of the signals' clear index fields in memory, sorted in list order, so a change of
 * filter is a scan of small objects instead of several IndexedDB index scans. It follows every
 * committed change to the signals table (this tab and, through Dexie, other tabs): changed keys
 * are re-read on the next query; a clear or range delete drops the copy. Personal data never
 * enters it.
 */
interface ListIndex {
  rows: Map<string, IndexRow> | null;
  sorted: IndexRow[] | null;
  dirty: Set<string>;
  invalidated: boolean;
  building: Promise<void> | null;
}

const listIndexes = new WeakMap<DichtbijDb, ListIndex>();

/** Adds the single keys of a mutated-keys tree to `into`; false when it holds a range (rebuild). */
function collectKeys(tree: IntervalTree, into: Set<string>): boolean {
  const stack: IntervalTree[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('from' in node)) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return false;
    into.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}

function listIndexFor(database: DichtbijDb): ListIndex {
  const existing = listIndexes.get(database);
  if (existing) return existing;
  const index: ListIndex = {
    rows: null,
    sorted: null,
    dirty: new Set(),
    invalidated: false,
    building: null,
  };
  const prefix = `idb://${database.name}/signals/`;
  const listener = (parts: ObservabilitySet) => {
    const keys = parts[prefix];
    if (!keys) return;
    if (!collectKeys(keys, index.dirty)) {
      index.invalidated = true;
      index.rows = null;
      index.sorted = null;
    }
  };
  Dexie.on.storagemutated.subscribe(listener);
  database.on('close', () => Dexie.on.storagemutated.unsubscribe(listener));
  listIndexes.set(database, index);
  return index;
}

function buildListIndex(database: DichtbijDb, index: ListIndex): Promise<void> {
  index.building ??= (async () => {
    index.invalidated = false;
    index.dirty.clear();
    const rows = new Map<string, IndexRow>();
    for (const r of await database.signals.toArray()) if (!r.deleted) rows.set(r.id, r);
    // A clear or range delete during the read makes this copy unreliable: read again next time.
    if (!index.invalidated) {
      index.rows = rows;
      index.sorted = [...rows.values()].sort(byDueThenNewest);
    }
  })().finally(() => {
    index.building = null;
  });
  return index.building;
}

/** Builds the in-memory list index now (e.g. while the start page shows), so the first filter is fast too. */
export async function warmSignalList(database: DichtbijDb = db()): Promise<void> {
  const index = listIndexFor(database);
  if (index.rows === null) await buildListIndex(database, index);
}

/** The sorted rows when the in-memory index is ready; undefined while it is still being built. */
async function warmRows(database: DichtbijDb): Promise<IndexRow[] | undefined> {
  const index = listIndexFor(database);
  if (index.rows === null) return undefined;
  if (index.dirty.size > 0) {
    const ids = [...index.dirty];
    index.dirty.clear();
    const records = await database.signals.bulkGet(ids);
    const rows = index.rows;
    if (rows === null) return undefined;
    ids.forEach((id, i) => {
      const r = records[i];
      if (r && !r.deleted) rows.set(id, r);
      else rows.delete(id);
    });
    index.sorted = null;
  }
  index.sorted ??= [...index.rows.values()].sort(byDueThenNewest);
  return index.sorted;
}

function matcher(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
): (row: IndexRow) => boolean {
  const statuses = query.overdue
    ? (query.statuses?.length ? query.statuses : OPEN_STATUSES).filter((s) =>
        OPEN_STATUSES.includes(s),
      )
    : (query.statuses ?? []);
  const statusSet = new Set<string>(statuses);
  const wijken = new Set(worker.wijken);
  return (row) => {
    if (query.scope === 'mine' && row.createdBy !== worker.id && row.assignedToUser !== worker.id) {
      return false;
    }
    if (
      query.scope === 'team' &&
      !(worker.teamId !== null && row.assignedToTeam === worker.teamId) &&
      !(row.wijk !== undefined && wijken.has(row.wijk))
    ) {
      return false;
    }
    if (statusSet.size > 0 && (row.status === undefined || !statusSet.has(row.status)))
      return false;
    if (query.category && row.category !== query.category) return false;
    if (query.urgency && row.urgency !== query.urgency) return false;
    if (query.wijk && row.wijk !== query.wijk) return false;
    if (query.overdue && (row.dueAt === undefined || row.dueAt >= today)) return false;
    return true;
  };
}

/**
 * One page of signals for a list, soonest due first (no due date last, then newest), with the
 * total count. Filters run on the clear index fields only; only the page is decrypted.
 *
 * The first query after start-up is answered from the Dexie indexes (intersecting key lists,
 * no records read) while the in-memory list index is built; later queries use that index.
 */
export async function listSignals(
  query: SignalListQuery,
  worker: SignalWorker,
  options: { now?: Date } = {},
  database: DichtbijDb = db(),
): Promise<{ total: number; items: SignalListItem[] }> {
  const today = localDate(options.now ?? new Date());
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const rows = await warmRows(database);
  if (rows) {
    const matches = matcher(query, worker, today);
    let total = 0;
    const page: IndexRow[] = [];
    for (const row of rows) {
      if (!matches(row)) continue;
      if (total >= offset && page.length < limit) page.push(row);
      total += 1;
    }
    // Only the rows on the page are decrypted, from the copy in memory (no IndexedDB read).
    return { total, items: await Promise.all(page.map((r) => toListItem(r, today))) };
  }
  const first = await listFromIndexes(query, worker, today, offset, limit, database);
  // Built after the first page is on screen, so it does not slow that page down.
  buildListIndex(database, listIndexFor(database)).catch(() => {
    // A closed database: the next query answers from the indexes again and retries.
  });
  return first;
}

async function listFromIndexes(
  query: SignalListQuery,
  worker: SignalWorker,
  today: string,
  offset: number,
  limit: number,
  database: DichtbijDb,
): Promise<{ total: number; items: SignalListItem[] }> {
  const candidates = await candidateKeys(query, worker, today, database);
  const table = database.signals;
  if (candidates !== 'all' && candidates.size <= SMALL_RESULT) {
    const records = (await table.bulkGet([...candidates])).filter(
      (r): r is StoredRecord => r !== undefined && !r.deleted,
    );
    records.sort(byDueThenNewest);
    const page = records.slice(offset, offset + limit);
    return {
      total: records.length,
      items: await Promise.all(page.map((r) => toListItem(r, today))),
    };
  }
  // Large result: walk the dueAt index in order and keep the candidates; signals without a due
  // date (not in that index) come after, newest first.
  const ordered = (await table.orderBy('dueAt').primaryKeys()) as string[];
  const all =
    candidates === 'all'
      ? new Set((await table.toCollection().primaryKeys()) as string[])
      : candidates;
  const inOrder = candidates === 'all' ? ordered : ordered.filter((k) => candidates.has(k));
  let rest: string[] = [];
  if (inOrder.length < all.size) {
    const withDue = new Set(inOrder);
    rest = [...all].filter((k) => !withDue.has(k)).sort((a, b) => (a < b ? 1 : -1));
  }
  const pageIds = [...inOrder, ...rest].slice(offset, offset + limit);
  return { total: all.size, items: await pageItems(database, pageIds, today) };
}

/** The number of the worker's open signals past their due date (mine and my team's), for the start page. */
export async function countOverdueSignals(
  worker: SignalWorker,
  options: { now?: Date } = {},
  database: DichtbijDb = db(),
): Promise<number> {
  const today = localDate(options.now ?? new Date());
  const rows = await warmRows(database);
  if (rows) {
    const mine = matcher({ scope: 'mine', overdue: true }, worker, today);
    const team = matcher({ scope: 'team', overdue: true }, worker, today);
    return rows.filter((r) => mine(r) || team(r)).length;
  }
  const [mine, team] = await Promise.all([
    candidateKeys({ scope: 'mine', overdue: true }, worker, today, database),
    candidateKeys({ scope: 'team', overdue: true }, worker, today, database),
  ]);
  const ids = new Set<string>();
  for (const set of [mine, team]) if (set !== 'all') for (const k of set) ids.add(k);
  return ids.size;
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
