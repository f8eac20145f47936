import type { Kysely } from 'kysely';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { FieldStamp, FieldStamps } from '../../domain/sync/merge';
import { flatten } from '../../domain/sync/merge';
import { OPEN_STATUSES } from '../../domain/signals/lifecycle';
import type { SignalData } from '../../domain/signals/signal-schema';
import { addressKey } from '../../domain/vroegsignalen/address';
import type { ImportRow } from '../../domain/vroegsignalen/import-row';
import type { ImportPlan, OpenImportedSignal } from '../../domain/vroegsignalen/import-plan';
import { dedupeKey } from '../../domain/vroegsignalen/import-plan';
import {
  mergeNote,
  mergedFields,
  signalDataFromReport,
  teamForWijk,
} from '../../domain/vroegsignalen/signal-from-report';
import { writeBatch } from './batch-write';
import type { Database } from './database';
import { updateInsightRollup } from './insight-rollup';
import type { Dialect } from './migrations';
import type { RecordRow, Trx } from './rows';
import { recordKey } from './rows';
import type { Actor } from './sync-storage';
import type { VroegTables } from './vroeg-tables';
import { WorkingSet, realVersion } from './working-set';
import type { VroegContext } from './vroeg-store';

/**
 * Writes an import's plan inside the caller's transaction: new signals and merges through the
 * push's writer (versions, change log, audit, insight rollup), and the import's own bookkeeping.
 * Split from vroeg-store.ts, which holds the store's transactions and the unplaced list.
 */

/** Keys per IN list: well under both stores' parameter limits. */
const CHUNK = 500;
/** Where imported signals come from in the record's owner column: no person's list. */
export const IMPORT_OWNER = 'vroegsignalering';

export type VDb = Kysely<Database & VroegTables>;

export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function postcodeKey(postcode: string): string {
  return `${postcode}|*`;
}

/** Reads what a plan needs, in the import's transaction (locked on PostgreSQL, see below). */
export async function readContext(
  v: VDb,
  rows: readonly ImportRow[],
  ignorePendingOf: ReadonlySet<string>,
): Promise<{
  knownRefs: Set<string>;
  open: Map<string, { signal: OpenImportedSignal; row: RecordRow }>;
  placements: Map<string, string>;
}> {
  const knownRefs = new Set<string>();
  for (const part of chunks([...new Set(rows.map((r) => r.externalRef))])) {
    const found = await v
      .selectFrom('vroeg_refs')
      .select(['external_ref', 'state'])
      .where('external_ref', 'in', part)
      .execute();
    for (const f of found) {
      // Placing an address takes up its own waiting reports: those are not "imported before".
      if (f.state === 'pending' && ignorePendingOf.has(f.external_ref)) continue;
      knownRefs.add(f.external_ref);
    }
  }
  const open = new Map<string, { signal: OpenImportedSignal; row: RecordRow }>();
  // Two steps, not a join: with a join SQLite may walk every signal for each key list.
  const keyOf = new Map<string, string>();
  for (const part of chunks([...new Set(rows.map(dedupeKey))])) {
    const found = await v
      .selectFrom('vroeg_signals')
      .select(['signal_id', 'dedupe_key'])
      .where('dedupe_key', 'in', part)
      .execute();
    for (const f of found) keyOf.set(f.signal_id, f.dedupe_key);
  }
  for (const part of chunks([...keyOf.keys()])) {
    const found = await v
      .selectFrom('records')
      .selectAll()
      .where('entity_type', '=', 'signal')
      .where('id', 'in', part)
      .where('deleted', '=', 0)
      .where('status', 'in', [...OPEN_STATUSES])
      .execute();
    for (const row of found) {
      const dedupe_key = keyOf.get(row.id);
      if (dedupe_key === undefined) continue;
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const signal: OpenImportedSignal = {
        id: row.id,
        arrearsCents: Number(data.arrearsCents ?? 0),
        monthsInArrears: Number(data.monthsInArrears ?? 1),
        reportedOn: typeof data.reportedOn === 'string' ? data.reportedOn : '0000-00-00',
      };
      // Two open signals for one key cannot come from imports; should one exist, the newest wins.
      const before = open.get(dedupe_key);
      if (!before || before.signal.reportedOn <= signal.reportedOn)
        open.set(dedupe_key, { signal, row });
    }
  }
  const placements = new Map<string, string>();
  const keys = [...new Set(rows.flatMap((r) => [addressKey(r), postcodeKey(r.postcode)]))];
  for (const part of chunks(keys)) {
    const found = await v
      .selectFrom('vroeg_placements')
      .select(['address_key', 'wijk'])
      .where('address_key', 'in', part)
      .execute();
    for (const f of found) placements.set(f.address_key, f.wijk);
  }
  return { knownRefs, open, placements };
}

