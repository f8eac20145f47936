import type { QuickCheckTally } from '../../domain/spreekuur/tally';
import type { RollupCount } from '../../domain/insight/rollup';
import type { TrajectoryFact } from '../../domain/insight/toekomst-figures';
import type { AuditPage, AuditQuery, NewAuditEntry } from '../../domain/sync/audit';
import type { Role, ScopeUser } from '../../domain/sync/roles';
import type {
  Mutation,
  ParsedPayload,
  PullResponse,
  PushResponse,
} from '../../domain/sync/protocol';

export interface UserRecord extends ScopeUser {
  email: string;
  name: string;
  passwordHash: string;
  scopeVersion: number;
  disabled: boolean;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  organisationId: string | null;
  wijken: string[];
  passwordHash: string;
}

export interface DeviceRecord {
  id: string;
  userId: string;
  lastSeq: number;
  refreshHash: string | null;
  refreshExpiresAt: string | null;
  revokedAt: string | null;
  /** Marked lost by a beheerder: every later contact is answered with "wipe". */
  lostAt: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** The sign-in generation access tokens must carry (see `saveDeviceLogin`). */
  generation: number;
  /** The registered ECDSA P-256 public key (JWK JSON); null for devices from before keys. */
  publicKey: string | null;
  recoveryKey: string | null;
  proofAt: number | null;
}

/**
 * The current catalogue's version and a stamp that moves with every change to an account
 * (a trigger on `users`); null where a store has no catalogue or no stamp yet.
 */
export interface KnownStamps {
  catalogueVersion: string | null;
  directory: number | null;
}

export interface DeviceWithOwner {
  device: DeviceRecord;
  owner: UserRecord;
  stamps: KnownStamps;
}

/** A sign-in binds the device id to the user, unless another user's session holds it. */
export type DeviceLogin =
  { ok: true; generation: number } | { ok: false; reason: 'otherUser' | 'lost' };

/**
 * A refresh: `rotated` (the current token, replaced), `repeated` (the token just replaced,
 * presented again within the reuse window while its successor is still current: the same
 * successor is handed out again), `replayed` (the token just replaced, outside the window or
 * after its successor moved on: the device is revoked) or `refused` (anything else).
 */
export type RefreshOutcome = 'rotated' | 'repeated' | 'replayed' | 'refused';

/** Login attempts per key (account or address) still inside the window, oldest first. */
export type LoginAttemptTimes = Record<string, string[]>;

/** Who did an administrative change, for its audit entry. */
export type AuditActor = Pick<NewAuditEntry, 'userId' | 'role' | 'deviceId'>;

export interface PushOptions {
  /**
   * Checks a new mutation's scope and list fields (wijk, status, team, …) after its shape;
   * a message refuses that mutation alone as `invalidPayload`.
   */
  check?: (m: Mutation, payload: ParsedPayload) => string | null;
}

/** The signed-in user and the device a request comes from. */
export interface Actor {
  user: ScopeUser;
  deviceId: string;
}

export interface StoredCatalogue {
  version: string;
  publishedAt: string;
  body: string;
}

export interface AggregateCell {
  entityType: string;
  wijk: string | null;
  status: string | null;
  /** At least the minimum cell size: smaller cells are not listed at all. */
  count: number;
}

/**
 * Everything the server keeps, behind one interface so the same contract suite runs against
 * SQLite and PostgreSQL. Implementations hold no per-process state that matters between
 * requests, so several server instances can share one PostgreSQL.
 */
export interface SyncStorage {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Stores the value unless the key exists; returns what is stored (first writer wins across instances). */
  settingOrInit(key: string, value: string): Promise<string>;

