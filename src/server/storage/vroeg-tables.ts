import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator, sql } from 'kysely';
import type { Dialect } from './migrations';

/**
 * The import's own tables, on the record store's database but with their own migrations (as
 * the rules versions have), so the record store's migration list stays untouched. None of them
 * is read by a device; the signals themselves are ordinary records.
 *
 * - `vroeg_imports`: one row per import (who, when, counts; no personal data).
 * - `vroeg_refs`: every report reference ever imported and what became of it, so importing the
 *   same report again changes nothing.
 * - `vroeg_signals`: which signal an address and creditor type has, to merge a new report into
 *   the open one.
 * - `vroeg_pending`: valid reports whose address is in no known wijk, kept until a person
 *   places the address (then the signal is made).
 * - `vroeg_placements`: address (or whole postcode) → wijk, with where that came from.
 */
export type VroegImportsTable = {
  id: string;
  at: string;
  user_id: string;
  role: string;
  format: string;
  row_count: number;
  created: number;
  merged: number;
  unchanged: number;
  rejected: number;
  unplaced: number;
};

export type VroegRefsTable = {
  external_ref: string;
  import_id: string;
  signal_id: string | null;
  /** `created`, `merged` or `pending` (waiting for its address to be placed). */
  state: string;
};

export type VroegSignalsTable = {
  signal_id: string;
  /** `dedupeKey`: the normalised address and the creditor type. */
  dedupe_key: string;
};

export type VroegPendingTable = {
  external_ref: string;
  import_id: string;
  address_key: string;
  /** The validated report (ImportRow) as JSON. */
  report: string;
  created_at: string;
};

export type VroegPlacementsTable = {
  /** An address key (`1234AB|12|A`) or a whole postcode (`1234AB|*`). */
  address_key: string;
  wijk: string;
  /** `handmatig` (placed by a person) or the public source's name and date. */
  source: string;
  placed_by: string;
  placed_at: string;
};

/** A door-to-door campaign: who made it, for which wijk and period (no resident's data). */
export type CampaignsTable = {
  id: string;
  name: string;
  wijk: string;
  starts_on: string;
  ends_on: string;
  created_by: string;
  created_at: string;
  address_count: number;
};

/** Which signal record is which campaign's address. */
export type CampaignAddressesTable = {
  signal_id: string;
  campaign_id: string;
};

export type VroegTables = {
  campaigns: CampaignsTable;
  campaign_addresses: CampaignAddressesTable;
  vroeg_imports: VroegImportsTable;
  vroeg_refs: VroegRefsTable;
  vroeg_signals: VroegSignalsTable;
  vroeg_pending: VroegPendingTable;
  vroeg_placements: VroegPlacementsTable;
};

const STEP_001 = [
  `CREATE TABLE vroeg_imports (
     id TEXT PRIMARY KEY, at TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL,
     format TEXT NOT NULL, row_count INTEGER NOT NULL, created INTEGER NOT NULL,
     merged INTEGER NOT NULL, unchanged INTEGER NOT NULL, rejected INTEGER NOT NULL,
     unplaced INTEGER NOT NULL)`,
  `CREATE TABLE vroeg_refs (
     external_ref TEXT PRIMARY KEY, import_id TEXT NOT NULL, signal_id TEXT, state TEXT NOT NULL)`,
  `CREATE TABLE vroeg_signals (signal_id TEXT PRIMARY KEY, dedupe_key TEXT NOT NULL)`,
  `CREATE INDEX vroeg_signals_key ON vroeg_signals (dedupe_key)`,
  `CREATE TABLE vroeg_pending (
     external_ref TEXT PRIMARY KEY, import_id TEXT NOT NULL, address_key TEXT NOT NULL,
     report TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE INDEX vroeg_pending_address ON vroeg_pending (address_key)`,
  `CREATE TABLE vroeg_placements (
     address_key TEXT PRIMARY KEY, wijk TEXT NOT NULL, source TEXT NOT NULL,
     placed_by TEXT NOT NULL, placed_at TEXT NOT NULL)`,
];

/** Door-to-door campaigns (issue 17 part 3); their addresses are ordinary signal records. */
const STEP_002 = [
  `CREATE TABLE campaigns (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, wijk TEXT NOT NULL, starts_on TEXT NOT NULL,
     ends_on TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
     address_count INTEGER NOT NULL)`,
  `CREATE TABLE campaign_addresses (signal_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL)`,
  `CREATE INDEX campaign_addresses_campaign ON campaign_addresses (campaign_id)`,
];

const STEPS: Record<Dialect, Record<string, readonly string[]>> = {
  sqlite: { '001-vroegsignalen': STEP_001, '002-campagnes': STEP_002 },
  postgres: { '001-vroegsignalen': STEP_001, '002-campagnes': STEP_002 },
};

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(STEPS[dialect]).map(([name, statements]): [string, Migration] => [
          name,
          {
            async up(db: Kysely<unknown>) {
              for (const statement of statements) await sql.raw(statement).execute(db);
            },
          },
        ]),
      );
    },
  };
}

export async function migrateVroegTables<DB>(dialect: Dialect, db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: provider(dialect),
    migrationTableName: 'vroeg_migrations',
    migrationLockTableName: 'vroeg_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Vroegsignalen migration failed');
}