export interface Applied {
  created: number;
  merged: number;
  withoutTeam: number;
}

/** Signals per batch write: bounds the memory an import of 100,000 rows takes at once. */
const SLICE = 5000;

/**
 * Writes a plan: new signals and merges through the push's batch writer (versions, the change
 * log devices pull, the audit entries) and the coordinator's rollup, then the import's own
 * bookkeeping. All inside the caller's transaction, in slices of SLICE signals (versions stay
 * in order: each slice locks the counter after the one before).
 */
export async function applyPlan(
  trx: Trx,
  dialect: Dialect,
  actor: Actor,
  importId: string,
  plan: ImportPlan,
  open: ReadonlyMap<string, { signal: OpenImportedSignal; row: RecordRow }>,
  context: VroegContext,
  now: string,
): Promise<Applied> {
  const applied: Applied = {
    created: plan.create.length,
    merged: plan.merge.length,
    withoutTeam: 0,
  };
  for (let i = 0; i < Math.max(plan.create.length, plan.merge.length); i += SLICE) {
    const slice = {
      ...plan,
      create: plan.create.slice(i, i + SLICE),
      merge: plan.merge.slice(i, i + SLICE),
    };
    applied.withoutTeam += await applySlice(
      trx,
      dialect,
      actor,
      importId,
      slice,
      open,
      context,
      now,
    );
  }
  return applied;
}