  /**
   * Inserts unless the e-mail exists; returns whether it was inserted. With `by`, the creation
   * is written to the audit log in the same transaction.
   */
  createUser(user: NewUser, now: string, by?: AuditActor): Promise<boolean>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  getUser(id: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** Changes role/team/wijken; devices of this user get a reset on their next pull. */
  updateUserScope(
    id: string,
    scope: Pick<ScopeUser, 'role' | 'teamId' | 'wijken'>,
    by?: AuditActor & { at: string },
  ): Promise<boolean>;

  getDevice(id: string): Promise<DeviceRecord | undefined>;
  /**
   * The device and the account it is bound to, in one read, with the stamps a push checks
   * against (see knownStamps) in the same statement; undefined for an unknown device.
   */
  getDeviceWithOwner(id: string): Promise<DeviceWithOwner | undefined>;
  /**
   * Binds the device to the user with a fresh refresh token (hash), clears a revocation and
   * raises the device's generation, so access tokens of every earlier session stay dead.
   * Refused while another user's session holds the id (a revoked one may be taken over: a
   * shared tablet after a sign-out), and for a device marked lost.
   */
  saveDeviceLogin(
    deviceId: string,
    userId: string,
    refreshHash: string,
    refreshExpiresAt: string,
    now: string,
  ): Promise<DeviceLogin>;
  /**
   * Replaces the refresh token `presentedHash` by `successorHash` in one compare-and-swap, and
   * keeps the replaced one until `reuseUntil` (see RefreshOutcome).
   */
  rotateRefresh(
    deviceId: string,
    presentedHash: string,
    successorHash: string,
    refreshExpiresAt: string,
    now: string,
    reuseUntil: string,
  ): Promise<RefreshOutcome>;
  revokeDevice(deviceId: string, now: string): Promise<boolean>;
  /** Registers the device's public key and its recovery key (replacing earlier ones). */
  bindDeviceKey(deviceId: string, publicKey: string, recoveryKey: string): Promise<void>;
  /**
   * Records a refresh proof's timestamp if it is newer than the last one accepted for this
   * device; false when it is not (a replayed or reordered proof). One statement, so two
   * instances cannot both accept the same proof.
   */
  acceptDeviceProof(deviceId: string, timestamp: number): Promise<boolean>;
  /** Revokes the device and marks it lost; stays lost (a later login cannot clear it). */
  markDeviceLost(deviceId: string, now: string): Promise<boolean>;
  /** A user's devices (all devices without a user id), newest contact first. */
  listDevices(userId?: string): Promise<DeviceRecord[]>;

  /**
   * Records one login attempt under each key and returns every key's attempts since `since`,
   * this one included. Inserted before the password is checked and committed at once, so
   * parallel attempts (also on other instances) see each other: at most `limit` get through.
   * Also prunes attempts older than `since`.
   */
  recordLoginAttempt(
    attemptId: string,
    keys: readonly string[],
    at: string,
    since: string,
  ): Promise<LoginAttemptTimes>;
  /** Removes one attempt (a refused or a successful one), so it does not count as a failure. */
  forgetLoginAttempt(attemptId: string): Promise<void>;
  /** Removes all attempts under a key (a successful login resets its account). */
  clearLoginAttempts(key: string): Promise<void>;

  /** One insert for the whole batch. `push` and `pull` write their own entries. */
  appendAudit(entries: readonly NewAuditEntry[]): Promise<void>;
  /**
   * Removes entries older than `before` (retention) and, when any went, writes `entry` for the
   * removal itself in the same transaction. Returns how many were removed.
   */
  purgeAudit(before: string, entry: NewAuditEntry): Promise<number>;
  /**
   * Erases every vroegsignaal made before `cutoff` without help accepted (retention, see
   * vroeg-retention-store.ts): tombstones through the versioned path, events gone, counts kept,
   * one `erase` audit entry each, in one transaction. Returns how many were erased.
   */
  eraseExpiredVroegsignalen(cutoff: string, now: string): Promise<number>;
  /** Newest first, filtered, paged by id. */
  listAudit(query: AuditQuery): Promise<AuditPage>;

  /**
   * Applies a batch in one transaction; idempotent per mutation id and per device seq. Writes
   * one audit entry per new result (create/update/delete/event/conflict/rejected) in the same
   * transaction, and a `read` for a resent mutation whose answer carries the record.
   */
  push(
    actor: Actor,
    mutations: readonly Mutation[],
    now: string,
    options?: PushOptions,
  ): Promise<PushResponse>;
  /** Writes one `read` audit entry per record handed out (a record's events count as it). */
  pull(
    actor: Actor,
    cursor: number | null,
    limit: number,
    scopeVersion?: number | null,
    now?: string,
  ): Promise<PullResponse>;

  currentCatalogue(): Promise<StoredCatalogue | undefined>;
  /**
   * The current catalogue's version and a stamp that moves with every change to an account,
   * in one read: a push's field check reloads what it caches only when one of them moved.
   */
  knownStamps(): Promise<KnownStamps>;
  /** Stores a new catalogue version; false when that version is already stored. */
  publishCatalogue(version: string, body: string, by: string, now: string): Promise<boolean>;

  aggregates(minCell: number): Promise<AggregateCell[]>;
  countRecords(): Promise<number>;

  /** Facts without persons for the coordinator's figures (see insight-store). */
  /** The month's counts per wijk, team and part, maintained with every push. */
  insightCounts(month: string): Promise<RollupCount[]>;
  insightTrajectories(to: string): Promise<TrajectoryFact[]>;

  /**
   * Stores anonymous quick checks' tallies once each (by id) and counts the new ones in the
   * insight rollup, in one transaction. Resent ids come back as `duplicate`.
   */
  putTallies(
    actor: Actor,
    tallies: readonly QuickCheckTally[],
    receivedAt: string,
  ): Promise<{ accepted: string[]; duplicate: string[] }>;
}
