import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Expression, SqlBool, Selectable, Transaction } from 'kysely';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { RECORD_SCHEMA_VERSION } from '../../domain/records/record-schema';
import type { EntityType } from '../../domain/records/record-schema';
import type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuditQuery,
  NewAuditEntry,
} from '../../domain/sync/audit';
import { DEFAULT_AUDIT_PAGE } from '../../domain/sync/audit';
import type {
  FieldConflict,
  FieldStamp,
  FieldStamps,
  MergeableRecord,
} from '../../domain/sync/merge';
import {
  applyDecision,
  deleteConflicts,
  flatten,
  intendedChanges,
  mergeFields,
  unflatten,
} from '../../domain/sync/merge';
import type {
  Change,
  Conflict,
  ErrorReason,
  Mutation,
  PullResponse,
  PushResponse,
  PushResult,
  RecordChange,
  RecordData,
} from '../../domain/sync/protocol';
import { parseMutationPayload } from '../../domain/sync/protocol';
import type { Role, ScopeUser } from '../../domain/sync/roles';
import type { ReadScope, RecordScope } from '../../domain/sync/scope';
import { canCreate, canDelete, canRead, canWrite, readScope } from '../../domain/sync/scope';
import { signalEventForViewer, type EventAuthor } from '../../domain/signals/note-visibility';
import type { Database, DevicesTable, RecordsTable, UsersTable } from './database';
import type { Dialect } from './migrations';
import { migrationProvider } from './migrations';
import type {
  Actor,
  AggregateCell,
  DeviceRecord,
  LoginAttemptTimes,
  NewUser,
  StoredCatalogue,
  SyncStorage,
  UserRecord,
} from './sync-storage';

type Trx = Transaction<Database>;
type Executor = Kysely<Database> | Trx;
type RecordRow = Selectable<RecordsTable>;
type Json = RecordData[string];

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    organisationId: row.organisation_id,
    wijken: JSON.parse(row.wijken) as string[],
    passwordHash: row.password_hash,
    scopeVersion: Number(row.scope_version),
    disabled: Number(row.disabled) === 1,
  };
}

