import type { Expression, Kysely, Selectable, SqlBool, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { EntityType } from '../../domain/records/record-schema';
import type { MergeableRecord } from '../../domain/sync/merge';
import type { RecordChange, RecordData } from '../../domain/sync/protocol';
import type { ReadScope, RecordScope } from '../../domain/sync/scope';
import type { Database, RecordsTable } from './database';
import type { Dialect } from './migrations';

/** Row mappers and small queries shared by the storage modules. */

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Executor = Db | Trx;
export type RecordRow = Selectable<RecordsTable>;
export type Json = RecordData[string];

export function scopeOf(
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

export function mergeableOf(row: RecordRow): MergeableRecord {
  return {
    wijk: row.wijk,
    assignedToUser: row.assigned_user,
    assignedToTeam: row.assigned_team,
    data: JSON.parse(row.data) as RecordData,
  };
}

export function toRecordChange(row: Omit<RecordRow, 'stamps'>): RecordChange {
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
export function scopeSql(
  scope: Extract<ReadScope, { kind: 'records' }>,
  alias: string,
  byVersion = false,
): Expression<SqlBool> {
  // `byVersion` (SQLite only): a unary + keeps the planner off the scope indexes, so an
  // incremental pull walks the version index from the cursor and costs what changed since,
  // not what is in scope.
  const col = (name: string) => {
    const ref = sql.ref(alias ? `${alias}.${name}` : name);
    return byVersion ? sql`+${ref}` : ref;
  };
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

/**
 * Reads the counter and, on PostgreSQL, locks its row until commit: versions taken this way
 * become visible with the counter, in one order. Pushes reserve theirs instead
 * (version-reservations.ts); the rare server-side writers that lock it make reservations wait.
 */
export async function lockCounter(dialect: Dialect, trx: Trx, name: string): Promise<number> {
  const query = trx.selectFrom('counters').select('value').where('name', '=', name);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The working-set key of a record. */
export function recordKey(entityType: string, id: string): string {
  return `${entityType}\u0000${id}`;
}

/** The committed value of a counter, without a lock. */
export async function readCounter(db: Executor, name: string): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
