import type { Selectable } from 'kysely';
import type { EntityType } from '../../domain/records/record-schema';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type {
  Conflict,
  ErrorReason,
  Mutation,
  PushResponse,
  PushResult,
  RecordChange,
} from '../../domain/sync/protocol';
import { canRead } from '../../domain/sync/scope';
import { applyOne } from './apply-mutation';
import { auditAction, insertAudit } from './audit-store';
import type { Database } from './database';
import type { Dialect } from './migrations';
import type { Db, Trx } from './rows';
import { lockCounter, recordRow, scopeOf, toRecordChange } from './rows';
import type { Actor } from './sync-storage';

export async function push(
  db: Db,
  dialect: Dialect,
  actor: Actor,
  mutations: readonly Mutation[],
  now: string,
): Promise<PushResponse> {
  return db.transaction().execute(async (trx) => {
    const start = await lockCounter(dialect, trx, 'version');
    let version = start;
    const allocate = () => ++version;

    const device = await trx
      .selectFrom('devices')
      .select(['last_seq'])
      .where('id', '=', actor.deviceId)
      .executeTakeFirst();
    let lastSeq = Number(device?.last_seq ?? 0);
    if (mutations.length === 0) return { results: [], lastSeq };

    const ids = [...new Set(mutations.map((m) => m.mutationId))];
    const seqs = [...new Set(mutations.map((m) => m.seq))];
    const prior = new Map(
      (await trx.selectFrom('mutations').selectAll().where('id', 'in', ids).execute()).map((r) => [
        r.id,
        r,
      ]),
    );
    const seqOwners = new Map(
      (
        await trx
          .selectFrom('mutations')
          .select(['seq', 'id'])
          .where('device_id', '=', actor.deviceId)
          .where('seq', 'in', seqs)
          .execute()
      ).map((r) => [Number(r.seq), r.id]),
    );
    const inBatch = new Map<string, PushResult>();
    const results: PushResult[] = [];
    const audit: NewAuditEntry[] = [];
    const who = {
      at: now,
      userId: actor.user.id,
      role: actor.user.role,
      deviceId: actor.deviceId,
    };

    for (const m of mutations) {
      const earlier = prior.get(m.mutationId);
      if (earlier) {
        const replayed = await replay(trx, actor, m, earlier);
        // The change was logged when it arrived; a resent answer only discloses the record again.
        if (replayed.record) {
          audit.push({ ...who, entityType: m.entityType, entityId: m.entityId, action: 'read' });
        }
        results.push(replayed);
        continue;
      }
      const same = inBatch.get(m.mutationId);
      if (same) {
        results.push({ ...same, duplicate: true });
        continue;
      }
      const seqOwner = seqOwners.get(m.seq);
      if (seqOwner !== undefined && seqOwner !== m.mutationId) {
        results.push({
          mutationId: m.mutationId,
          seq: m.seq,
          status: 'rejected',
          duplicate: false,
          reason: 'seqReused',
          message: 'This device already sent another change with this sequence number.',
        });
        audit.push({
          ...who,
          entityType: m.entityType,
          entityId: m.entityId,
          action: 'rejected',
        });
        continue;
      }
      const { created, ...outcome } = await applyOne(trx, actor, m, now, allocate);
      audit.push({
        ...who,
        entityType: m.entityType,
        entityId: m.entityId,
        action: auditAction(m, outcome.status, created === true),
      });
      await trx
        .insertInto('mutations')
        .values({
          id: m.mutationId,
          device_id: actor.deviceId,
          seq: m.seq,
          user_id: actor.user.id,
          status: outcome.status,
          reason: outcome.reason ?? null,
          message: outcome.message ?? null,
          conflicts: outcome.conflicts ? JSON.stringify(outcome.conflicts) : null,
          received_at: now,
        })
        .execute();
      for (const c of outcome.conflicts ?? []) {
        await trx
          .insertInto('conflicts')
          .values({
            id: c.id,
            mutation_id: m.mutationId,
            entity_type: c.entityType,
            entity_id: c.entityId,
            field: c.field,
            server_value: JSON.stringify(c.serverValue),
            client_value: JSON.stringify(c.clientValue),
            server_version: c.serverVersion,
            user_id: actor.user.id,
            device_id: actor.deviceId,
            created_at: now,
          })
          .execute();
      }
      const result: PushResult = {
        mutationId: m.mutationId,
        seq: m.seq,
        duplicate: false,
        ...outcome,
      };
      inBatch.set(m.mutationId, result);
      seqOwners.set(m.seq, m.mutationId);
      lastSeq = Math.max(lastSeq, m.seq);
      results.push(result);
    }

    if (device) {
      await trx
        .updateTable('devices')
        .set({ last_seq: lastSeq, last_seen_at: now })
        .where('id', '=', actor.deviceId)
        .execute();
    }
    if (version !== start) {
      await trx
        .updateTable('counters')
        .set({ value: version })
        .where('name', '=', 'version')
        .execute();
    }
    // In the same transaction: no change commits without its audit entry.
    await insertAudit(trx, audit);
    return { results, lastSeq };
  });
}

export async function replay(
  trx: Trx,
  actor: Actor,
  m: Mutation,
  earlier: Selectable<Database['mutations']>,
): Promise<PushResult> {
  if (earlier.user_id !== actor.user.id) {
    return {
      mutationId: m.mutationId,
      seq: m.seq,
      status: 'rejected',
      duplicate: true,
      reason: 'forbidden',
      message: 'This change id belongs to someone else.',
    };
  }
  const status = earlier.status as PushResult['status'];
  const result: PushResult = { mutationId: m.mutationId, seq: m.seq, status, duplicate: true };
  if (earlier.reason) result.reason = earlier.reason as ErrorReason;
  if (earlier.message) result.message = earlier.message;
  if (earlier.conflicts) result.conflicts = JSON.parse(earlier.conflicts) as Conflict[];
  if (status !== 'applied')
    result.record = await readableRecord(trx, actor, m.entityType, m.entityId);
  return result;
}

export async function readableRecord(
  trx: Trx,
  actor: Actor,
  entityType: EntityType,
  id: string,
): Promise<RecordChange | null> {
  const row = await recordRow(trx, entityType, id);
  return row && canRead(actor.user, scopeOf(row)) ? toRecordChange(row) : null;
}
