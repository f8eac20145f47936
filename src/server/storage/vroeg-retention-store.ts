import { SYSTEM_ACTOR, type NewAuditEntry } from '../../domain/sync/audit';
import type { FieldStamps } from '../../domain/sync/merge';
import { helpAccepted, isVroegsignaal } from '../../domain/vroegsignalen/retention';
import { insertAudit } from './audit-store';
import type { Dialect } from './migrations';
import type { Db, Trx } from './rows';
import { lockCounter } from './rows';

/**
 * Erasing expired vroegsignalen (see domain/vroegsignalen/retention.ts for the rule).
 *
 * Each one becomes a tombstone through the normal versioned path: the record row keeps only
 * its scope columns (so the devices that hold it receive the tombstone on their next pull and
 * drop their copy), its data and field stamps are emptied, a new version is handed out under
 * the counter lock, and its events and any stored conflicts (which hold field values) are
 * deleted. Its insight fact is kept, marked erased, so the month's anonymous figures keep
 * counting it (a rebuild reads it from there). One `erase` audit entry per record, by `system`,
 * never contents. In transactions of up to 500 candidates, each whole or not at all.
 */

/** The device id in an erased record's `$deleted` stamp: no write may bring it back. */
export const ERASED_BY = 'retention';

const CHUNK = 400;
/** How JSON.stringify writes the field; a cheap pre-filter, confirmed by `isVroegsignaal`. */
const SOURCE_PATTERN = '%"source":"vroegsignaal"%';

/** Whether a record's `$deleted` stamp says it was erased by retention. */
export function erasedByRetention(stamps: FieldStamps): boolean {
  return stamps.$deleted?.d === ERASED_BY;
}

/** Signals looked at per transaction, so a first run after a year holds the counter briefly. */
const BATCH = 500;

export async function eraseExpiredVroegsignalen(
  db: Db,
  dialect: Dialect,
  cutoff: string,
  now: string,
  batch: number = BATCH,
): Promise<number> {
  let erased = 0;
  let after = '';
  for (;;) {
    const page = await db
      .transaction()
      .execute((trx) => eraseBatch(trx, dialect, cutoff, now, after, batch));
    erased += page.erased;
    if (page.last === null) return erased;
    after = page.last;
  }
}

/** One batch of candidates after `after` (by id): erases the expired ones among them. */
async function eraseBatch(
  trx: Trx,
  dialect: Dialect,
  cutoff: string,
  now: string,
  after: string,
  batch: number,
): Promise<{ erased: number; last: string | null }> {
  const base = await lockCounter(dialect, trx, 'version');
  const page = await trx
    .selectFrom('records')
    .select(['id', 'data'])
    .where('entity_type', '=', 'signal')
    .where('deleted', '=', 0)
    .where('created_at', '<', cutoff)
    .where('data', 'like', SOURCE_PATTERN)
    .where('id', '>', after)
    .orderBy('id')
    .limit(batch)
    .execute();
  if (page.length === 0) return { erased: 0, last: null };
  const last = page[page.length - 1]?.id ?? null;
  const candidates = page.filter((r) => isVroegsignaal(r.data)).map((r) => r.id);
  const expired: string[] = [];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const ids = candidates.slice(i, i + CHUNK);
    if (ids.length === 0) continue;
    const help = await trx
      .selectFrom('events')
      .select(['entity_id', 'kind', 'body'])
      .where('entity_type', '=', 'signal')
      .where('kind', '=', 'help')
      .where('entity_id', 'in', ids)
      .execute();
    for (const id of ids) {
      if (!helpAccepted(help.filter((e) => e.entity_id === id))) expired.push(id);
    }
  }
  if (expired.length === 0) return { erased: 0, last };

  let version = base;
  for (const id of expired) {
    version += 1;
    const stamps: FieldStamps = { $deleted: { v: version, d: ERASED_BY } };
    await trx
      .updateTable('records')
      .set({ deleted: 1, data: '{}', stamps: JSON.stringify(stamps), version, updated_at: now })
      .where('entity_type', '=', 'signal')
      .where('id', '=', id)
      .execute();
  }
  await trx.updateTable('counters').set({ value: version }).where('name', '=', 'version').execute();
  for (let i = 0; i < expired.length; i += CHUNK) {
    await forget(trx, expired.slice(i, i + CHUNK));
  }
  const entries: NewAuditEntry[] = expired.map((id) => ({
    at: now,
    userId: SYSTEM_ACTOR,
    role: 'system',
    deviceId: 'server',
    entityType: 'signal',
    entityId: id,
    action: 'erase',
  }));
  await insertAudit(trx, entries, dialect);
  return { erased: expired.length, last };
}

/** Everything but the tombstone and the anonymous counts goes. */
async function forget(trx: Trx, ids: string[]): Promise<void> {
  await trx
    .deleteFrom('events')
    .where('entity_type', '=', 'signal')
    .where('entity_id', 'in', ids)
    .execute();
  await trx
    .deleteFrom('conflicts')
    .where('entity_type', '=', 'signal')
    .where('entity_id', 'in', ids)
    .execute();
  // The parts (month, wijk, team, category, status, contact, creditor type) stay; the moments
  // of contact and help are no longer needed once the record cannot change.
  await trx
    .updateTable('insight_facts')
    .set({ erased: 1, first_contact: null, help: null, help_at: null, help_version: null })
    .where('entity_type', '=', 'signal')
    .where('id', 'in', ids)
    .execute();
}
