import { RECORD_SCHEMA_VERSION } from '../../domain/records/record-schema';
import { serverMadeRefusal } from '../../domain/vroegsignalen/server-made';
import type { FieldConflict, FieldStamp, FieldStamps } from '../../domain/sync/merge';
import {
  applyDecision,
  deleteConflicts,
  flatten,
  intendedChanges,
  mergeFields,
  unflatten,
} from '../../domain/sync/merge';
import type {
  Conflict,
  ErrorReason,
  Mutation,
  PushResult,
  RecordChange,
} from '../../domain/sync/protocol';
import { parseMutationPayload } from '../../domain/sync/protocol';
import type { RecordScope } from '../../domain/sync/scope';
import { canCreate, canDelete, canRead, canWrite } from '../../domain/sync/scope';
import type { Json } from './rows';
import { mergeableOf, recordKey, scopeOf, toRecordChange } from './rows';
import { mayWriteFields, recordForViewer } from './toekomst-visibility';
import type { WorkingSet } from './working-set';
import type { Actor, PushOptions } from './sync-storage';
import { erasedByRetention } from './vroeg-retention-store';

const NO_SUCH_RECORD = 'There is no record with this id that you may change.';
const ERASED = 'This vroegsignaal was erased after its retention period.';

/**
 * The id of the status event a patch with a new status writes. The ':' cannot occur in a
 * client's mutation id (see `clientIdSchema`), so no event a client names can ever take it.
 */
export function statusEventId(mutationId: string): string {
  return `${mutationId}:status`;
}

export interface Outcome {
  status: PushResult['status'];
  reason?: ErrorReason;
  message?: string;
  conflicts?: Conflict[];
  record?: RecordChange | null;
  /** For the audit log only; not part of the answer. */
  created?: boolean;
}

/**
 * Decides one mutation against the batch's working set: pure over memory, no statement. The
 * caller read (and locked) the touched rows before and writes what changed after, so the
 * version counter is only locked for the short write at the end.
 */
