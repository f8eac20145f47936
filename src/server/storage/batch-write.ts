import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { Conflict } from '../../domain/sync/protocol';
import { auditRow, insertAudit } from './audit-store';
import type {
  ConflictsTable,
  Database,
  EventsTable,
  MutationsTable,
  RecordMovesTable,
} from './database';
import type { Dialect } from './migrations';
import type { RecordRow, Trx } from './rows';
import { lockCounter } from './rows';
import { claimReservation, ReservationLost } from './version-reservations';
import { realConflicts, realStamps, realVersion } from './working-set';
import type { RollupWrites } from './insight-rollup';
import { rollupRows, writeRollup } from './insight-rollup';

/** Rows per multi-row insert on SQLite: well under its bound-parameter limit. */
const CHUNK = 500;

/**
 * Everything a decided push writes, with placeholder versions (see working-set.ts): the real
 * ones are only known once the versions are taken.
 */
export interface Batch {
  /** How many versions the batch needs; 0 takes no lock. */
  allocated: number;
  device: { id: string; lastSeq: number; seenAt: string } | null;
  audit: readonly NewAuditEntry[];
  records: readonly RecordRow[];
  events: readonly Insertable<EventsTable>[];
  moves: readonly Insertable<RecordMovesTable>[];
  /** `conflicts` holds the JSON of the answered conflicts, placeholders included. */
  mutations: readonly Insertable<MutationsTable>[];
  conflicts: readonly Insertable<ConflictsTable>[];
  /** The coordinator's counts that move with these records (a push's; with real versions). */
  rollup?: RollupWrites;
}

/**
 * Writes a decided batch and returns the value its versions start above. A reader that sees
 * version n must have seen all below n. A push has taken its versions before (`taken`): on
 * PostgreSQL a reservation (version-reservations.ts) that this write ends, so pushes share no
 * lock; on SQLite the counter, read by its one writer. Without `taken` the counter is taken
 * here and held to the commit: the rare server-side writers (campaigns, vroegsignalen
 * imports), whom PostgreSQL reservations simply wait behind.
 */
export function writeBatch(
  trx: Trx,
  dialect: Dialect,
  batch: Batch,
  taken: number | null = null,
): Promise<number> {
  return dialect === 'postgres' ? writePostgres(trx, batch, taken) : writeSqlite(trx, batch, taken);
}

/** The batch with its placeholder versions made real, in stamps and conflict answers too. */
function realised(batch: Batch, base: number) {
  const real = (v: number | string) => realVersion(Number(v), base);
  return {
    records: batch.records.map((row) => ({
      ...row,
      version: real(row.version),
      stamps: realStamps(row.stamps, base),
    })),
    events: batch.events.map((e) => ({ ...e, version: real(e.version) })),
    moves: batch.moves.map((mv) => ({ ...mv, version: real(mv.version) })),
    mutations: batch.mutations.map((m) => ({
      ...m,
      conflicts: m.conflicts
        ? JSON.stringify(realConflicts(JSON.parse(m.conflicts) as Conflict[], base))
        : null,
    })),
    conflicts: batch.conflicts.map((c) => ({ ...c, server_version: real(c.server_version) })),
  };
}

/** SQLite has one writer anyway: plain multi-row statements, each a cached prepared statement. */
async function writeSqlite(trx: Trx, batch: Batch, taken: number | null): Promise<number> {
  if (batch.device) {
    await trx
      .updateTable('devices')
      .set({ last_seq: batch.device.lastSeq, last_seen_at: batch.device.seenAt })
      .where('id', '=', batch.device.id)
      .execute();
  }
  await insertAudit(trx, batch.audit);
  const base = taken ?? (batch.allocated > 0 ? await lockCounter('sqlite', trx, 'version') : 0);
  const rows = realised(batch, base);
  for (let i = 0; i < rows.records.length; i += CHUNK) {
    await trx
      .insertInto('records')
      .values(rows.records.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['entity_type', 'id']).doUpdateSet((eb) => ({
          wijk: eb.ref('excluded.wijk'),
          status: eb.ref('excluded.status'),
          assigned_user: eb.ref('excluded.assigned_user'),
          assigned_team: eb.ref('excluded.assigned_team'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted: eb.ref('excluded.deleted'),
          version: eb.ref('excluded.version'),
          data: eb.ref('excluded.data'),
          stamps: eb.ref('excluded.stamps'),
        })),
      )
      .execute();
  }
  await insertChunks(trx, 'events', rows.events);
  await insertChunks(trx, 'record_moves', rows.moves);
  await insertChunks(trx, 'mutations', rows.mutations);
  await insertChunks(trx, 'conflicts', rows.conflicts);
  if (batch.rollup) await writeRollup(trx, batch.rollup);
  if (batch.allocated > 0) {
    await trx
      .updateTable('counters')
      .set({ value: base + batch.allocated })
      .where('name', '=', 'version')
      .execute();
  }
  return base;
}

