import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AuditPage, AuditQuery, NewAuditEntry } from '../../domain/sync/audit';
import type { Mutation, PullResponse, PushResponse } from '../../domain/sync/protocol';
import type { ScopeUser } from '../../domain/sync/roles';
import * as aggregatesStore from './aggregates-store';
import * as insightStore from './insight-store';
import type { RollupCount } from '../../domain/insight/rollup';
import { insightCounts, rebuildInsightRollup } from './insight-rollup';
import type { TrajectoryFact } from '../../domain/insight/toekomst-figures';
import * as auditStore from './audit-store';
import * as catalogueStore from './catalogue-store';
import type { Database } from './database';
import * as devicesStore from './devices-store';
import * as loginAttempts from './login-attempts-store';
import type { Dialect } from './migrations';
import { INSIGHT_ROLLUP_011, migrationProvider, VROEG_RETENTION_012 } from './migrations';
import * as pullStore from './pull-store';
import * as pushStore from './push-store';
import type { VersionSource } from './push-store';
import type {
  Actor,
  AggregateCell,
  AuditActor,
  DeviceLogin,
  DeviceRecord,
  DeviceWithOwner,
  KnownStamps,
  LoginAttemptTimes,
  NewUser,
  PushOptions,
  RefreshOutcome,
  StoredCatalogue,
  SyncStorage,
  UserRecord,
} from './sync-storage';
import * as usersStore from './users-store';
import * as tallyStore from './tally-store';
import type { QuickCheckTally } from '../../domain/spreekuur/tally';
import { eraseExpiredVroegsignalen } from './vroeg-retention-store';
import { withPreparedStatements } from './prepared-statements';

/**
 * One implementation for both dialects: the queries are the same, only DDL and locking differ.
 * This class only wires the `SyncStorage` interface to the modules that do the work, one per
 * concern (users, devices, login attempts, audit, push, pull, catalogue, aggregates).
 */
export class KyselySyncStorage implements SyncStorage {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** Where pushes take their versions (on PostgreSQL a pool of its own, see push-store.ts). */
  private readonly versions: VersionSource;

  constructor(db: Kysely<Database>, versions: VersionSource) {
    this.dialect = versions.dialect;
    this.db = db;
    this.versions = versions;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('Migration failed');
    // The rollup's tables arrive empty (011), or gain the vroegsignalen's parts (012): count
    // what the store already holds, once.
    const recount = new Set([INSIGHT_ROLLUP_011, VROEG_RETENTION_012]);
    if (results?.some((r) => recount.has(r.migrationName) && r.status === 'Success'))
      await rebuildInsightRollup(this.db);
  }

  async close(): Promise<void> {
    if (this.versions.dialect === 'postgres') await this.versions.allocator.destroy();
    await this.db.destroy();
  }

  settingOrInit(key: string, value: string): Promise<string> {
    return usersStore.settingOrInit(this.db, key, value);
  }

  createUser(user: NewUser, now: string, by?: AuditActor): Promise<boolean> {
    return usersStore.createUser(this.db, user, now, by);
  }

  findUserByEmail(email: string): Promise<UserRecord | undefined> {
    return usersStore.findUserByEmail(this.db, email);
  }

  getUser(id: string): Promise<UserRecord | undefined> {
    return usersStore.getUser(this.db, id);
  }

  listUsers(): Promise<UserRecord[]> {
    return usersStore.listUsers(this.db);
  }

  updateUserScope(
    id: string,
    scope: Pick<ScopeUser, 'role' | 'teamId' | 'wijken'>,
    by?: AuditActor & { at: string },
  ): Promise<boolean> {
    return usersStore.updateUserScope(this.db, id, scope, by);
  }

  getDevice(id: string): Promise<DeviceRecord | undefined> {
    return devicesStore.getDevice(this.db, id);
  }

  getDeviceWithOwner(id: string): Promise<DeviceWithOwner | undefined> {
    return devicesStore.getDeviceWithOwner(this.db, id);
  }

  listDevices(userId?: string): Promise<DeviceRecord[]> {
    return devicesStore.listDevices(this.db, userId);
  }

  saveDeviceLogin(
    deviceId: string,
    userId: string,
    refreshHash: string,
    refreshExpiresAt: string,
    now: string,
  ): Promise<DeviceLogin> {
    return devicesStore.saveDeviceLogin(
      this.db,
      deviceId,
      userId,
      refreshHash,
      refreshExpiresAt,
      now,
    );
  }

  rotateRefresh(
    deviceId: string,
    presentedHash: string,
    successorHash: string,
    refreshExpiresAt: string,
    now: string,
    reuseUntil: string,
  ): Promise<RefreshOutcome> {
    return devicesStore.rotateRefresh(
      this.db,
      deviceId,
      presentedHash,
      successorHash,
      refreshExpiresAt,
      now,
      reuseUntil,
    );
  }

  revokeDevice(deviceId: string, now: string): Promise<boolean> {
    return devicesStore.revokeDevice(this.db, deviceId, now);
  }

  markDeviceLost(deviceId: string, now: string): Promise<boolean> {
    return devicesStore.markDeviceLost(this.db, deviceId, now);
  }

  bindDeviceKey(deviceId: string, publicKey: string, recoveryKey: string): Promise<void> {
    return devicesStore.bindDeviceKey(this.db, deviceId, publicKey, recoveryKey);
  }

