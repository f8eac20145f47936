import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { ScopeUser } from '../../domain/sync/roles';
import { readScope } from '../../domain/sync/scope';
import type { EventsTable, RecordMovesTable } from './database';
import type { Db, Executor, RecordRow } from './rows';
import { scopeSql } from './rows';
import { lowestReserved, staleReservation } from './version-reservations';

/** What a pull asks for. */
export interface PageQuery {
  user: ScopeUser;
  cursor: number | null;
  limit: number;
  /** The scope version the device last saw; another one means its records must be reset. */
  scopeVersion: number | null;
}

export type PageRecord = Omit<RecordRow, 'stamps'>;
export type PageEvent = Selectable<EventsTable> & {
  author_role: string | null;
  author_team: string | null;
};
export type PageMove = Pick<
  Selectable<RecordMovesTable>,
  | 'version'
  | 'entity_type'
  | 'id'
  | 'owner_id'
  | 'team_id'
  | 'wijk'
  | 'assigned_user'
  | 'assigned_team'
>;

/** What one snapshot holds for a page, before the viewer's filters (pull-store.ts). */
export interface RawPage {
  reset: boolean;
  /** The version the page starts after (0 on a reset). */
  from: number;
  /** The newest version this snapshot may serve: below the lowest open reservation. */
  maxVersion: number;
  /** A reservation is old enough to be swept. */
  stale: boolean;
  scopeVersion: number;
  catalogueVersion: string | null;
  /** Each ordered by version, at most `limit` rows. */
  records: PageRecord[];
  events: PageEvent[];
  moves: PageMove[];
}

/** Everything but the field stamps: only pushes need those. */
const RECORD_COLUMNS = [
  'entity_type',
  'id',
  'owner_id',
  'team_id',
  'wijk',
  'status',
  'assigned_user',
  'assigned_team',
  'created_at',
  'updated_at',
  'deleted',
  'version',
  'data',
] as const;

/** Where the page starts: from scratch for a new device, a cursor from elsewhere, a new scope. */
function startOf(q: PageQuery, counter: number, userScopeVersion: number) {
  const scopeChanged = q.scopeVersion !== null && q.scopeVersion !== userScopeVersion;
  // A cursor past the counter is from another database (or one restored from a backup).
  const reset = q.cursor === null || q.cursor > counter || scopeChanged;
  return { reset, from: reset ? 0 : (q.cursor ?? 0) };
}

/**
 * SQLite (which never reserves versions), inside the caller's transaction: the head of the page
 * in one statement, then records,
 * events and moves (each a cached prepared statement in the same process: cheap round trips).
 */
export async function readSqlitePage(db: Executor, q: PageQuery): Promise<RawPage> {
  const head = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('counters').select('value').where('name', '=', 'version').as('counter'),
      eb.selectFrom('users').select('scope_version').where('id', '=', q.user.id).as('sv'),
      eb
        .selectFrom('catalogue_versions')
        .select('version')
        .orderBy('seq', 'desc')
        .limit(1)
        .as('catalogue_version'),
    ])
    .executeTakeFirstOrThrow();
  // One writer, which holds the counter to its commit: every version up to it is complete.
  const maxVersion = Number(head.counter ?? 0);
  const scopeVersion = Number(head.sv ?? 0);
  const { reset, from } = startOf(q, maxVersion, scopeVersion);
  const page: RawPage = {
    reset,
    from,
    maxVersion,
    stale: false,
    scopeVersion,
    catalogueVersion: head.catalogue_version ?? null,
    records: [],
    events: [],
    moves: [],
  };
  const scope = readScope(q.user);
  if (scope.kind === 'none' || from >= maxVersion) return page;
  // A unary + keeps the planner on the version index from the cursor (see scopeSql).
  const byVersion = from > 0;
  page.records = await db
    .selectFrom('records')
    .select(RECORD_COLUMNS)
    .where('version', '>', from)
    .where('version', '<=', maxVersion)
    .where(scopeSql(scope, '', byVersion))
    .orderBy('version')
    .limit(q.limit)
    .execute();
  page.events = await db
    .selectFrom('events as e')
    .innerJoin('records as r', (join) =>
      join.onRef('r.id', '=', 'e.entity_id').onRef('r.entity_type', '=', 'e.entity_type'),
    )
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .selectAll('e')
    .select(['u.role as author_role', 'u.team_id as author_team'])
    .where('e.version', '>', from)
    .where('e.version', '<=', maxVersion)
    .where(scopeSql(scope, 'r', byVersion))
    .orderBy('e.version')
    .limit(q.limit)
    .execute();
  // Records that left this scope after the cursor: the viewer drops those it cannot read now.
  page.moves = await db
    .selectFrom('record_moves as mv')
    .innerJoin('records as r', (join) =>
      join.onRef('r.id', '=', 'mv.id').onRef('r.entity_type', '=', 'mv.entity_type'),
    )
    .select([
      'mv.version',
      'mv.entity_type',
      'mv.id',
      'r.owner_id',
      'r.team_id',
      'r.wijk',
      'r.assigned_user',
      'r.assigned_team',
    ])
    .where('mv.version', '>', from)
    .where('mv.version', '<=', maxVersion)
    .where(scopeSql(scope, 'mv', byVersion))
    .orderBy('mv.version')
    .limit(q.limit)
    .execute();
  return page;
}