async function insertChunks<T extends 'events' | 'mutations' | 'conflicts' | 'record_moves'>(
  trx: Trx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/**
 * PostgreSQL: ONE statement, a data-modifying CTE per table with the rows as JSON parameters
 * (each round trip costs more than the writes). Its first step ends the push's reservation;
 * when the reservation was swept it yields no row, and the push fails and is rolled back
 * before anything is seen. A writer without a reservation locks the counter first.
 */
async function writePostgres(trx: Trx, batch: Batch, reserved: number | null): Promise<number> {
  const json = (rows: readonly object[]) => JSON.stringify(rows);
  let base = 0;
  let versions = sql`select 1 as taken`;
  if (batch.allocated > 0 && reserved !== null) {
    base = reserved;
    versions = claimReservation(reserved);
  } else if (batch.allocated > 0) {
    base = await lockCounter('postgres', trx, 'version');
    versions = sql`update counters set value = ${base + batch.allocated}::bigint
      where name = 'version' returning 1 as taken`;
  }
  const rows = realised(batch, base);
  const device = batch.device
    ? sql`update devices set last_seq = ${batch.device.lastSeq}::int,
            last_seen_at = ${batch.device.seenAt}::text where id = ${batch.device.id}::text`
    : sql`select 1`;
  const rollup = batch.rollup ?? { facts: [], delta: new Map<string, number>() };
  const result = await sql<{ taken: number }>`
    with c as (${versions}),
    d as (${device}),
    a as (
      insert into audit_log (at, user_id, role, device_id, entity_type, entity_id, action)
      select * from jsonb_to_recordset(${json(batch.audit.map(auditRow))}::jsonb) as x(at text,
        user_id text, role text, device_id text, entity_type text, entity_id text, action text)
    ),
    mu as (
      insert into mutations (id, device_id, seq, user_id, status, reason, message, conflicts,
        received_at)
      select * from jsonb_to_recordset(${json(rows.mutations)}::jsonb) as x(id text,
        device_id text, seq int, user_id text, status text, reason text, message text,
        conflicts text, received_at text)
    ),
    r as (
      insert into records (entity_type, id, owner_id, team_id, wijk, status, assigned_user,
        assigned_team, created_at, updated_at, deleted, version, data, stamps)
      select * from jsonb_to_recordset(${json(rows.records)}::jsonb) as x(entity_type text,
        id text, owner_id text, team_id text, wijk text, status text, assigned_user text,
        assigned_team text, created_at text, updated_at text, deleted int, version bigint,
        data text, stamps text)
      on conflict (entity_type, id) do update set wijk = excluded.wijk,
        status = excluded.status, assigned_user = excluded.assigned_user,
        assigned_team = excluded.assigned_team, updated_at = excluded.updated_at,
        deleted = excluded.deleted, version = excluded.version, data = excluded.data,
        stamps = excluded.stamps
    ),
    e as (
      insert into events (id, entity_type, entity_id, kind, status, body, created_at,
        created_by, device_id, version)
      select * from jsonb_to_recordset(${json(rows.events)}::jsonb) as x(id text,
        entity_type text, entity_id text, kind text, status text, body text, created_at text,
        created_by text, device_id text, version bigint)
    ),
    mv as (
      insert into record_moves (version, entity_type, id, owner_id, team_id, wijk,
        assigned_user, assigned_team)
      select * from jsonb_to_recordset(${json(rows.moves)}::jsonb) as x(version bigint,
        entity_type text, id text, owner_id text, team_id text, wijk text,
        assigned_user text, assigned_team text)
    ),
    cf as (
      insert into conflicts (id, mutation_id, entity_type, entity_id, field, server_value,
        client_value, server_version, user_id, device_id, created_at)
      select * from jsonb_to_recordset(${json(rows.conflicts)}::jsonb) as x(id text,
        mutation_id text, entity_type text, entity_id text, field text, server_value text,
        client_value text, server_version bigint, user_id text, device_id text,
        created_at text)
    ),
    f as (
      insert into insight_facts (entity_type, id, month, wijk, team, parts, first_contact,
        help, help_at, help_version, role)
      select * from jsonb_to_recordset(${json(rollup.facts)}::jsonb) as x(entity_type text,
        id text, month text, wijk text, team text, parts text, first_contact text, help text,
        help_at text, help_version bigint, role text)
      on conflict (entity_type, id) do update set month = excluded.month,
        wijk = excluded.wijk, team = excluded.team, parts = excluded.parts,
        first_contact = excluded.first_contact, help = excluded.help,
        help_at = excluded.help_at, help_version = excluded.help_version, role = excluded.role
    ),
    ro as (
      insert into insight_rollup (month, wijk, team, metric, key, n)
      select * from jsonb_to_recordset(${json(rollupRows(rollup.delta))}::jsonb) as x(
        month text, wijk text, team text, metric text, key text, n int)
      on conflict (month, wijk, team, metric, key) do update set n = insight_rollup.n + excluded.n
    )
    select taken from c`.execute(trx);
  if (result.rows.length === 0) throw new ReservationLost();
  return base;
}
