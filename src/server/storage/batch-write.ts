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
import { PLACEHOLDER_BASE, realConflicts, realStamps, realVersion } from './working-set';

/** Rows per multi-row insert on SQLite: well under its bound-parameter limit. */
const CHUNK = 500;

/**
 * Everything a decided push writes, with placeholder versions (see working-set.ts): the real
 * ones are only known once the version counter is locked.
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
}

/**
 * Writes a decided batch and returns the counter value its versions start above. Versions
 * must commit in the order they are handed out (a reader that sees version n has seen all
 * below n), so the counter is locked until commit; how long it is held decides how many
 * pushes per second all instances together can make.
 */
export function writeBatch(trx: Trx, dialect: Dialect, batch: Batch): Promise<number> {
  return dialect === 'postgres' ? writePostgres(trx, batch) : writeSqlite(trx, batch);
}

/** SQLite has one writer anyway: plain multi-row statements, each a cached prepared statement. */
async function writeSqlite(trx: Trx, batch: Batch): Promise<number> {
  if (batch.device) {
    await trx
      .updateTable('devices')
      .set({ last_seq: batch.device.lastSeq, last_seen_at: batch.device.seenAt })
      .where('id', '=', batch.device.id)
      .execute();
  }
  await insertAudit(trx, batch.audit);
  const base = batch.allocated > 0 ? await lockCounter('sqlite', trx, 'version') : 0;
  const real = (v: number | string) => realVersion(Number(v), base);
  const records = batch.records.map((row) => ({
    ...row,
    version: real(row.version),
    stamps: realStamps(row.stamps, base),
  }));
  for (let i = 0; i < records.length; i += CHUNK) {
    await trx
      .insertInto('records')
      .values(records.slice(i, i + CHUNK))
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
  await insertChunks(
    trx,
    'events',
    batch.events.map((e) => ({ ...e, version: real(e.version) })),
  );
  await insertChunks(
    trx,
    'record_moves',
    batch.moves.map((mv) => ({ ...mv, version: real(mv.version) })),
  );
  await insertChunks(
    trx,
    'mutations',
    batch.mutations.map((m) => ({
      ...m,
      conflicts: m.conflicts
        ? JSON.stringify(realConflicts(JSON.parse(m.conflicts) as Conflict[], base))
        : null,
    })),
  );
  await insertChunks(
    trx,
    'conflicts',
    batch.conflicts.map((c) => ({ ...c, server_version: real(c.server_version) })),
  );
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

const P = sql.lit(PLACEHOLDER_BASE);
/** A placeholder version in SQL turned into the real one (`realVersion`). */
const real = (v: ReturnType<typeof sql.ref>) =>
  sql`(case when ${v} > ${P} then c.base + ${v} - ${P} else ${v} end)`;

/**
 * PostgreSQL: two statements (one data-modifying CTE per table, the rows as JSON parameters):
 * first what needs no version, then, holding the counter, everything versioned, so the
 * counter row is locked for one statement and the commit only, not a round trip per table. Placeholders are replaced in SQL, also inside the stamps
 * and the stored conflict answers (their JSON is only ever read back with JSON.parse).
 */
async function writePostgres(trx: Trx, batch: Batch): Promise<number> {
  const json = (rows: readonly object[]) => JSON.stringify(rows);
  const counter =
    batch.allocated > 0
      ? sql`update counters set value = value + ${batch.allocated}::int
            where name = 'version' returning value - ${batch.allocated}::int as base`
      : sql`select 0::bigint as base`;
  const device = batch.device
    ? sql`update devices set last_seq = ${batch.device.lastSeq}::int,
            last_seen_at = ${batch.device.seenAt}::text where id = ${batch.device.id}::text`
    : sql`select 1`;
  const withConflicts = batch.mutations.filter((m) => m.conflicts).map((m) => m.id);
  const audit = batch.audit.map(auditRow);
  const x = (name: string) => sql.ref(`x.${name}`);
  // Before the lock: what needs no version (the answered conflicts' JSON is made real below).
  await sql`
    with d as (${device}),
    a as (
      insert into audit_log (at, user_id, role, device_id, entity_type, entity_id, action)
      select * from jsonb_to_recordset(${json(audit)}::jsonb) as x(at text, user_id text,
        role text, device_id text, entity_type text, entity_id text, action text)
    )
    insert into mutations (id, device_id, seq, user_id, status, reason, message, conflicts,
      received_at)
    select * from jsonb_to_recordset(${json(batch.mutations)}::jsonb) as x(id text,
      device_id text, seq int, user_id text, status text, reason text, message text,
      conflicts text, received_at text)`.execute(trx);
  // From here to the commit the counter is held: one statement.
  const result = await sql<{ base: string | number }>`
    with c as (${counter}),
    r as (
      insert into records (entity_type, id, owner_id, team_id, wijk, status, assigned_user,
        assigned_team, created_at, updated_at, deleted, version, data, stamps)
      select x.entity_type, x.id, x.owner_id, x.team_id, x.wijk, x.status, x.assigned_user,
        x.assigned_team, x.created_at, x.updated_at, x.deleted, ${real(x('version'))}, x.data,
        coalesce((select jsonb_object_agg(k, case when (s->>'v')::bigint > ${P}
            then jsonb_set(s, '{v}', to_jsonb(c.base + (s->>'v')::bigint - ${P})) else s end)
          from jsonb_each(x.stamps::jsonb) as j(k, s))::text, '{}')
      from c, jsonb_to_recordset(${json(batch.records)}::jsonb) as x(entity_type text, id text,
        owner_id text, team_id text, wijk text, status text, assigned_user text,
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
      select x.id, x.entity_type, x.entity_id, x.kind, x.status, x.body, x.created_at,
        x.created_by, x.device_id, ${real(x('version'))}
      from c, jsonb_to_recordset(${json(batch.events)}::jsonb) as x(id text, entity_type text,
        entity_id text, kind text, status text, body text, created_at text, created_by text,
        device_id text, version bigint)
    ),
    mv as (
      insert into record_moves (version, entity_type, id, owner_id, team_id, wijk,
        assigned_user, assigned_team)
      select ${real(x('version'))}, x.entity_type, x.id, x.owner_id, x.team_id, x.wijk,
        x.assigned_user, x.assigned_team
      from c, jsonb_to_recordset(${json(batch.moves)}::jsonb) as x(version bigint,
        entity_type text, id text, owner_id text, team_id text, wijk text,
        assigned_user text, assigned_team text)
    ),
    m as (
      update mutations x set conflicts =
        (select jsonb_agg(case when (o->>'serverVersion')::bigint > ${P}
            then jsonb_set(o, '{serverVersion}',
              to_jsonb(c.base + (o->>'serverVersion')::bigint - ${P}))
            else o end order by i)
          from jsonb_array_elements(x.conflicts::jsonb) with ordinality as q(o, i))::text
      from c where x.id = any(${withConflicts}::text[])
    ),
    cf as (
      insert into conflicts (id, mutation_id, entity_type, entity_id, field, server_value,
        client_value, server_version, user_id, device_id, created_at)
      select x.id, x.mutation_id, x.entity_type, x.entity_id, x.field, x.server_value,
        x.client_value, ${real(x('server_version'))}, x.user_id, x.device_id, x.created_at
      from c, jsonb_to_recordset(${json(batch.conflicts)}::jsonb) as x(id text,
        mutation_id text, entity_type text, entity_id text, field text, server_value text,
        client_value text, server_version bigint, user_id text, device_id text,
        created_at text)
    )
    select base from c`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('The version counter is missing.');
  return Number(row.base);
}
