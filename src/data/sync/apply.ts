import type { EntityType } from '../../domain/records/record-schema';
import type { Mutation, PushResponse, RecordChange } from '../../domain/sync/protocol';
import { mutationSchema, parseMutationPayload } from '../../domain/sync/protocol';
import type { Conflict } from '../../domain/sync/protocol';
import type { DichtbijDb, OutboxEntry, RejectedEntry, StoredConflict, StoredRecord } from '../db';
import { openRecord, sealRecord } from '../crypto/record-crypto';
import { tableFor } from '../repositories/records';
import { META_CURSOR } from './session-store';
import {
  asData,
  fromChange,
  groupPending,
  localView,
  MAX_PREPARE_ATTEMPTS,
  openPending,
  recordKey,
  recordTables,
  seqsOf,
  withDerivedIndex,
} from './local-view';

export interface CursorState {
  cursor: number | null;
  scopeVersion: number | null;
}

export async function readCursor(database: DichtbijDb): Promise<CursorState> {
  const row = await database.meta.get(META_CURSOR);
  const value = row?.value as Partial<CursorState> | undefined;
  return { cursor: value?.cursor ?? null, scopeVersion: value?.scopeVersion ?? null };
}

function definedMeta(entry: OutboxEntry): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(entry.meta ?? {})) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function wirePayload(entry: OutboxEntry): unknown {
  switch (entry.op) {
    case 'put': {
      const payload: Record<string, unknown> = {
        ...definedMeta(entry),
        data: asData(entry.payload),
      };
      if (entry.changedFields) payload.changed = entry.changedFields;
      return payload;
    }
    case 'patch':
      return { ...definedMeta(entry), data: asData(entry.payload) };
    case 'delete':
      return {};
    case 'event':
      return entry.payload === undefined ? {} : JSON.parse(JSON.stringify(entry.payload));
  }
}

/** Builds the wire form of an outbox entry; entries that could never be valid are reported instead. */
export function toWireMutation(
  entry: OutboxEntry,
): { ok: true; mutation: Mutation } | { ok: false; message: string } {
  const candidate = {
    mutationId: entry.mutationId,
    seq: entry.seq,
    entityType: entry.entityType,
    entityId: entry.entityId,
    op: entry.op,
    baseVersion: entry.baseVersion,
    schemaVersion: entry.schemaVersion,
    createdAt: entry.createdAt,
    payload: wirePayload(entry),
  };
  const parsed = mutationSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: parsed.error.message };
  const payload = parseMutationPayload(parsed.data);
  if (!payload.ok) return { ok: false, message: payload.message };
  return { ok: true, mutation: parsed.data };
}

/** Seals a conflict's two values like record data; the rest stays clear for lists. */
async function sealConflict(c: Conflict, database: DichtbijDb): Promise<StoredConflict> {
  const { serverValue, clientValue, ...rest } = c;
  const carrier = await sealRecord(
    {
      id: c.id,
      entityType: c.entityType,
      version: 0,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
      data: { serverValue, clientValue },
    },
    database,
  );
  return { ...rest, values: carrier.data };
}

/** A stored conflict with both values readable, for the screen where a person resolves it. */
export async function openConflict(stored: StoredConflict): Promise<Conflict> {
  const { values, ...rest } = stored;
  const opened = await openRecord({
    id: stored.id,
    entityType: stored.entityType,
    version: 0,
    createdAt: stored.createdAt,
    updatedAt: stored.createdAt,
    data: values,
  });
  const data = opened.data as {
    serverValue: Conflict['serverValue'];
    clientValue: Conflict['clientValue'];
  };
  return { ...rest, serverValue: data.serverValue, clientValue: data.clientValue };
}

export interface PushTally {
  applied: number;
  conflicts: number;
  rejected: number;
}

/**
 * Applies the server's answers in one transaction: applied and duplicate entries leave the
 * outbox, refused ones move to `rejected` and lost fields to `conflicts`, both kept for a person.
 * Records whose change did not go through as sent are reset to the server's state (with any
 * newer local changes replayed on top).
 */