function toDevice(row: Selectable<DevicesTable>): DeviceRecord {
  return {
    id: row.id,
    userId: row.user_id,
    lastSeq: Number(row.last_seq),
    refreshHash: row.refresh_hash,
    refreshExpiresAt: row.refresh_expires_at,
    revokedAt: row.revoked_at,
    lostAt: row.lost_at,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** Rows per audit insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const AUDIT_CHUNK = 1000;

/** Audit timestamps compare as text, so filters are normalised to the stored ISO form. */
function isoOf(value: string): string {
  return new Date(value).toISOString();
}

function auditAction(m: Mutation, status: PushResult['status'], created: boolean): AuditAction {
  if (status !== 'applied') return status;
  if (m.op === 'event' || m.op === 'delete') return m.op;
  return created ? 'create' : 'update';
}

function scopeOf(
  row: Pick<RecordRow, 'owner_id' | 'team_id' | 'wijk' | 'assigned_user' | 'assigned_team'>,
): RecordScope {
  return {
    ownerId: row.owner_id,
    teamId: row.team_id,
    wijk: row.wijk,
    assignedToUser: row.assigned_user,
    assignedToTeam: row.assigned_team,
  };
}

function mergeableOf(row: RecordRow): MergeableRecord {
  return {
    wijk: row.wijk,
    assignedToUser: row.assigned_user,
    assignedToTeam: row.assigned_team,
    data: JSON.parse(row.data) as RecordData,
  };
}

function toRecordChange(row: RecordRow): RecordChange {
  const deleted = Number(row.deleted) === 1;
  return {
    kind: 'record',
    entityType: row.entity_type as EntityType,
    id: row.id,
    version: Number(row.version),
    deleted,
    ownerId: row.owner_id,
    teamId: row.team_id,
    wijk: row.wijk,
    status: row.status,
    assignedToUser: row.assigned_user,
    assignedToTeam: row.assigned_team,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // A tombstone tells devices to drop their copy; it does not carry the data again.
    data: deleted ? {} : (JSON.parse(row.data) as RecordData),
  };
}

/** The scope as SQL over the records table (optionally aliased), mirroring `matchesScope`. */
function scopeSql(
  scope: Extract<ReadScope, { kind: 'records' }>,
  alias: string,
): Expression<SqlBool> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const parts = [sql`${col('owner_id')} = ${scope.ownerId}`];
  if (scope.assignedToUser !== null)
    parts.push(sql`${col('assigned_user')} = ${scope.assignedToUser}`);
  if (scope.assignedToTeam !== null)
    parts.push(sql`${col('assigned_team')} = ${scope.assignedToTeam}`);
  if (scope.team !== null && scope.team.wijken.length > 0) {
    parts.push(
      sql`(${col('team_id')} = ${scope.team.teamId} and ${col('wijk')} in (${sql.join([...scope.team.wijken])}))`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

interface Outcome {
  status: PushResult['status'];
  reason?: ErrorReason;
  message?: string;
  conflicts?: Conflict[];
  record?: RecordChange | null;
  /** For the audit log only; not part of the answer. */
  created?: boolean;
}

/** One implementation for both dialects: the queries are the same, only DDL and locking differ. */
export class KyselySyncStorage implements SyncStorage {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;

  constructor(dialect: Dialect, db: Kysely<Database>) {
    this.dialect = dialect;
    this.db = db;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('Migration failed');
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async settingOrInit(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  }

  async createUser(user: NewUser, now: string): Promise<boolean> {
    const rows = await this.db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        team_id: user.teamId,
        organisation_id: user.organisationId,
        wijken: JSON.stringify(user.wijken),
        password_hash: user.passwordHash,
        scope_version: 0,
        disabled: 0,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('email').execute();
    return rows.map(toUser);
  }

  async updateUserScope(
    id: string,
    scope: Pick<ScopeUser, 'role' | 'teamId' | 'wijken'>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({
        role: scope.role,
        team_id: scope.teamId,
        wijken: JSON.stringify(scope.wijken),
        scope_version: sql<number>`scope_version + 1`,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async getDevice(id: string): Promise<DeviceRecord | undefined> {
    const row = await this.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDevice(row) : undefined;
  }

  async listDevices(userId?: string): Promise<DeviceRecord[]> {
    let query = this.db.selectFrom('devices').selectAll();
    if (userId !== undefined) query = query.where('user_id', '=', userId);
    const rows = await query.orderBy('last_seen_at', 'desc').orderBy('id').execute();
    return rows.map(toDevice);
  }

  async saveDeviceLogin(
    deviceId: string,
    userId: string,
    refreshHash: string,
    refreshExpiresAt: string,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('devices')
      .values({
        id: deviceId,
        user_id: userId,
        last_seq: 0,
        refresh_hash: refreshHash,
        refresh_expires_at: refreshExpiresAt,
        revoked_at: null,
        created_at: now,
        last_seen_at: now,
        lost_at: null,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          user_id: userId,
          refresh_hash: refreshHash,
          refresh_expires_at: refreshExpiresAt,
          revoked_at: null,
          last_seen_at: now,
        }),
      )
      .execute();
  }

  async rotateRefresh(
    deviceId: string,
    oldHash: string,
    newHash: string,
    refreshExpiresAt: string,
    now: string,
  ): Promise<boolean> {
    // Compare-and-swap in one statement, so two instances cannot both accept the same token.
    const result = await this.db
      .updateTable('devices')
      .set({ refresh_hash: newHash, refresh_expires_at: refreshExpiresAt, last_seen_at: now })
      .where('id', '=', deviceId)
      .where('refresh_hash', '=', oldHash)
      .where('revoked_at', 'is', null)
      .where('refresh_expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeDevice(deviceId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('devices')
      .set({ revoked_at: now, refresh_hash: null, refresh_expires_at: null })
      .where('id', '=', deviceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markDeviceLost(deviceId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('devices')
      .set({
        revoked_at: sql<string>`coalesce(revoked_at, ${now})`,
        lost_at: sql<string>`coalesce(lost_at, ${now})`,
        refresh_hash: null,
        refresh_expires_at: null,
      })
      .where('id', '=', deviceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordLoginAttempt(
    attemptId: string,
    keys: readonly string[],
    at: string,
    since: string,
  ): Promise<LoginAttemptTimes> {
    // No transaction on purpose: the insert must be visible to parallel attempts before they count.
    await this.db
      .insertInto('login_attempts')
      .values(keys.map((key) => ({ id: attemptId, key, at })))
      .execute();
    await this.db.deleteFrom('login_attempts').where('at', '<', since).execute();
    const rows = await this.db
      .selectFrom('login_attempts')
      .select(['key', 'at'])
      .where('key', 'in', [...keys])
      .where('at', '>=', since)
      .orderBy('at')
      .execute();
    const times: LoginAttemptTimes = Object.fromEntries(keys.map((k) => [k, []]));
    for (const row of rows) times[row.key]?.push(row.at);
    return times;
  }

  async forgetLoginAttempt(attemptId: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
  }

  async clearLoginAttempts(key: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('key', '=', key).execute();
  }

  async appendAudit(entries: readonly NewAuditEntry[]): Promise<void> {
    await this.insertAudit(this.db, entries);
  }

  private async insertAudit(executor: Executor, entries: readonly NewAuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
      await executor
        .insertInto('audit_log')
        .values(
          entries.slice(i, i + AUDIT_CHUNK).map((e) => ({
            at: e.at,
            user_id: e.userId,
            role: e.role,
            device_id: e.deviceId,
            entity_type: e.entityType,
            entity_id: e.entityId,
            action: e.action,
          })),
        )
        .execute();
    }
  }

  async listAudit(query: AuditQuery): Promise<AuditPage> {
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
    let q = this.db.selectFrom('audit_log').selectAll();
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
   * Reads the counter and, on PostgreSQL, locks its row until commit. Every write transaction
   * takes this lock first, so versions are handed out and committed in one order: a reader that
   * saw version n has seen everything below n (PostgreSQL sequences do not promise that).
   */
  private async lockCounter(trx: Trx, name: string): Promise<number> {
    const query = trx.selectFrom('counters').select('value').where('name', '=', name);
    const row = await (
      this.dialect === 'postgres' ? query.forUpdate() : query
    ).executeTakeFirstOrThrow();
    return Number(row.value);
  }

  async push(actor: Actor, mutations: readonly Mutation[], now: string): Promise<PushResponse> {
    return this.db.transaction().execute(async (trx) => {
      const start = await this.lockCounter(trx, 'version');
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
        (await trx.selectFrom('mutations').selectAll().where('id', 'in', ids).execute()).map(
          (r) => [r.id, r],
        ),
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
          const replayed = await this.replay(trx, actor, m, earlier);
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
        const { created, ...outcome } = await this.applyOne(trx, actor, m, now, allocate);
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
      await this.insertAudit(trx, audit);
      return { results, lastSeq };
    });
  }

  /** A mutation seen before: answer what was answered then, with the record as it is now. */
  private async replay(
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
      result.record = await this.readableRecord(trx, actor, m.entityType, m.entityId);
    return result;
  }

  private async readableRecord(
    trx: Trx,
    actor: Actor,
    entityType: EntityType,
    id: string,
  ): Promise<RecordChange | null> {
    const row = await this.recordRow(trx, entityType, id);
    return row && canRead(actor.user, scopeOf(row)) ? toRecordChange(row) : null;
  }

  private async recordRow(
    trx: Trx,
    entityType: string,
    id: string,
  ): Promise<RecordRow | undefined> {
    return trx
      .selectFrom('records')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  private async applyOne(
    trx: Trx,
    actor: Actor,
    m: Mutation,
    now: string,
    allocate: () => number,
  ): Promise<Outcome> {
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
    if (m.schemaVersion > RECORD_SCHEMA_VERSION) {
      return reject(
        'serverTooOld',
        'This change was written by a newer app than the server knows.',
      );
    }
    const parsed = parseMutationPayload(m);
    if (!parsed.ok) return reject('invalidPayload', parsed.message);
    const row = await this.recordRow(trx, m.entityType, m.entityId);
    const readable = row !== undefined && canRead(user, scopeOf(row));
    const current = readable ? toRecordChange(row) : null;
    // Someone else's record is answered as if it did not exist: no leak of what is there.
    if (row && !readable) return reject('forbidden', 'This record is not yours to change.');

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
          if (parsed.value.op === 'patch')
            return reject('notFound', 'There is no such record to change.');
          const put = parsed.value.payload;
          const wijk = put.wijk ?? null;
          if (!canCreate(user, wijk))
            return reject('forbidden', 'You may not create a record here.');
          const v = allocate();
          const fields = flatten({
            wijk,
            assignedToUser: put.assignedToUser ?? null,
            assignedToTeam: put.assignedToTeam ?? null,
            data: put.data,
          });
          const stamp: FieldStamp = { v, d: deviceId };
          const stamps: FieldStamps = Object.fromEntries(
            Object.keys(fields).map((k) => [k, stamp]),
          );
          const merged = unflatten(fields);
          await trx
            .insertInto('records')
            .values({
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
            })
            .execute();
          return { status: 'applied', created: true };
        }
        const stamps = JSON.parse(row.stamps) as FieldStamps;
        const conflicts: FieldConflict[] = [];
        let resurrect = false;
        if (Number(row.deleted) === 1) {
          const deletion = stamps.$deleted;
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
          return reject(
            'forbidden',
            'This change would move the record out of your scope.',
            current,
          );
        }
        let status = row.status;
        if (statusChange) {
          status = payload.status ?? null;
          await this.insertEvent(
            trx,
            actor,
            m,
            `${m.mutationId}-status`,
            'status',
            status,
            null,
            allocate(),
          );
        }
        const v = allocate();
        await trx
          .updateTable('records')
          .set({
            wijk: merged.wijk,
            assigned_user: merged.assignedToUser,
            assigned_team: merged.assignedToTeam,
            status,
            data: JSON.stringify(merged.data),
            stamps: JSON.stringify(next.stamps),
            deleted: 0,
            version: v,
            updated_at: now,
          })
          .where('entity_type', '=', m.entityType)
          .where('id', '=', m.entityId)
          .execute();
        if (conflicts.length === 0) return { status: 'applied' };
        const after = await this.recordRow(trx, m.entityType, m.entityId);
        return {
          status: 'conflict',
          conflicts: conflicts.map((c) => conflict(c, v)),
          record: after ? toRecordChange(after) : null,
        };
      }
      case 'delete': {
        if (!row) return reject('notFound', 'There is no such record to delete.');
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
        await trx
          .updateTable('records')
          .set({ deleted: 1, version: v, updated_at: now, stamps: JSON.stringify(stamps) })
          .where('entity_type', '=', m.entityType)
          .where('id', '=', m.entityId)
          .execute();
        return { status: 'applied' };
      }
      case 'event': {
        if (!row) return reject('notFound', 'There is no such record to add to.');
        if (!canWrite(user, scopeOf(row)))
          return reject('forbidden', 'You may not add to this record.', current);
        const event = parsed.value.payload;
        const status = event.kind === 'status' && event.status ? event.status : null;
        await this.insertEvent(
          trx,
          actor,
          m,
          m.mutationId,
          event.kind,
          status,
          event.body ?? null,
          allocate(),
        );
        if (status !== null) {
          // Status follows the events in the order the server received them: deterministic, no conflict.
          await trx
            .updateTable('records')
            .set({ status, version: allocate(), updated_at: now })
            .where('entity_type', '=', m.entityType)
            .where('id', '=', m.entityId)
            .execute();
        }
        return { status: 'applied' };
      }
    }
  }

  private async insertEvent(
    trx: Trx,
    actor: Actor,
    m: Mutation,
    id: string,
    kind: string,
    status: string | null,
    body: Json | null,
    version: number,
  ): Promise<void> {
    await trx
      .insertInto('events')
      .values({
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
      })
      .execute();
  }

  async pull(
    actor: Actor,
    cursor: number | null,
    limit: number,
    scopeVersion?: number | null,
    now: string = new Date().toISOString(),
  ): Promise<PullResponse> {
    const counter = await this.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'version')
      .executeTakeFirstOrThrow();
    // Read before the changes: every version up to here is committed (see lockCounter).
    const maxVersion = Number(counter.value);
    const stored = await this.getUser(actor.user.id);
    const catalogue = await this.currentCatalogue();
    const userScopeVersion = stored?.scopeVersion ?? 0;
    let from = cursor ?? 0;
    let reset = cursor === null;
    const scopeChanged =
      scopeVersion !== undefined && scopeVersion !== null && scopeVersion !== userScopeVersion;
    if (cursor !== null && (cursor > maxVersion || scopeChanged)) {
      reset = true;
      from = 0;
    }
    const base = {
      reset,
      catalogueVersion: catalogue?.version ?? null,
      scopeVersion: userScopeVersion,
    };
    const scope = readScope(actor.user);
    if (scope.kind === 'none') return { ...base, changes: [], cursor: maxVersion, hasMore: false };

    const records = await this.db
      .selectFrom('records')
      .selectAll()
      .where('version', '>', from)
      .where(scopeSql(scope, ''))
      .orderBy('version')
      .limit(limit)
      .execute();
    const events = await this.db
      .selectFrom('events as e')
      .innerJoin('records as r', (join) =>
        join.onRef('r.id', '=', 'e.entity_id').onRef('r.entity_type', '=', 'e.entity_type'),
      )
      .leftJoin('users as u', 'u.id', 'e.created_by')
      .selectAll('e')
      .select(['u.role as author_role', 'u.team_id as author_team'])
      .where('e.version', '>', from)
      .where(scopeSql(scope, 'r'))
      .orderBy('e.version')
      .limit(limit)
      .execute();
    const authors = new Map(
      events.map((e) => [
        e.id,
        e.author_role === null
          ? null
          : { id: e.created_by, role: e.author_role as Role, teamId: e.author_team },
      ]),
    );

    const merged: Change[] = [
      ...records.filter((r) => canRead(actor.user, scopeOf(r))).map(toRecordChange),
      ...events.map((e): Change => ({
        kind: 'event',
        id: e.id,
        entityType: e.entity_type as EntityType,
        entityId: e.entity_id,
        version: Number(e.version),
        eventKind: e.kind,
        status: e.status,
        body: e.body === null ? null : (JSON.parse(e.body) as Json),
        createdAt: e.created_at,
        createdBy: e.created_by,
      })),
    ].sort((a, b) => a.version - b.version);
    const page = merged.slice(0, limit);
    const truncated = records.length === limit || events.length === limit;
    const hasMore = page.length < merged.length || truncated;
    // The cursor follows the whole page, also past events this viewer may not read, so a page
    // of hidden notes cannot make a device ask for the same page forever.
    const last = page.at(-1)?.version ?? from;
    const changes = page.flatMap((c) => visibleTo(actor.user, c, authors));
    await this.auditReads(actor, changes, now);
    return { ...base, changes, cursor: hasMore ? last : Math.max(last, maxVersion, from), hasMore };
  }

  /**
   * One `read` per record whose contents or events this page hands out. A tombstone carries
   * no data, so it is not a read. Written before the page is answered: a failed insert fails
   * the request, so nothing is disclosed without its entry.
   */
  private async auditReads(actor: Actor, changes: readonly Change[], now: string): Promise<void> {
    const seen = new Map<string, NewAuditEntry>();
    for (const c of changes) {
      if (c.kind === 'record' && c.deleted) continue;
      const entityId = c.kind === 'record' ? c.id : c.entityId;
      const key = `${c.entityType}\u0000${entityId}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        at: now,
        userId: actor.user.id,
        role: actor.user.role,
        deviceId: actor.deviceId,
        entityType: c.entityType,
        entityId,
        action: 'read',
      });
    }
    await this.insertAudit(this.db, [...seen.values()]);
  }

  async currentCatalogue(): Promise<StoredCatalogue | undefined> {
    const row = await this.db
      .selectFrom('catalogue_versions')
      .select(['version', 'body', 'published_at'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? { version: row.version, body: row.body, publishedAt: row.published_at }
      : undefined;
  }

  async publishCatalogue(version: string, body: string, by: string, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const seq = await this.lockCounter(trx, 'catalogue');
      const exists = await trx
        .selectFrom('catalogue_versions')
        .select('seq')
        .where('version', '=', version)
        .executeTakeFirst();
      if (exists) return false;
      await trx
        .insertInto('catalogue_versions')
        .values({ seq: seq + 1, version, body, published_at: now, published_by: by })
        .execute();
      await trx
        .updateTable('counters')
        .set({ value: seq + 1 })
        .where('name', '=', 'catalogue')
        .execute();
      return true;
    });
  }

  async aggregates(minCell: number): Promise<AggregateCell[]> {
    const rows = await this.db
      .selectFrom('records')
      .select(['entity_type', 'wijk', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('deleted', '=', 0)
      .groupBy(['entity_type', 'wijk', 'status'])
      .orderBy('entity_type')
      .orderBy('wijk')
      .orderBy('status')
      .execute();
    return rows.map((r) => {
      const n = Number(r.n);
      return {
        entityType: r.entity_type,
        wijk: r.wijk,
        status: r.status,
        count: n < minCell ? null : n,
      };
    });
  }

  async countRecords(): Promise<number> {
    const row = await this.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** SQLite through better-sqlite3: WAL so readers never wait for the writer. */
export function openSqliteStorage(file: string): KyselySyncStorage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  if (file !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return new KyselySyncStorage(
    'sqlite',
    new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
  );
}

export function openPostgresStorage(url: string, poolSize = 10): KyselySyncStorage {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return new KyselySyncStorage(
    'postgres',
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
  );
}

/**
 * A signal's notes stay within the team that wrote them (src/domain/signals/note-visibility.ts):
 * the event is left out or handed over without its message.
 */
function visibleTo(
  viewer: ScopeUser,
  change: Change,
  authors: ReadonlyMap<string, EventAuthor | null>,
): Change[] {
  if (change.kind !== 'event' || change.entityType !== 'signal') return [change];
  const shown = signalEventForViewer(
    viewer,
    { kind: change.eventKind, createdBy: change.createdBy, body: change.body },
    authors.get(change.id) ?? null,
  );
  return shown === null ? [] : [{ ...change, body: shown.body as Json | null }];
}
