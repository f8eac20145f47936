import type { Insertable } from 'kysely';
import type { Conflict, PushResult } from '../../domain/sync/protocol';
import type { FieldStamps } from '../../domain/sync/merge';
import type { EventsTable, RecordMovesTable } from './database';
import type { RecordRow } from './rows';

/**
 * Versions handed out while a push is decided are placeholders above any real version (so
 * merge rules see them as newer than every base version); the real ones are assigned when the
 * counter is locked for the final write. 2^50 leaves room below 2^53 for any batch.
 */
export const PLACEHOLDER_BASE = 2 ** 50;

const SCOPE_COLUMNS = ['owner_id', 'team_id', 'wijk', 'assigned_user', 'assigned_team'] as const;

/** A push's records in memory: read (and locked) once, changed by each mutation, written once. */
export class WorkingSet {
  readonly rows = new Map<string, RecordRow>();
  /** Keys of rows to write back (inserted or changed). */
  readonly written = new Set<string>();
  readonly events: Insertable<EventsTable>[] = [];
  /** Event ids this batch may not use: stored already (read up front) or used earlier in it. */
  readonly eventIds = new Set<string>();
  /** Scopes records left in this batch, for eviction on the devices that held them. */
  readonly moves: Insertable<RecordMovesTable>[] = [];
  private count = 0;

  allocate(): number {
    this.count += 1;
    return PLACEHOLDER_BASE + this.count;
  }

  /** How many versions the batch needs. */
  get allocated(): number {
    return this.count;
  }

  put(key: string, row: RecordRow): void {
    const before = this.rows.get(key);
    if (before && SCOPE_COLUMNS.some((c) => before[c] !== row[c])) {
      this.moves.push({
        version: row.version,
        entity_type: before.entity_type,
        id: before.id,
        owner_id: before.owner_id,
        team_id: before.team_id,
        wijk: before.wijk,
        assigned_user: before.assigned_user,
        assigned_team: before.assigned_team,
      });
    }
    this.rows.set(key, row);
    this.written.add(key);
  }
}

/** Maps a placeholder to the real version once the counter stood at `base`; real ones stay. */
export function realVersion(v: number, base: number): number {
  return v > PLACEHOLDER_BASE ? base + (v - PLACEHOLDER_BASE) : v;
}

export function realStamps(json: string, base: number): string {
  const stamps = JSON.parse(json) as FieldStamps;
  for (const stamp of Object.values(stamps)) stamp.v = realVersion(stamp.v, base);
  return JSON.stringify(stamps);
}

export function realConflicts(conflicts: readonly Conflict[], base: number): Conflict[] {
  return conflicts.map((c) => ({ ...c, serverVersion: realVersion(c.serverVersion, base) }));
}

export function realResult(result: PushResult, base: number): PushResult {
  const out = { ...result };
  if (out.conflicts) out.conflicts = realConflicts(out.conflicts, base);
  if (out.record) out.record = { ...out.record, version: realVersion(out.record.version, base) };
  return out;
}
