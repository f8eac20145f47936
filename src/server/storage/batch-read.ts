import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Mutation } from '../../domain/sync/protocol';
import { statusEventId } from './apply-mutation';
import { PLAN_EACH_TIME } from './prepared-statements';
import type { MutationsTable } from './database';
import type { Dialect } from './migrations';
import type { RecordRow, Trx } from './rows';
import { recordKey } from './rows';

/** Rows per `in (…)` list on SQLite: well under its bound-parameter limit. */
const CHUNK = 500;

/** What a push must know before it decides: read once, at the start of its transaction. */
export interface BatchInputs {
  /** The device's last sequence number; undefined when the device row is missing. */
  lastSeq: number | undefined;
  /** Mutations of this batch the server has seen before, by id. */
  prior: Map<string, Selectable<MutationsTable>>;
  /** Which mutation already holds each of the batch's sequence numbers on this device. */
  seqOwners: Map<number, string>;
  /** The records the batch names; on PostgreSQL locked (in key order) until commit. */
  records: RecordRow[];
  /** Event ids the batch could write that are taken already. */
  takenEventIds: string[];
}

export function readBatch(
  trx: Trx,
  dialect: Dialect,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<BatchInputs> {
  return dialect === 'postgres'
    ? readPostgres(trx, deviceId, mutations)
    : readSqlite(trx, deviceId, mutations);
}

function keysOf(mutations: readonly Mutation[]) {
  const ids = [...new Set(mutations.map((m) => m.mutationId))];
  return {
    ids,
    seqs: [...new Set(mutations.map((m) => m.seq))],
    entityIds: [...new Set(mutations.map((m) => m.entityId))],
    entityTypes: [...new Set(mutations.map((m) => m.entityType))],
    eventIds: [...ids, ...ids.map(statusEventId)],
    wanted: new Set(mutations.map((m) => recordKey(m.entityType, m.entityId))),
  };
}

/** SQLite: a few cached prepared statements; its one connection needs no row locks. */
async function readSqlite(
  trx: Trx,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<BatchInputs> {
  const device = await trx
    .selectFrom('devices')
    .select(['last_seq'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
  const lastSeq = device ? Number(device.last_seq) : undefined;
  if (mutations.length === 0)
    return { lastSeq, prior: new Map(), seqOwners: new Map(), records: [], takenEventIds: [] };
  const k = keysOf(mutations);
  const prior = new Map<string, Selectable<MutationsTable>>();
  const seqOwners = new Map<number, string>();
  const records: RecordRow[] = [];
  const takenEventIds: string[] = [];
  for (let i = 0; i < k.ids.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('mutations')
      .selectAll()
      .where('id', 'in', k.ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) prior.set(r.id, r);
  }
  for (let i = 0; i < k.seqs.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('mutations')
      .select(['seq', 'id'])
      .where('device_id', '=', deviceId)
      .where('seq', 'in', k.seqs.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) seqOwners.set(Number(r.seq), r.id);
  }
  for (let i = 0; i < k.entityIds.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('records')
      .selectAll()
      .where('id', 'in', k.entityIds.slice(i, i + CHUNK))
      .where('entity_type', 'in', k.entityTypes)
      .execute();
    records.push(...rows.filter((r) => k.wanted.has(recordKey(r.entity_type, r.id))));
  }
  for (let i = 0; i < k.eventIds.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('events')
      .select('id')
      .where('id', 'in', k.eventIds.slice(i, i + CHUNK))
      .execute();
    takenEventIds.push(...rows.map((r) => r.id));
  }
  return { lastSeq, prior, seqOwners, records, takenEventIds };
}

interface PostgresInputs {
  last_seq: number | null;
  prior: Selectable<MutationsTable>[] | null;
  seqs: { seq: number; id: string }[] | null;
  records: RecordRow[] | null;
  events: string[] | null;
}

/**
 * PostgreSQL: everything in ONE statement (each round trip costs more than the reads), the
 * records locked in key order so two pushes on the same records cannot deadlock.
 */
async function readPostgres(
  trx: Trx,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<BatchInputs> {
  const k = keysOf(mutations);
  // Planned each time: a plan made without the arrays' lengths read several times slower.
  const { rows } = await sql<PostgresInputs>`${sql.raw(PLAN_EACH_TIME)}
    with locked as (
      select * from records
      where id = any(${k.entityIds}::text[]) and entity_type = any(${k.entityTypes}::text[])
      order by entity_type, id
      for update
    )
    select
      (select last_seq from devices where id = ${deviceId}) as last_seq,
      (select json_agg(m) from mutations m where m.id = any(${k.ids}::text[])) as prior,
      (select json_agg(json_build_object('seq', s.seq, 'id', s.id)) from mutations s
        where s.device_id = ${deviceId} and s.seq = any(${k.seqs}::int[])) as seqs,
      (select json_agg(l) from locked l) as records,
      (select json_agg(e.id) from events e where e.id = any(${k.eventIds}::text[])) as events
  `.execute(trx);
  const row = rows[0];
  return {
    lastSeq: row?.last_seq === null || row === undefined ? undefined : Number(row.last_seq),
    prior: new Map((row?.prior ?? []).map((m) => [m.id, m])),
    seqOwners: new Map((row?.seqs ?? []).map((s) => [Number(s.seq), s.id])),
    records: (row?.records ?? []).filter((r) => k.wanted.has(recordKey(r.entity_type, r.id))),
    takenEventIds: row?.events ?? [],
  };
}
