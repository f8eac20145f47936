import type { Generated } from 'kysely';

/** Table shapes for Kysely; JSON is stored as text and booleans as 0/1 so both dialects match. */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  team_id: string | null;
  organisation_id: string | null;
  /** JSON array of wijk ids. */
  wijken: string;
  password_hash: string;
  /** The version counter when this user's scope last changed; older cursors get a reset. */
  scope_version: number;
  disabled: number;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  last_seq: number;
  refresh_hash: string | null;
  refresh_expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  last_seen_at: string;
  /** Set by a beheerder: the device wipes itself at its next contact and never syncs again. */
  lost_at: string | null;
  /** Raised at every sign-in: access tokens carry it, so one from an earlier session is dead. */
  generation: number;
  /** The refresh token just replaced, accepted once more until `previous_refresh_until`. */
  previous_refresh_hash: string | null;
  previous_refresh_until: string | null;
  /** The device's ECDSA P-256 public key (JWK as JSON); every refresh must be signed by it. */
  public_key: string | null;
  /** Released only to a password sign-in proven by this key: unwraps the device's data key. */
  recovery_key: string | null;
  /** Timestamp (ms) of the last accepted refresh proof; a proof must be newer (no replay). */
  proof_at: number | string | null;
}

export interface RecordsTable {
  entity_type: string;
  id: string;
  owner_id: string;
  team_id: string | null;
  wijk: string | null;
  status: string | null;
  assigned_user: string | null;
  assigned_team: string | null;
  created_at: string;
  updated_at: string;
  deleted: number;
  version: number;
  /** JSON object: the record's data fields. */
  data: string;
  /** JSON object: per flattened field, the version and device of its last change. */
  stamps: string;
}

export interface EventsTable {
  id: string;
  entity_type: string;
  entity_id: string;
  kind: string;
  status: string | null;
  body: string | null;
  created_at: string;
  created_by: string;
  device_id: string;
  version: number;
}

export interface MutationsTable {
  id: string;
  device_id: string;
  seq: number;
  user_id: string;
  status: string;
  reason: string | null;
  message: string | null;
  /** JSON array of conflicts answered for this mutation, so a resent batch gets them again. */
  conflicts: string | null;
  received_at: string;
}

export interface ConflictsTable {
  id: string;
  mutation_id: string;
  entity_type: string;
  entity_id: string;
  field: string;
  server_value: string | null;
  client_value: string | null;
  server_version: number;
  user_id: string;
  device_id: string;
  created_at: string;
}

export interface CatalogueVersionsTable {
  seq: number;
  version: string;
  body: string;
  published_at: string;
  published_by: string;
}

/** Who touched which personal record, never what it holds. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string;
  role: string;
  device_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
}

/**
 * One row per login attempt and key (account, address), both keyed by an HMAC so neither the
 * e-mail address nor the IP address is stored. Rows older than the window are pruned.
 */
/** The scope a record left at `version` (see migration 003). */
export interface RecordMovesTable {
  version: number;
  entity_type: string;
  id: string;
  owner_id: string;
  team_id: string | null;
  wijk: string | null;
  assigned_user: string | null;
  assigned_team: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  key: string;
  at: string;
}

/** Where one signal or check is counted for the coordinator (see insight-rollup.ts). */
export interface InsightFactsTable {
  entity_type: string;
  id: string;
  /** null: counted nowhere yet. */
  month: string | null;
  wijk: string;
  team: string;
  /** JSON [[metric, key], …] */
  parts: string;
  first_contact: string | null;
  help: string | null;
  help_at: string | null;
  help_version: number | null;
  role: string | null;
  /** 1: the record was erased by retention (vroeg-retention-store.ts); its parts stay counted. */
  erased?: number;
}

/** How many records of a month, wijk and team have a part (see domain/insight/rollup.ts). */
export interface InsightRollupTable {
  month: string;
  wijk: string;
  team: string;
  metric: string;
  key: string;
  n: number;
}

/**
 * One anonymous quick check's tally (issue 16), as a worker's device sent it: ids only, no
 * resident. `body` is the validated tally as JSON; the columns are where it is counted.
 */
export interface QuickCheckTalliesTable {
  id: string;
  user_id: string;
  team: string;
  day: string;
  wijk: string;
  body: string;
  received_at: string;
}

/** Versions a PostgreSQL push has taken and not committed yet (see version-reservations.ts). */
export interface VersionReservationsTable {
  lo: number;
  hi: number;
  /** The database's clock, ms since the epoch: one clock for all instances. */
  reserved_at: number;
}

export interface Database {
  version_reservations: VersionReservationsTable;
  quick_check_tallies: QuickCheckTalliesTable;
  insight_facts: InsightFactsTable;
  insight_rollup: InsightRollupTable;
  settings: SettingsTable;
  counters: CountersTable;
  users: UsersTable;
  devices: DevicesTable;
  records: RecordsTable;
  events: EventsTable;
  mutations: MutationsTable;
  conflicts: ConflictsTable;
  catalogue_versions: CatalogueVersionsTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  record_moves: RecordMovesTable;
}
