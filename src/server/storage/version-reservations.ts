import { sql } from 'kysely';
import type { Db } from './rows';

/**
 * How PostgreSQL pushes get their versions without one lock held through every push (issue 11).
 *
 * A reader that has seen version n must have seen everything below n, or its cursor moves past
 * a row that commits later. With one writer (SQLite) that holds by itself. On PostgreSQL the
 * old way was to lock the counter row from the versioned write to the commit: every push of
 * every instance waited in one line, and a second instance added nothing.
 *
 * Now a push, once it has decided its batch:
 * 1. reserves its versions in a short transaction of its own, on a separate small pool: the
 *    counter moves and a reservation row (lo..hi) is inserted in ONE statement, so no snapshot
 *    sees the counter past a range without seeing that range's reservation;
 * 2. writes its rows with those versions and deletes its reservation in its own transaction,
 *    so the rows and the end of the reservation become visible together.
 * A pull (pull-store.ts) serves nothing at or above the lowest reservation in its snapshot:
 * below it every version is either committed and visible, or will never be written.
 *
 * A reservation whose push died (process killed between 1 and 2) would hold pulls back for
 * good; `sweepStaleReservations` removes one older than `STALE_AFTER_MS` unless a push is
 * deleting it right now (its row is locked then). A push that finds its reservation swept
 * writes nothing and is tried again with new versions.
 */
export const STALE_AFTER_MS = 30_000;

/** The database's clock in ms, so all instances age reservations by one clock. */
const DB_NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** Thrown by the versioned write when its reservation was swept: the push is tried again. */
export class ReservationLost extends Error {
  readonly code = 'reservation-lost';
  constructor() {
    super('The versions reserved for this push were released before it wrote them.');
  }
}

/** Takes `count` versions; returns the value they start above (versions base+1 … base+count). */
export async function reserveVersions(allocator: Db, count: number): Promise<number> {
  const { rows } = await sql<{ base: string | number }>`
    with c as (
      update counters set value = value + ${count}::bigint where name = 'version'
      returning value - ${count}::bigint as base
    )
    insert into version_reservations (lo, hi, reserved_at)
    select base + 1, base + ${count}::bigint, ${DB_NOW_MS} from c
    returning lo - 1 as base`.execute(allocator);
  const row = rows[0];
  if (!row) throw new Error('The version counter is missing.');
  return Number(row.base);
}

/** A push that failed after reserving lets go of its versions, so pulls are not held back. */
export async function releaseReservation(allocator: Db, base: number): Promise<void> {
  await sql`delete from version_reservations where lo = ${base + 1}::bigint`.execute(allocator);
}

/** Removes reservations of pushes that died; one being claimed right now is skipped. */
export async function sweepStaleReservations(db: Db): Promise<number> {
  const { rows } = await sql`
    delete from version_reservations where lo in (
      select lo from version_reservations
      where reserved_at < ${DB_NOW_MS} - ${STALE_AFTER_MS}::bigint
      for update skip locked)
    returning lo`.execute(db);
  return rows.length;
}

/**
 * The versioned write's first step (batch-write.ts): ends the reservation in the push's own
 * transaction and yields one row, or none when it was swept; the push then fails and rolls back.
 */
export function claimReservation(base: number) {
  return sql`delete from version_reservations where lo = ${base + 1}::bigint
    returning 1 as taken`;
}

/** SQL for the pull's head: the lowest reserved version, or null when none is open. */
export function lowestReserved() {
  return sql<number | string | null>`(select min(lo) from version_reservations)`;
}

/** SQL for the pull's head: whether a reservation is old enough to be swept. */
export function staleReservation() {
  return sql<number>`(select count(*) from version_reservations
    where reserved_at < ${DB_NOW_MS} - ${STALE_AFTER_MS}::bigint)`;
}
