import type { EntityType } from '../../domain/records/record-schema';
import { ENTITY_TYPES } from '../../domain/records/record-schema';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { tableFor } from '../repositories/records';
import { log } from '../log';

/** Statuses after which a record is closed and may leave the device once synced and expired. */
export const CLOSED_STATUSES: Record<EntityType, readonly string[]> = {
  check: ['afgerond', 'closed'],
  signal: ['afgerond', 'geen-contact-mogelijk'],
  // Uitgestroomd stays: the 12-month figure follows the resident after she found work.
  toekomst: ['afgesloten'],
};

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes closed records that the server already has, once closed longer than the retention
 * period (AVG data minimisation; ASVS 14.2.7). "Closed since" is the record's `updatedAt`: a
 * closed record's last change is at or after its closing, so this never removes one early.
 * Records with a change still in the outbox are kept, whatever their status. Their events go
 * with them. Returns how many records were removed per kind.
 */
export async function removeExpiredClosedRecords(
  now: Date = new Date(),
  retentionDays: number = DEFAULT_RETENTION_DAYS,
  closed: Record<EntityType, readonly string[]> = CLOSED_STATUSES,
  database: DichtbijDb = db(),
): Promise<Record<EntityType, number>> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const removed = { check: 0, signal: 0, toekomst: 0 } satisfies Record<EntityType, number>;
  for (const entityType of ENTITY_TYPES) {
    const statuses = closed[entityType];
    if (statuses.length === 0) continue;
    const table = tableFor(database, entityType);
    await database.transaction('rw', [table, database.outbox, database.events], async () => {
      const candidates = await table
        .where('status')
        .anyOf([...statuses])
        .filter((r) => r.version > 0 && r.updatedAt < cutoff)
        .toArray();
      for (const record of candidates) {
        const pending = await database.outbox
          .where('[entityType+entityId]')
          .equals([entityType, record.id])
          .count();
        if (pending > 0) continue;
        await table.delete(record.id);
        await database.events
          .where('[entityType+entityId]')
          .equals([entityType, record.id])
          .delete();
        removed[entityType] += 1;
      }
    });
  }
  log.info('retention.removed', {
    checks: removed.check,
    signals: removed.signal,
    toekomst: removed.toekomst,
  });
  return removed;
}
