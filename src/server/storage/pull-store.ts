import type { EntityType } from '../../domain/records/record-schema';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import type { Role, ScopeUser } from '../../domain/sync/roles';
import { canRead, readScope } from '../../domain/sync/scope';
import { signalEventForViewer, type EventAuthor } from '../../domain/signals/note-visibility';
import { insertAudit } from './audit-store';
import { toekomstVisibleTo } from './toekomst-visibility';
import type { Dialect } from './migrations';
import type { Db, Executor, Json } from './rows';
import { scopeOf, scopeSql, toRecordChange } from './rows';
import type { Actor } from './sync-storage';
import { lowestReserved, staleReservation, sweepStaleReservations } from './version-reservations';

/**
 * One page of changes after `cursor`. Every read of the page runs in ONE snapshot (a read-only
 * REPEATABLE READ transaction on PostgreSQL; on SQLite a transaction, which also keeps pushes
 * out on its single connection) and is bounded by the version counter read in that snapshot:
 * a push that commits while the page is read is seen whole or not at all, so the cursor never
 * moves past half of it. The audit entries are written after the snapshot, before answering.
 */
export async function pull(
  db: Db,
  dialect: Dialect,
  actor: Actor,
  cursor: number | null,
  limit: number,
  scopeVersion?: number | null,
  now: string = new Date().toISOString(),
): Promise<PullResponse> {
  const snapshot =
    dialect === 'postgres'
      ? db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      : db.transaction();
  const { page, stale } = await snapshot.execute((trx) =>
    readPage(trx, dialect, actor, cursor, limit, scopeVersion),
  );
  await auditReads(db, dialect, actor, page.changes, now);
  // A push that died left its versions reserved: clear them for the next pull (this page
  // already stopped below them).
  if (stale) await sweepStaleReservations(db);
  return page;
}

