import type { Insertable, Selectable } from 'kysely';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { Mutation, PushResponse, PushResult } from '../../domain/sync/protocol';
import { canRead } from '../../domain/sync/scope';
import { applyOne } from './apply-mutation';
import { readBatch } from './batch-read';
import { auditAction } from './audit-store';
import { planInsightRollup } from './insight-rollup';
import type { ConflictsTable, Database, MutationsTable } from './database';
import type { Db, Trx } from './rows';
import { lockCounter, recordKey, scopeOf, toRecordChange } from './rows';
import { recordForViewer } from './toekomst-visibility';
import type { Actor, PushOptions } from './sync-storage';
import { WorkingSet, realResult, realVersion } from './working-set';
import { writeBatch } from './batch-write';
import { releaseReservation, reserveVersions } from './version-reservations';

/**
 * PostgreSQL errors a push is simply tried again after: deadlock, serialization, a row another
 * push inserted first, its versions not reserved in time (lock timeout, see kysely-storage.ts),
 * its reservation swept as stale, or a prepared statement whose result columns a migration by
 * another instance changed (prepared-statements.ts: the retry sends it unnamed).
 */
const RETRYABLE = new Set(['40P01', '40001', '23505', '55P03', '0A000', 'reservation-lost']);
const ATTEMPTS = 5;

/**
 * Where a push takes its versions. SQLite: from the counter, inside the push (one writer).
 * PostgreSQL: reserved on `allocator`, a pool of its own, in a short transaction of their own
 * (version-reservations.ts), so no lock is held from one push's versions to its commit.
 */
export type VersionSource = { dialect: 'sqlite' } | { dialect: 'postgres'; allocator: Db };

/**
 * Applies a batch in one transaction, in three steps:
 * 1. read what the batch needs (batch-read.ts: on PostgreSQL one statement), locking the
 *    touched records (PostgreSQL, in key order so two pushes cannot deadlock on them);
 * 2. decide every mutation in memory, with placeholder versions;
 * 3. take the versions (version-reservations.ts), work out the coordinator's counts, turn the
 *    placeholders into real versions and write everything (batch-write.ts: on PostgreSQL one
 *    statement, which also ends the reservation), then commit.
 * A reader that sees version n still sees everything below n, while pushes on any number of
 * PostgreSQL instances decide, write and commit in parallel.
 */
export async function push(
  db: Db,
  versions: VersionSource,
  actor: Actor,
  mutations: readonly Mutation[],
  now: string,
  options: PushOptions = {},
): Promise<PushResponse> {
  for (let attempt = 1; ; attempt += 1) {
    const reserved: { base: number | null } = { base: null };
    try {
      return await db
        .transaction()
        .execute((trx) => pushOnce(trx, versions, reserved, actor, mutations, now, options));
    } catch (error) {
      if (versions.dialect === 'postgres' && reserved.base !== null) {
        // Versions that will never be written must not hold pulls back until the sweep.
        await releaseReservation(versions.allocator, reserved.base).catch(() => undefined);
      }
      const code = (error as { code?: unknown }).code;
      if (versions.dialect !== 'postgres' || attempt >= ATTEMPTS || !RETRYABLE.has(String(code)))
        throw error;
    }
  }
}