export async function applyPushResults(
  database: DichtbijDb,
  sent: readonly OutboxEntry[],
  response: PushResponse,
  now = new Date().toISOString(),
): Promise<PushTally> {
  const byId = new Map(sent.map((e) => [e.mutationId, e]));
  for (let attempt = 1; attempt <= MAX_PREPARE_ATTEMPTS + 1; attempt += 1) {
    // Prepared outside the transaction: sealing is async (see applyPullPage).
    const answered = new Set(
      response.results.map((r) => r.mutationId).filter((id) => byId.has(id)),
    );
    const before = groupPending(
      (await database.outbox.toArray()).filter((e) => !answered.has(e.mutationId)),
    );
    const touched = new Map<
      string,
      { entityType: EntityType; id: string; record: RecordChange | null }
    >();
    const conflicts: Promise<StoredConflict>[] = [];
    for (const result of response.results) {
      const entry = byId.get(result.mutationId);
      if (!entry) continue;
      if (result.status === 'conflict')
        conflicts.push(...(result.conflicts ?? []).map((c) => sealConflict(c, database)));
      if (result.status !== 'applied' && result.record !== undefined) {
        touched.set(recordKey(entry.entityType, entry.entityId), {
          entityType: entry.entityType,
          id: entry.entityId,
          record: result.record,
        });
      }
    }
    const opened = await openPending(before, touched.keys(), database);
    const views = new Map<string, StoredRecord | null>();
    for (const [k, t] of touched) {
      const mine = opened.get(k);
      if (t.record && (mine || !t.record.deleted)) {
        views.set(
          k,
          await sealRecord(
            withDerivedIndex(mine ? localView(t.record, mine) : fromChange(t.record)),
            database,
          ),
        );
      } else if (!mine) {
        views.set(k, null);
      }
    }
    const sealedConflicts = await Promise.all(conflicts);
    const lastTry = attempt > MAX_PREPARE_ATTEMPTS;

    const tally = await database.transaction(
      'rw',
      [
        ...recordTables(database),
        database.events,
        database.outbox,
        database.conflicts,
        database.rejected,
      ],
      async (): Promise<PushTally | undefined> => {
        const pending = groupPending(
          (await database.outbox.toArray()).filter((e) => !answered.has(e.mutationId)),
        );
        const stale = [...touched.keys()].some((k) => seqsOf(pending, k) !== seqsOf(before, k));
        if (stale && !lastTry) return undefined;
        const counts: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
        for (const result of response.results) {
          const entry = byId.get(result.mutationId);
          if (!entry || entry.seq === undefined) continue;
          await database.outbox.delete(entry.seq);
          if (result.status === 'applied') {
            counts.applied += 1;
          } else if (result.status === 'conflict') {
            counts.conflicts += 1;
          } else {
            counts.rejected += 1;
            const rejected: RejectedEntry = {
              mutationId: entry.mutationId,
              entityType: entry.entityType,
              entityId: entry.entityId,
              entry,
              reason: result.reason ?? 'rejected',
              rejectedAt: now,
            };
            if (result.message) rejected.message = result.message;
            await database.rejected.put(rejected);
            if (entry.op === 'event') await database.events.delete(entry.mutationId);
          }
        }
        if (sealedConflicts.length > 0) await database.conflicts.bulkPut(sealedConflicts);
        if (stale) return counts;
        for (const [k, view] of views) {
          const t = touched.get(k);
          if (!t) continue;
          const table = tableFor(database, t.entityType);
          if (view === null) {
            // The server has no record this user may see; the refused write is kept in `rejected`.
            // Nothing of it is pending any more (else `view` would hold it), so its events go too.
            await table.delete(t.id);
            await database.events
              .where('[entityType+entityId]')
              .equals([t.entityType, t.id])
              .delete();
            continue;
          }
          const local = await table.get(t.id);
          if (local && local.version > view.version) continue;
          await table.put(view);
        }
        return counts;
      },
    );
    if (tally) return tally;
  }
  throw new Error('unreachable: the last attempt always applies');
}
