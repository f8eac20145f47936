import type { EntityType } from '../../domain/records/record-schema';
import type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuditQuery,
  NewAuditEntry,
} from '../../domain/sync/audit';
import { DEFAULT_AUDIT_PAGE } from '../../domain/sync/audit';
import type { Mutation, PushResult } from '../../domain/sync/protocol';
import type { Role } from '../../domain/sync/roles';
import type { Db, Executor } from './rows';
import type { Dialect } from './migrations';
import { sql } from 'kysely';

/** Rows per audit insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const AUDIT_CHUNK = 1000;

/** Audit timestamps compare as text, so filters are normalised to the stored ISO form. */
function isoOf(value: string): string {
  return new Date(value).toISOString();
}

export function auditAction(
  m: Mutation,
  status: PushResult['status'],
  created: boolean,
): AuditAction {
  if (status !== 'applied') return status;
  if (m.op === 'event' || m.op === 'delete') return m.op;
  return created ? 'create' : 'update';
}

/** An audit entry as its row: the columns of `audit_log`. */
export function auditRow(e: NewAuditEntry) {
  return {
    at: e.at,
    user_id: e.userId,
    role: e.role,
    device_id: e.deviceId,
    entity_type: e.entityType,
    entity_id: e.entityId,
    action: e.action,
  };
}

export async function insertAudit(
  executor: Executor,
  entries: readonly NewAuditEntry[],
  dialect?: Dialect,
): Promise<void> {
  if (dialect === 'postgres' && entries.length > 0) {
    // A pull page reads up to hundreds of records: one JSON parameter instead of 7 per row,
    // which PostgreSQL parses and plans far faster.
    const rows = entries.map(auditRow);
    await sql`insert into audit_log (at, user_id, role, device_id, entity_type, entity_id, action)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(at text,
        user_id text, role text, device_id text, entity_type text, entity_id text, action text)`.execute(
      executor,
    );
    return;
  }
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await executor
      .insertInto('audit_log')
      .values(entries.slice(i, i + AUDIT_CHUNK).map(auditRow))
      .execute();
  }
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
  let q = db.selectFrom('audit_log').selectAll();
  if (query.userId !== undefined) q = q.where('user_id', '=', query.userId);
  if (query.deviceId !== undefined) q = q.where('device_id', '=', query.deviceId);
  if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.from !== undefined) q = q.where('at', '>=', isoOf(query.from));
  if (query.to !== undefined) q = q.where('at', '<', isoOf(query.to));
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  // One row more than asked tells whether an older page exists.
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map((r): AuditEntry => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id,
    role: r.role as Role,
    deviceId: r.device_id,
    entityType: r.entity_type as EntityType,
    entityId: r.entity_id,
    action: r.action as AuditAction,
  }));
  const last = entries.at(-1);
  return { entries, nextBefore: rows.length > limit && last ? last.id : null };
}

/**
 * Removes entries older than `before` and, when any went, writes `entry` for the removal
 * itself in the same transaction.
 */
export async function purgeAudit(db: Db, before: string, entry: NewAuditEntry): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
    const removed = Number(result.numDeletedRows);
    if (removed > 0) await insertAudit(trx, [entry]);
    return removed;
  });
}