async function pushOnce(
  trx: Trx,
  versions: VersionSource,
  reserved: { base: number | null },
  actor: Actor,
  mutations: readonly Mutation[],
  now: string,
  options: PushOptions,
): Promise<PushResponse> {
  const { dialect } = versions;
  const inputs = await readBatch(trx, dialect, actor.deviceId, mutations);
  let lastSeq = inputs.lastSeq ?? 0;
  if (mutations.length === 0) return { results: [], lastSeq };
  const { prior, seqOwners } = inputs;
  const ws = new WorkingSet();
  for (const row of inputs.records) ws.rows.set(recordKey(row.entity_type, row.id), row);
  // Event ids the batch could write that are taken already: refused per mutation, not a 500.
  for (const id of inputs.takenEventIds) ws.eventIds.add(id);

  const inBatch = new Map<string, PushResult>();
  const results: PushResult[] = [];
  const audit: NewAuditEntry[] = [];
  const newMutations: Insertable<MutationsTable>[] = [];
  const who = { at: now, userId: actor.user.id, role: actor.user.role, deviceId: actor.deviceId };

  for (const m of mutations) {
    const earlier = prior.get(m.mutationId);
    if (earlier) {
      const replayed = replay(ws, actor, m, earlier);
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
      audit.push({ ...who, entityType: m.entityType, entityId: m.entityId, action: 'rejected' });
      continue;
    }
    const { created, ...outcome } = applyOne(ws, actor, m, now, options);
    audit.push({
      ...who,
      entityType: m.entityType,
      entityId: m.entityId,
      action: auditAction(m, outcome.status, created === true),
    });
    newMutations.push({
      id: m.mutationId,
      device_id: actor.deviceId,
      seq: m.seq,
      user_id: actor.user.id,
      status: outcome.status,
      reason: outcome.reason ?? null,
      message: outcome.message ?? null,
      conflicts: null,
      received_at: now,
    });
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

  const conflictRows: Insertable<ConflictsTable>[] = [];
  for (const row of newMutations) {
    const conflicts = inBatch.get(row.id)?.conflicts;
    if (!conflicts) continue;
    // Placeholder versions in here too: the batch writer makes them real.
    row.conflicts = JSON.stringify(conflicts);
    for (const c of conflicts) {
      conflictRows.push({
        id: c.id,
        mutation_id: row.id,
        entity_type: c.entityType,
        entity_id: c.entityId,
        field: c.field,
        server_value: JSON.stringify(c.serverValue),
        client_value: JSON.stringify(c.clientValue),
        server_version: c.serverVersion,
        user_id: actor.user.id,
        device_id: actor.deviceId,
        created_at: now,
      });
    }
  }
  // In the same transaction: no change commits without its audit entry.
  const written = [...ws.written].flatMap((key) => {
    const row = ws.rows.get(key);
    return row ? [row] : [];
  });
  const base = await takeVersions(trx, versions, ws.allocated, reserved);
  // The coordinator's counts move with the records, in the same transaction, with the real
  // versions (a placeholder stored in its facts would outrank every later version).
  const rollup = await planInsightRollup(
    trx,
    written.map((row) => ({ ...row, version: realVersion(Number(row.version), base) })),
    ws.events.map((e) => ({ ...e, version: realVersion(Number(e.version), base) })),
  );
  await writeBatch(
    trx,
    dialect,
    {
      allocated: ws.allocated,
      device: inputs.lastSeq !== undefined ? { id: actor.deviceId, lastSeq, seenAt: now } : null,
      audit,
      records: written,
      events: ws.events,
      moves: ws.moves,
      mutations: newMutations,
      conflicts: conflictRows,
      rollup,
    },
    base,
  );
  const answers = results.map((r) => realResult(r, base));
  return { results: answers, lastSeq };
}

/**
 * The value this push's versions start above. SQLite: the counter, which its one writer holds
 * (the batch writer moves it). PostgreSQL: a reservation of its own, ended by the write and
 * noted in `reserved`, so that a failed attempt releases it.
 */
async function takeVersions(
  trx: Trx,
  versions: VersionSource,
  count: number,
  reserved: { base: number | null },
): Promise<number> {
  if (versions.dialect === 'sqlite') return lockCounter('sqlite', trx, 'version');
  if (count === 0) return 0;
  reserved.base = await reserveVersions(versions.allocator, count);
  return reserved.base;
}

/** A mutation seen before: answer what was answered then, with the record as it is now. */
function replay(
  ws: WorkingSet,
  actor: Actor,
  m: Mutation,
  earlier: Selectable<Database['mutations']>,
): PushResult {
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
  if (earlier.reason) result.reason = earlier.reason as PushResult['reason'];
  if (earlier.message) result.message = earlier.message;
  if (earlier.conflicts)
    result.conflicts = JSON.parse(earlier.conflicts) as PushResult['conflicts'];
  if (status !== 'applied') {
    const row = ws.rows.get(recordKey(m.entityType, m.entityId));
    result.record =
      row && canRead(actor.user, scopeOf(row))
        ? recordForViewer(actor.user, toRecordChange(row))
        : null;
  }
  return result;
}
