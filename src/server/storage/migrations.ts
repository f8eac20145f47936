import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Migrations per dialect, as plain SQL so each store gets exactly the DDL it understands.
 * Append new steps; never edit a step that has shipped.
 */
const SHARED_001 = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  `INSERT INTO counters (name, value) VALUES ('version', 0), ('catalogue', 0)`,
  `CREATE TABLE users (
     id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
     team_id TEXT, organisation_id TEXT, wijken TEXT NOT NULL, password_hash TEXT NOT NULL,
     scope_version INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL)`,
  `CREATE TABLE devices (
     id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), last_seq INTEGER NOT NULL DEFAULT 0,
     refresh_hash TEXT, refresh_expires_at TEXT, revoked_at TEXT,
     created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL)`,
  `CREATE TABLE records (
     entity_type TEXT NOT NULL, id TEXT NOT NULL, owner_id TEXT NOT NULL, team_id TEXT, wijk TEXT,
     status TEXT, assigned_user TEXT, assigned_team TEXT, created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL,
     data TEXT NOT NULL, stamps TEXT NOT NULL, PRIMARY KEY (entity_type, id))`,
  `CREATE UNIQUE INDEX records_version ON records (version)`,
  `CREATE INDEX records_owner ON records (owner_id, version)`,
  `CREATE INDEX records_team ON records (team_id, wijk, version)`,
  `CREATE INDEX records_assigned_user ON records (assigned_user, version)`,
  `CREATE INDEX records_assigned_team ON records (assigned_team, version)`,
  `CREATE TABLE events (
     id TEXT PRIMARY KEY, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL,
     status TEXT, body TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
     device_id TEXT NOT NULL, version INTEGER NOT NULL)`,
  `CREATE UNIQUE INDEX events_version ON events (version)`,
  `CREATE INDEX events_entity ON events (entity_type, entity_id)`,
  `CREATE TABLE mutations (
     id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER NOT NULL, user_id TEXT NOT NULL,
     status TEXT NOT NULL, reason TEXT, message TEXT, conflicts TEXT, received_at TEXT NOT NULL)`,
  `CREATE UNIQUE INDEX mutations_device_seq ON mutations (device_id, seq)`,
  `CREATE TABLE conflicts (
     id TEXT PRIMARY KEY, mutation_id TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,
     field TEXT NOT NULL, server_value TEXT, client_value TEXT, server_version INTEGER NOT NULL,
     user_id TEXT NOT NULL, device_id TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE INDEX conflicts_entity ON conflicts (entity_type, entity_id)`,
  `CREATE TABLE catalogue_versions (
     seq INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, body TEXT NOT NULL,
     published_at TEXT NOT NULL, published_by TEXT NOT NULL)`,
];

/**
 * Security (issue 6): the audit log, login attempts for rate limiting (shared by all instances,
 * so a load balancer cannot spread an attack over them), and devices marked lost. Only the
 * audit log's id differs per dialect.
 */
const SECURITY_002 = [
  `CREATE TABLE login_attempts (
     id TEXT NOT NULL, key TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (id, key))`,
  `CREATE INDEX login_attempts_key ON login_attempts (key, at)`,
  `CREATE INDEX login_attempts_at ON login_attempts (at)`,
  `ALTER TABLE devices ADD COLUMN lost_at TEXT`,
  `CREATE INDEX devices_user ON devices (user_id)`,
];
const AUDIT_COLUMNS = `at TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL,
     device_id TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,
     action TEXT NOT NULL`;
const AUDIT_INDEXES = [
  `CREATE INDEX audit_log_user ON audit_log (user_id, id)`,
  `CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id)`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
];

/**
 * Per-record eviction (issue 10): when a change moves a record out of a scope, the scope it
 * left is kept with the version of that change, so a pull after that version can tell the
 * devices that held it to drop it. Columns mirror the scope columns of `records`.
 */
const MOVES_003 = [
  `CREATE TABLE record_moves (
     version INTEGER PRIMARY KEY, entity_type TEXT NOT NULL, id TEXT NOT NULL,
     owner_id TEXT NOT NULL, team_id TEXT, wijk TEXT, assigned_user TEXT, assigned_team TEXT)`,
];

/** The coordinator's figures select records and their events by kind and creation month. */
const INSIGHT_009 = [
  `CREATE INDEX records_type_created ON records (entity_type, created_at)`,
  `CREATE INDEX events_type_kind ON events (entity_type, kind, entity_id)`,
];

/**
 * Issue 14: the coordinator's counts maintained with each push (insight-rollup.ts); filled from
 * the existing data by a rebuild right after this step (KyselySyncStorage.migrate).
 */
export const INSIGHT_ROLLUP_011 = '011-insight-rollup';
const INSIGHT_ROLLUP = [
  `CREATE TABLE insight_facts (
     entity_type TEXT NOT NULL, id TEXT NOT NULL, month TEXT, wijk TEXT NOT NULL,
     team TEXT NOT NULL, parts TEXT NOT NULL, first_contact TEXT, help TEXT, help_at TEXT,
     help_version BIGINT, role TEXT, PRIMARY KEY (entity_type, id))`,
  `CREATE TABLE insight_rollup (
     month TEXT NOT NULL, wijk TEXT NOT NULL, team TEXT NOT NULL, metric TEXT NOT NULL,
     key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (month, wijk, team, metric, key))`,
];

/**
 * Issue 17: a vroegsignaal erased by retention keeps its place in the coordinator's (anonymous)
 * figures: its insight fact is kept, marked erased, and a rebuild counts it from there.
 */