interface PostgresPage {
  counter: string | number | null;
  lowest: string | number | null;
  stale: string | number;
  sv: string | number | null;
  catalogue_version: string | null;
  max_version: string | number;
  reset: boolean;
  from_v: string | number;
  records: PageRecord[];
  events: PageEvent[];
  moves: PageMove[];
}

/**
 * PostgreSQL: the whole page in ONE statement, which sees one snapshot by itself, so no
 * transaction (and no begin/commit round trips) is needed. The same bounds and start as
 * `startOf`, worked out in SQL from the head it reads; the rows come back as JSON arrays.
 */
export async function readPostgresPage(db: Db, q: PageQuery): Promise<RawPage> {
  const scope = readScope(q.user);
  const inScope = (alias: string) => (scope.kind === 'none' ? sql`false` : scopeSql(scope, alias));
  const cursor = q.cursor === null ? sql`null::bigint` : sql`${q.cursor}::bigint`;
  const asked = q.scopeVersion === null ? sql`null::bigint` : sql`${q.scopeVersion}::bigint`;
  // Scalar subqueries, computed once before the scans: index range bounds, not a join.
  const from = sql`(select from_v from p)`;
  const upTo = sql`(select max_version from p)`;
  const { rows } = await sql<PostgresPage>`
    with h as (
      select (select value from counters where name = 'version') as counter,
        ${lowestReserved()} as lowest,
        ${staleReservation()} as stale,
        (select scope_version from users where id = ${q.user.id}) as sv,
        (select version from catalogue_versions order by seq desc limit 1) as catalogue_version
    ),
    b as (
      select h.*,
        case when lowest is null then coalesce(counter, 0)
          else least(coalesce(counter, 0), lowest - 1) end as max_version,
        (${cursor} is null or ${cursor} > coalesce(counter, 0)
          or (${asked} is not null and ${asked} <> coalesce(sv, 0))) as reset
      from h
    ),
    p as (select b.*, case when reset then 0 else ${cursor} end as from_v from b),
    r as (
      select ${sql.join(RECORD_COLUMNS.map((c) => sql.ref(`x.${c}`)))}
      from records x
      where x.version > ${from} and x.version <= ${upTo} and ${inScope('x')}
      order by x.version limit ${q.limit}
    ),
    e as (
      select e.*, u.role as author_role, u.team_id as author_team
      from events e
      join records r on r.id = e.entity_id and r.entity_type = e.entity_type
      left join users u on u.id = e.created_by
      where e.version > ${from} and e.version <= ${upTo} and ${inScope('r')}
      order by e.version limit ${q.limit}
    ),
    m as (
      select mv.version, mv.entity_type, mv.id, r.owner_id, r.team_id, r.wijk,
        r.assigned_user, r.assigned_team
      from record_moves mv
      join records r on r.id = mv.id and r.entity_type = mv.entity_type
      where mv.version > ${from} and mv.version <= ${upTo} and ${inScope('mv')}
      order by mv.version limit ${q.limit}
    )
    select p.*,
      (select coalesce(json_agg(r order by r.version), '[]') from r) as records,
      (select coalesce(json_agg(e order by e.version), '[]') from e) as events,
      (select coalesce(json_agg(m order by m.version), '[]') from m) as moves
    from p`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('The version counter is missing.');
  return {
    reset: row.reset,
    from: Number(row.from_v),
    maxVersion: Number(row.max_version),
    stale: Number(row.stale) > 0,
    scopeVersion: Number(row.sv ?? 0),
    catalogueVersion: row.catalogue_version,
    records: row.records,
    events: row.events,
    moves: row.moves,
  };
}