export function applyOne(
  ws: WorkingSet,
  actor: Actor,
  m: Mutation,
  now: string,
  options: PushOptions = {},
): Outcome {
  const allocate = () => ws.allocate();
  const { user, deviceId } = actor;
  const reject = (
    reason: ErrorReason,
    message: string,
    record: RecordChange | null = null,
  ): Outcome => ({
    status: 'rejected',
    reason,
    message,
    record,
  });
  // A record that does not exist and one the user may not read get the same answer, so
  // pushing guessed ids does not reveal which records exist.
  const noSuchRecord = () => reject('forbidden', NO_SUCH_RECORD);
  const idTaken = () =>
    reject('badRequest', 'This change id is already used on the server; send it with a new id.');
  if (m.schemaVersion > RECORD_SCHEMA_VERSION) {
    return reject('serverTooOld', 'This change was written by a newer app than the server knows.');
  }
  const parsed = parseMutationPayload(m);
  if (!parsed.ok) return reject('invalidPayload', parsed.message);
  const key = recordKey(m.entityType, m.entityId);
  const row = ws.rows.get(key);
  const readable = row !== undefined && canRead(user, scopeOf(row));
  const current = readable ? recordForViewer(user, toRecordChange(row)) : null;
  // Someone else's record is answered as if it did not exist: no leak of what is there.
  if (row && !readable) return noSuchRecord();
  if (!row && parsed.value.op !== 'put') return noSuchRecord();
  if (row && !mayWriteFields(user, m, parsed.value))
    return reject('forbidden', 'Only a toekomstmakelaar writes the toekomstgesprek.', current);
  const unknownValue = options.check?.(m, parsed.value);
  if (unknownValue) return reject('invalidPayload', unknownValue, current);

  const conflict = (field: FieldConflict, serverVersion: number): Conflict => ({
    id: `${m.mutationId}:${field.field}`,
    entityType: m.entityType,
    entityId: m.entityId,
    field: field.field,
    serverValue: field.serverValue,
    clientValue: field.clientValue,
    mutationId: m.mutationId,
    serverVersion,
    createdAt: now,
  });

  switch (parsed.value.op) {
    case 'put':
    case 'patch': {
      const payload = parsed.value.payload;
      if (!row) {
        if (parsed.value.op === 'patch') return noSuchRecord();
        const put = parsed.value.payload;
        const wijk = put.wijk ?? null;
        if (!canCreate(user, wijk)) return reject('forbidden', 'You may not create a record here.');
        const forged = m.entityType === 'signal' ? serverMadeRefusal(null, put.data) : null;
        if (forged) return reject('forbidden', forged);
        const v = allocate();
        const fields = flatten({
          wijk,
          assignedToUser: put.assignedToUser ?? null,
          assignedToTeam: put.assignedToTeam ?? null,
          data: put.data,
        });
        const stamp: FieldStamp = { v, d: deviceId };
        const stamps: FieldStamps = Object.fromEntries(Object.keys(fields).map((k) => [k, stamp]));
        const merged = unflatten(fields);
        ws.put(key, {
          entity_type: m.entityType,
          id: m.entityId,
          owner_id: user.id,
          team_id: user.teamId,
          wijk: merged.wijk,
          status: put.status ?? null,
          assigned_user: merged.assignedToUser,
          assigned_team: merged.assignedToTeam,
          created_at: m.createdAt,
          updated_at: now,
          deleted: 0,
          version: v,
          data: JSON.stringify(merged.data),
          stamps: JSON.stringify(stamps),
        });
        return { status: 'applied', created: true };
      }
      const stamps = JSON.parse(row.stamps) as FieldStamps;
      const conflicts: FieldConflict[] = [];
      let resurrect = false;
      if (Number(row.deleted) === 1) {
        const deletion = stamps.$deleted;
        // The law's retention erased it: an edit from before cannot bring any of it back.
        if (erasedByRetention(stamps)) return reject('recordDeleted', ERASED, current);
        if (deletion && deletion.v > m.baseVersion && deletion.d !== deviceId) {
          // Delete against a concurrent edit: keep the edit, and tell the editor it was deleted.
          resurrect = true;
          conflicts.push({ field: '$deleted', serverValue: true, clientValue: false });
        } else {
          return reject('recordDeleted', 'This record was deleted.', current);
        }
      }
      const flat = flatten(mergeableOf(row));
      const decision = mergeFields({
        current: flat,
        stamps,
        baseVersion: m.baseVersion,
        deviceId,
        changes: intendedChanges(parsed.value, flat),
      });
      conflicts.push(...decision.conflicts);
      const statusChange = payload.status !== undefined && payload.status !== row.status;
      const changesFields = Object.keys(decision.apply).length > 0;
      if (!changesFields && !statusChange && !resurrect) {
        if (conflicts.length === 0) return { status: 'applied' };
        return {
          status: 'conflict',
          conflicts: conflicts.map((c) => conflict(c, Number(row.version))),
          record: current,
        };
      }
      const stampBase = allocate();
      const stamp: FieldStamp = { v: stampBase, d: deviceId };
      const next = applyDecision(flat, stamps, decision.apply, stamp);
      if (resurrect) delete next.stamps.$deleted;
      const merged = unflatten(next.fields);
      const forged = m.entityType === 'signal' ? serverMadeRefusal(row.data, merged.data) : null;
      if (forged) return reject('forbidden', forged, current);
      const nextScope: RecordScope = {
        ...scopeOf(row),
        wijk: merged.wijk,
        assignedToUser: merged.assignedToUser,
        assignedToTeam: merged.assignedToTeam,
      };
      if (
        !canWrite(user, nextScope) ||
        (user.role === 'wijkteam' && merged.wijk !== row.wijk && !canCreate(user, merged.wijk))
      ) {
        return reject('forbidden', 'This change would move the record out of your scope.', current);
      }
      let status = row.status;
      if (statusChange) {
        status = payload.status ?? null;
        const eventId = statusEventId(m.mutationId);
        if (!insertEvent(ws, actor, m, eventId, 'status', status, null, allocate)) return idTaken();
      }
      const v = allocate();
      ws.put(key, {
        ...row,
        wijk: merged.wijk,
        assigned_user: merged.assignedToUser,
        assigned_team: merged.assignedToTeam,
        status,
        data: JSON.stringify(merged.data),
        stamps: JSON.stringify(next.stamps),
        deleted: 0,
        version: v,
        updated_at: now,
      });
      if (conflicts.length === 0) return { status: 'applied' };
      const after = ws.rows.get(key);
      return {
        status: 'conflict',
        conflicts: conflicts.map((c) => conflict(c, v)),
        record: after ? recordForViewer(user, toRecordChange(after)) : null,
      };
    }
    case 'delete': {
      if (!row) return noSuchRecord();
      if (!canDelete(user, scopeOf(row)))
        return reject('forbidden', 'You may not delete this record.', current);
      if (Number(row.deleted) === 1) return { status: 'applied' };
      const stamps = JSON.parse(row.stamps) as FieldStamps;
      if (deleteConflicts(stamps, m.baseVersion, deviceId).length > 0) {
        return {
          status: 'conflict',
          conflicts: [
            conflict(
              { field: '$deleted', serverValue: false, clientValue: true },
              Number(row.version),
            ),
          ],
          record: current,
        };
      }
      const v = allocate();
      stamps.$deleted = { v, d: deviceId };
      ws.put(key, {
        ...row,
        deleted: 1,
        version: v,
        updated_at: now,
        stamps: JSON.stringify(stamps),
      });
      return { status: 'applied' };
    }
    case 'event': {
      if (!row) return noSuchRecord();
      if (Number(row.deleted) === 1 && erasedByRetention(JSON.parse(row.stamps) as FieldStamps))
        return reject('recordDeleted', ERASED, current);
      if (!canWrite(user, scopeOf(row)))
        return reject('forbidden', 'You may not add to this record.', current);
      const event = parsed.value.payload;
      const status = event.kind === 'status' && event.status ? event.status : null;
      const body = event.body ?? null;
      if (!insertEvent(ws, actor, m, m.mutationId, event.kind, status, body, allocate))
        return idTaken();
      if (status !== null) {
        // Status follows the events in the order the server received them: deterministic, no conflict.
        ws.put(key, { ...row, status, version: allocate(), updated_at: now });
      }
      return { status: 'applied' };
    }
  }
}

function insertEvent(
  ws: WorkingSet,
  actor: Actor,
  m: Mutation,
  id: string,
  kind: string,
  status: string | null,
  body: Json | null,
  allocate: () => number,
): boolean {
  // An id already taken (e.g. by an event stored before ids were namespaced) is refused per
  // mutation; an insert that failed would abort the whole batch's transaction.
  if (ws.eventIds.has(id)) return false;
  ws.eventIds.add(id);
  const version = allocate();
  ws.events.push({
    id,
    entity_type: m.entityType,
    entity_id: m.entityId,
    kind,
    status,
    body: body === null ? null : JSON.stringify(body),
    created_at: m.createdAt,
    created_by: actor.user.id,
    device_id: actor.deviceId,
    version,
  });
  return true;
}