  acceptDeviceProof(deviceId: string, timestamp: number): Promise<boolean> {
    return devicesStore.acceptDeviceProof(this.db, deviceId, timestamp);
  }

  recordLoginAttempt(
    attemptId: string,
    keys: readonly string[],
    at: string,
    since: string,
  ): Promise<LoginAttemptTimes> {
    return loginAttempts.recordLoginAttempt(this.db, attemptId, keys, at, since);
  }

  forgetLoginAttempt(attemptId: string): Promise<void> {
    return loginAttempts.forgetLoginAttempt(this.db, attemptId);
  }

  clearLoginAttempts(key: string): Promise<void> {
    return loginAttempts.clearLoginAttempts(this.db, key);
  }

  appendAudit(entries: readonly NewAuditEntry[]): Promise<void> {
    return auditStore.insertAudit(this.db, entries);
  }

  purgeAudit(before: string, entry: NewAuditEntry): Promise<number> {
    return auditStore.purgeAudit(this.db, before, entry);
  }

  eraseExpiredVroegsignalen(cutoff: string, now: string): Promise<number> {
    return eraseExpiredVroegsignalen(this.db, this.dialect, cutoff, now);
  }

  listAudit(query: AuditQuery): Promise<AuditPage> {
    return auditStore.listAudit(this.db, query);
  }

  push(
    actor: Actor,
    mutations: readonly Mutation[],
    now: string,
    options: PushOptions = {},
  ): Promise<PushResponse> {
    return pushStore.push(this.db, this.versions, actor, mutations, now, options);
  }

  pull(
    actor: Actor,
    cursor: number | null,
    limit: number,
    scopeVersion?: number | null,
    now: string = new Date().toISOString(),
  ): Promise<PullResponse> {
    return pullStore.pull(this.db, this.dialect, actor, cursor, limit, scopeVersion, now);
  }

  currentCatalogue(): Promise<StoredCatalogue | undefined> {
    return catalogueStore.currentCatalogue(this.db);
  }

  knownStamps(): Promise<KnownStamps> {
    return catalogueStore.readKnownStamps(this.db);
  }

  publishCatalogue(version: string, body: string, by: string, now: string): Promise<boolean> {
    return catalogueStore.publishCatalogue(this.db, this.dialect, version, body, by, now);
  }

  aggregates(minCell: number): Promise<AggregateCell[]> {
    return aggregatesStore.aggregates(this.db, minCell);
  }

  countRecords(): Promise<number> {
    return aggregatesStore.countRecords(this.db);
  }

  insightCounts(month: string): Promise<RollupCount[]> {
    return insightCounts(this.db, month);
  }

  /** Recounts the coordinator's figures from the records (see insight-rollup.ts). */
  rebuildInsight(): Promise<void> {
    return rebuildInsightRollup(this.db);
  }

  putTallies(
    actor: Actor,
    tallies: readonly QuickCheckTally[],
    receivedAt: string,
  ): Promise<{ accepted: string[]; duplicate: string[] }> {
    return tallyStore.putTallies(this.db, actor, tallies, receivedAt);
  }

  insightTrajectories(to: string): Promise<TrajectoryFact[]> {
    return insightStore.insightTrajectories(this.db, to);
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
    new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) }),
    { dialect: 'sqlite' },
  );
}

/** Statements kept per SQL text, so a push or pull does not compile the same SQL again. */
const STATEMENT_CACHE = 500;

function reusingStatements(database: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string): BetterSqlite3.Statement {
      let statement = cache.get(text);
      if (!statement) {
        // Multi-row inserts vary in length: a bounded cache, emptied when full.
        if (cache.size >= STATEMENT_CACHE) cache.clear();
        statement = database.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * The reservation connections' settings.
 * - synchronous_commit off: the push's own commit flushes the log past its reservation, and a
 *   reservation lost in a crash had no rows written with its versions.
 * - lock_timeout: a push waits for its versions while holding its records' locks, on another
 *   connection, so PostgreSQL cannot see the cycle when a server-side writer that holds the
 *   counter (vroegsignalen import, retention) then waits for one of those records. The
 *   reservation gives up instead, the push rolls back and is tried again (push-store.ts).
 */
export const RESERVATION_LOCK_TIMEOUT_MS = 2000;
const ALLOCATOR_OPTIONS = `-c synchronous_commit=off -c lock_timeout=${RESERVATION_LOCK_TIMEOUT_MS}`;

/**
 * `preparedStatements: false` for a connection pooler that hands each statement to another
 * server connection (PgBouncer in transaction mode before 1.21): named statements need theirs.
 */
export function openPostgresStorage(
  url: string,
  poolSize = 10,
  { preparedStatements = true }: { preparedStatements?: boolean } = {},
): KyselySyncStorage {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Reservations are one short statement each, on connections of their own: a push that holds
  // a pool connection while it waits for its versions can never starve the pool it waits on.
  const allocatorPool = new pg.Pool({ connectionString: url, max: 2, options: ALLOCATOR_OPTIONS });
  const statements = preparedStatements ? withPreparedStatements(pool) : pool;
  return new KyselySyncStorage(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool: statements }) }),
    {
      dialect: 'postgres',
      allocator: new Kysely<Database>({ dialect: new PostgresDialect({ pool: allocatorPool }) }),
    },
  );
}