export const VROEG_RETENTION_012 = '012-vroeg-retention';
const VROEG_RETENTION = [`ALTER TABLE insight_facts ADD COLUMN erased INTEGER NOT NULL DEFAULT 0`];

/**
 * Issue 16: anonymous quick checks' tallies. The id is the device's, so a resend is a no-op;
 * the counts go into the insight rollup in the same transaction as the insert.
 */
export const QUICK_CHECK_TALLIES_013 = '013-quick-check-tallies';
const QUICK_CHECK_TALLIES = [
  `CREATE TABLE quick_check_tallies (
     id TEXT PRIMARY KEY, user_id TEXT NOT NULL, team TEXT NOT NULL, day TEXT NOT NULL,
     wijk TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL)`,
  `CREATE INDEX quick_check_tallies_day ON quick_check_tallies (day)`,
];

/**
 * Issue 11: versions a PostgreSQL push has taken and not yet committed. A push takes its
 * versions in a short transaction of its own (counter and reservation together) and deletes
 * the reservation in the transaction that writes them, so a pull serves nothing at or above
 * the lowest open reservation (see version-reservations.ts). SQLite never fills it: its one
 * writer commits versions in order anyway.
 */
export const VERSION_RESERVATIONS_014 = '014-version-reservations';
const VERSION_RESERVATIONS = [
  `CREATE TABLE version_reservations (
     lo BIGINT PRIMARY KEY, hi BIGINT NOT NULL, reserved_at BIGINT NOT NULL)`,
];

/**
 * Issue 11: a stamp that moves with every change to the accounts, so a push checks its fields
 * against a cached list of accounts and reads the whole list only after it changed. Triggers,
 * not the code that writes users, move it: no way of changing an account can forget to.
 */
export const DIRECTORY_STAMP_015 = '015-directory-stamp';
const DIRECTORY_STAMP_ROW = `INSERT INTO counters (name, value) VALUES ('directory', 0)`;
const BUMP_DIRECTORY = `UPDATE counters SET value = value + 1 WHERE name = 'directory'`;
const DIRECTORY_STAMP_SQLITE = [
  DIRECTORY_STAMP_ROW,
  ...['INSERT', 'UPDATE', 'DELETE'].map(
    (event) =>
      `CREATE TRIGGER users_directory_${event.toLowerCase()} AFTER ${event} ON users
       BEGIN ${BUMP_DIRECTORY}; END`,
  ),
];
const DIRECTORY_STAMP_POSTGRES = [
  DIRECTORY_STAMP_ROW,
  `CREATE FUNCTION bump_directory_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN ${BUMP_DIRECTORY}; RETURN NULL; END $$`,
  `CREATE TRIGGER users_directory AFTER INSERT OR UPDATE OR DELETE ON users
   FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_stamp()`,
];

/**
 * Issue 10: a sign-in generation per device (access tokens of an earlier session stay dead
 * after a re-login) and the previous refresh token with its reuse deadline (a lost refresh
 * response does not sign the worker out; a later replay revokes the device).
 */
const SESSIONS_004 = [
  `ALTER TABLE devices ADD COLUMN generation INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE devices ADD COLUMN previous_refresh_hash TEXT`,
  `ALTER TABLE devices ADD COLUMN previous_refresh_until TEXT`,
];

/**
 * Device-bound sessions (issue 10): the device's public key (refreshes must be signed by it),
 * the per-device recovery key for a forgotten PIN, and the last accepted proof time.
 */
const DEVICE_KEYS_010 = [
  `ALTER TABLE devices ADD COLUMN public_key TEXT`,
  `ALTER TABLE devices ADD COLUMN recovery_key TEXT`,
  `ALTER TABLE devices ADD COLUMN proof_at BIGINT`,
];

const STEPS: Record<Dialect, Record<string, readonly string[]>> = {
  sqlite: {
    '001-initial': SHARED_001,
    '002-security': [
      ...SECURITY_002,
      // AUTOINCREMENT: ids are never reused, so a page cursor keeps meaning the same entry.
      `CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ${AUDIT_COLUMNS})`,
      ...AUDIT_INDEXES,
    ],
    '003-record-moves': MOVES_003,
    '009-insight': INSIGHT_009,
    '004-sessions': SESSIONS_004,
    '010-device-keys': DEVICE_KEYS_010,
    [INSIGHT_ROLLUP_011]: INSIGHT_ROLLUP,
    [VROEG_RETENTION_012]: VROEG_RETENTION,
    [QUICK_CHECK_TALLIES_013]: QUICK_CHECK_TALLIES,
    [VERSION_RESERVATIONS_014]: VERSION_RESERVATIONS,
    [DIRECTORY_STAMP_015]: DIRECTORY_STAMP_SQLITE,
  },
  postgres: {
    '001-initial': SHARED_001,
    '002-security': [
      ...SECURITY_002,
      `CREATE TABLE audit_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${AUDIT_COLUMNS})`,
      ...AUDIT_INDEXES,
    ],
    '003-record-moves': MOVES_003,
    '009-insight': INSIGHT_009,
    '004-sessions': SESSIONS_004,
    '010-device-keys': DEVICE_KEYS_010,
    [INSIGHT_ROLLUP_011]: INSIGHT_ROLLUP,
    [VROEG_RETENTION_012]: VROEG_RETENTION,
    [QUICK_CHECK_TALLIES_013]: QUICK_CHECK_TALLIES,
    [VERSION_RESERVATIONS_014]: VERSION_RESERVATIONS,
    [DIRECTORY_STAMP_015]: DIRECTORY_STAMP_POSTGRES,
  },
};

function toMigration(statements: readonly string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(STEPS[dialect]).map(([name, statements]) => [name, toMigration(statements)]),
      );
    },
  };
}
