import type { EntityType } from '../../domain/records/record-schema';
import type { NewAuditEntry } from '../../domain/sync/audit';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import type { Role, ScopeUser } from '../../domain/sync/roles';
import { canRead, readScope } from '../../domain/sync/scope';
import { signalEventForViewer, type EventAuthor } from '../../domain/signals/note-visibility';
import { insertAudit } from './audit-store';
import { toekomstVisibleTo } from './toekomst-visibility';
import type { Dialect } from './migrations';
import type { PageQuery, RawPage } from './pull-read';
import { readPostgresPage, readSqlitePage } from './pull-read';
import type { Db, Json } from './rows';
import { scopeOf, toRecordChange } from './rows';
import type { Actor } from './sync-storage';
import { sweepStaleReservations } from './version-reservations';

/**
 * One page of changes after `cursor`. Every read of the page sees ONE snapshot (on PostgreSQL
 * one statement; on SQLite a transaction, which also keeps pushes out on its single
 * connection) and is bounded by what that snapshot knows is complete: below the lowest open
 * version reservation, at most the counter (version-reservations.ts). A push that commits
 * while the page is read is seen whole or not at all, so the cursor never moves past half of
 * it. The audit entries are written after the snapshot, before answering.
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
  const query: PageQuery = { user: actor.user, cursor, limit, scopeVersion: scopeVersion ?? null };
  const raw =
    dialect === 'postgres'
      ? await readPostgresPage(db, query)
      : await db.transaction().execute((trx) => readSqlitePage(trx, query));
  const page = assemble(actor.user, raw, limit);
  await auditReads(db, dialect, actor, page.changes, now);
  // A push that died left its versions reserved: clear them for the next pull (this page
  // already stopped below them).
  if (raw.stale) await sweepStaleReservations(db);
  return page;
}

/** The rows a snapshot returned, made into the page this viewer gets. */
function assemble(viewer: ScopeUser, raw: RawPage, limit: number): PullResponse {
  const { from, maxVersion, records, events, moves } = raw;
  const base = {
    reset: raw.reset,
    catalogueVersion: raw.catalogueVersion,
    scopeVersion: raw.scopeVersion,
  };
  // Up to date: nothing can lie between the cursor and the bound, so nothing was read.
  if (readScope(viewer).kind === 'none' || from >= maxVersion)
    return { ...base, changes: [], cursor: Math.max(from, maxVersion), hasMore: false };
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
    ...records.filter((r) => canRead(viewer, scopeOf(r))).map(toRecordChange),
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
      .filter((mv) => !canRead(viewer, scopeOf(mv)))
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
  const changes = page.flatMap((c) => visibleTo(viewer, c, authors));
  return { ...base, changes, cursor: Math.max(cursorAfter, from), hasMore };
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