async function applySlice(
  trx: Trx,
  dialect: Dialect,
  actor: Actor,
  importId: string,
  plan: ImportPlan,
  open: ReadonlyMap<string, { signal: OpenImportedSignal; row: RecordRow }>,
  context: VroegContext,
  now: string,
): Promise<number> {
  const v = trx.withTables<VroegTables>();
  const ws = new WorkingSet();
  const audit: NewAuditEntry[] = [];
  const who = { at: now, userId: actor.user.id, role: actor.user.role, deviceId: actor.deviceId };
  const signalRows: { signal_id: string; dedupe_key: string }[] = [];
  const refRows: {
    external_ref: string;
    import_id: string;
    signal_id: string | null;
    state: string;
  }[] = [];
  let withoutTeam = 0;
  for (const c of plan.create) {
    const id = `vs-${crypto.randomUUID()}`;
    const data = signalDataFromReport(c.row, importId, context.today);
    const team = teamForWijk(c.wijk, context.teams);
    if (team === null) withoutTeam += 1;
    putServerSignal(ws, {
      id,
      owner: IMPORT_OWNER,
      team,
      wijk: c.wijk,
      deviceId: actor.deviceId,
      now,
      data,
    });
    audit.push({ ...who, entityType: 'signal', entityId: id, action: 'create' });
    signalRows.push({ signal_id: id, dedupe_key: c.key });
    for (const ref of c.refs)
      refRows.push({ external_ref: ref, import_id: importId, signal_id: id, state: 'created' });
  }
  for (const m of plan.merge) {
    for (const ref of m.refs)
      refRows.push({
        external_ref: ref,
        import_id: importId,
        signal_id: m.signalId,
        state: 'merged',
      });
    const current = open.get(m.key)?.row;
    // An older report than the signal already holds changes nothing but is remembered.
    if (!m.row || !current) continue;
    const data = {
      ...(JSON.parse(current.data) as Record<string, unknown>),
      ...mergedFields(m.row),
    };
    const stamps = JSON.parse(current.stamps) as FieldStamps;
    const version = ws.allocate();
    for (const field of Object.keys(mergedFields(m.row)))
      stamps[`data.${field}`] = { v: version, d: actor.deviceId };
    // The note keeps the history: what was reported, when, over the earlier figures.
    const eventVersion = ws.allocate();
    const eventId = `${importId}:${m.signalId}`;
    ws.events.push({
      id: eventId,
      entity_type: 'signal',
      entity_id: m.signalId,
      kind: 'note',
      status: null,
      body: JSON.stringify({ message: mergeNote(m.row), authorRole: actor.user.role }),
      created_at: now,
      created_by: actor.user.id,
      device_id: actor.deviceId,
      version: eventVersion,
    });
    ws.put(recordKey('signal', m.signalId), {
      ...current,
      data: JSON.stringify(data),
      stamps: JSON.stringify(stamps),
      version,
      updated_at: now,
    });
    audit.push({ ...who, entityType: 'signal', entityId: m.signalId, action: 'update' });
    audit.push({ ...who, entityType: 'signal', entityId: m.signalId, action: 'event' });
  }
  const written = [...ws.written].flatMap((key) => {
    const row = ws.rows.get(key);
    return row ? [row] : [];
  });
  const base = await writeBatch(trx, dialect, {
    allocated: ws.allocated,
    device: null,
    audit,
    records: written,
    events: ws.events,
    moves: ws.moves,
    mutations: [],
    conflicts: [],
  });
  await updateInsightRollup(
    trx,
    written.map((row) => ({ ...row, version: realVersion(Number(row.version), base) })),
    ws.events.map((e) => ({ ...e, version: realVersion(Number(e.version), base) })),
  );
  for (const part of chunks(signalRows)) await v.insertInto('vroeg_signals').values(part).execute();
  for (const part of chunks(refRows)) {
    await v
      .insertInto('vroeg_refs')
      .values(part)
      .onConflict((oc) =>
        oc.column('external_ref').doUpdateSet((eb) => ({
          import_id: eb.ref('excluded.import_id'),
          signal_id: eb.ref('excluded.signal_id'),
          state: eb.ref('excluded.state'),
        })),
      )
      .execute();
  }
  return withoutTeam;
}

/**
 * A new signal record the server itself makes (an import's vroegsignaal, a campaign's address):
 * unassigned, status nieuw, every field stamped with this version, in the working set's write.
 */
export function putServerSignal(
  ws: WorkingSet,
  signal: {
    id: string;
    owner: string;
    team: string | null;
    wijk: string;
    deviceId: string;
    now: string;
    data: SignalData;
  },
): void {
  const version = ws.allocate();
  const stamp: FieldStamp = { v: version, d: signal.deviceId };
  const fields = flatten({
    wijk: signal.wijk,
    assignedToUser: null,
    assignedToTeam: null,
    data: signal.data,
  });
  const stamps: FieldStamps = Object.fromEntries(Object.keys(fields).map((k) => [k, stamp]));
  ws.put(recordKey('signal', signal.id), {
    entity_type: 'signal',
    id: signal.id,
    owner_id: signal.owner,
    team_id: signal.team,
    wijk: signal.wijk,
    status: 'nieuw',
    assigned_user: null,
    assigned_team: null,
    created_at: signal.now,
    updated_at: signal.now,
    deleted: 0,
    version,
    data: JSON.stringify(signal.data),
    stamps: JSON.stringify(stamps),
  });
}