async function readPage(
  db: Executor,
  dialect: Dialect,
  actor: Actor,
  cursor: number | null,
  limit: number,
  scopeVersion: number | null | undefined,
): Promise<{ page: PullResponse; stale: boolean }> {
  // Every version below the lowest open reservation is committed and in this snapshot, or will
  // never be written (version-reservations.ts); without one, every version up to the counter
  // is. Nothing above that bound is served.
  // The head of the page in one statement: each round trip costs more than these reads.
  const head = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('counters').select('value').where('name', '=', 'version').as('max_version'),
      lowestReserved().as('lowest_reserved'),
      staleReservation(dialect).as('stale'),
      eb
        .selectFrom('users')
        .select('scope_version')
        .where('id', '=', actor.user.id)
        .as('scope_version'),
      eb
        .selectFrom('catalogue_versions')
        .select('version')
        .orderBy('seq', 'desc')
        .limit(1)
        .as('catalogue_version'),
    ])
    .executeTakeFirstOrThrow();
  const counter = Number(head.max_version ?? 0);
  const maxVersion =
    head.lowest_reserved === null ? counter : Math.min(counter, Number(head.lowest_reserved) - 1);
  const stale = Number(head.stale) > 0;
  const catalogueVersion = head.catalogue_version ?? null;
  const userScopeVersion = Number(head.scope_version ?? 0);
  let from = cursor ?? 0;
  let reset = cursor === null;
  const scopeChanged =
    scopeVersion !== undefined && scopeVersion !== null && scopeVersion !== userScopeVersion;
  // A cursor past the counter is from another database (or one restored from a backup).
  if (cursor !== null && (cursor > counter || scopeChanged)) {
    reset = true;
    from = 0;
  }
  const base = {
    reset,
    catalogueVersion,
    scopeVersion: userScopeVersion,
  };
  const scope = readScope(actor.user);
  // Up to date: nothing can lie between the cursor and the counter, so no query is needed.
  if (scope.kind === 'none' || from >= maxVersion)
    return {
      page: { ...base, changes: [], cursor: Math.max(from, maxVersion), hasMore: false },
      stale,
    };

  const byVersion = dialect === 'sqlite' && from > 0;
  // Everything but the field stamps: only pushes need those.
  const records = await db
    .selectFrom('records')
    .select([
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
    ])
    .where('version', '>', from)
    .where('version', '<=', maxVersion)
    .where(scopeSql(scope, '', byVersion))
    .orderBy('version')
    .limit(limit)
    .execute();
  const events = await db
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
    .limit(limit)
    .execute();
  // Records that left this scope after the cursor and are not readable now: the devices that
  // held them drop them. Moves into another part of the same scope need nothing.
  const moves = await db
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
    .limit(limit)
    .execute();
  const authors = new Map(
    events.map((e) => [
      e.id,
      e.author_role === null
        ? null
        : { id: e.created_by, role: e.author_role as Role, teamId: e.author_team },
    ]),
  );

  // A query that hit the limit was read only up to its last version: nothing above that is
  // served in this page, whatever the other queries returned (some rows are filtered below).
  let cap = maxVersion;
  for (const rows of [records, events, moves]) {
    const last = rows.at(-1);
    if (rows.length === limit && last) cap = Math.min(cap, Number(last.version));
  }
  const merged: Change[] = [
    ...records.filter((r) => canRead(actor.user, scopeOf(r))).map(toRecordChange),
    ...events.map((e): Change => ({
      kind: 'event',
      id: e.id,
      entityType: e.entity_type as EntityType,
      entityId: e.entity_id,
      version: Number(e.version),
      eventKind: e.kind,
      status: e.status,
      body: e.body === null ? null : (JSON.parse(e.body) as Json),
      createdAt: e.created_at,
      createdBy: e.created_by,
    })),
    ...moves
      .filter((mv) => !canRead(actor.user, scopeOf(mv)))
      .map((mv): Change => ({
        kind: 'evict',
        entityType: mv.entity_type as EntityType,
        id: mv.id,
        version: Number(mv.version),
      })),
  ]
    .filter((c) => c.version <= cap)
    .sort((a, b) => a.version - b.version);
  const page = merged.slice(0, limit);
  const cut = page.length < merged.length;
  const hasMore = cut || cap < maxVersion;
  // The cursor follows the whole page, also past events this viewer may not read, so a page
  // of hidden notes cannot make a device ask for the same page forever.
  const cursorAfter = cut ? (page.at(-1)?.version ?? from) : cap;
  const changes = page.flatMap((c) => visibleTo(actor.user, c, authors));
  return { page: { ...base, changes, cursor: Math.max(cursorAfter, from), hasMore }, stale };
}

/**
 * One `read` per record whose contents or events this page hands out. A tombstone carries
 * no data, so it is not a read. Written before the page is answered: a failed insert fails
 * the request, so nothing is disclosed without its entry.
 */
async function auditReads(
  db: Db,
  dialect: Dialect,
  actor: Actor,
  changes: readonly Change[],
  now: string,
): Promise<void> {
  const seen = new Map<string, NewAuditEntry>();
  for (const c of changes) {
    // A tombstone or an eviction carries no data, so it is not a read.
    if (c.kind === 'evict' || (c.kind === 'record' && c.deleted)) continue;
    const entityId = c.kind === 'record' ? c.id : c.entityId;
    const key = `${c.entityType}\u0000${entityId}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      at: now,
      userId: actor.user.id,
      role: actor.user.role,
      deviceId: actor.deviceId,
      entityType: c.entityType,
      entityId,
      action: 'read',
    });
  }
  await insertAudit(db, [...seen.values()], dialect);
}

/**
 * A signal's notes stay within the team that wrote them (src/domain/signals/note-visibility.ts):
 * the event is left out or handed over without its message.
 */
function visibleTo(
  viewer: ScopeUser,
  change: Change,
  authors: ReadonlyMap<string, EventAuthor | null>,
): Change[] {
  if (change.entityType === 'toekomst') return toekomstVisibleTo(viewer, change);
  if (change.kind !== 'event' || change.entityType !== 'signal') return [change];
  const shown = signalEventForViewer(
    viewer,
    { kind: change.eventKind, createdBy: change.createdBy, body: change.body },
    authors.get(change.id) ?? null,
  );
  return shown === null ? [] : [{ ...change, body: shown.body as Json | null }];
}
