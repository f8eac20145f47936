import {
  quickCheckTallySchema,
  tallyResponseSchema,
  MAX_TALLIES_PER_REQUEST,
  type QuickCheckTally,
} from '../../domain/spreekuur/tally';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import { log } from '../log';
import { authorizedRequest } from '../sync/session';
import type { Transport } from '../sync/sync-error';
import { SyncError } from '../sync/sync-error';
import { localDate } from '../../domain/calendar';

/**
 * The device's queue of anonymous quick-check tallies (issue 16). A tally is checked against
 * the schema before it is stored, so nothing but its allowed keys ever reaches the device; it is
 * sent with its id, so a resend after a lost answer counts once on the server.
 */

/** How long sent tallies stay for the volunteer's overview: today and yesterday (a late evening). */
const KEEP_DAYS = 2;

export async function queueTally(
  tally: QuickCheckTally,
  database: DichtbijDb = db(),
): Promise<void> {
  const checked = quickCheckTallySchema.parse(tally);
  await database.tallies.put({ id: checked.id, day: checked.day, sent: 0, tally: checked });
}

/** The tallies of one day on this device, sent or not. */
export async function talliesOfDay(
  day: string,
  database: DichtbijDb = db(),
): Promise<QuickCheckTally[]> {
  const rows = await database.tallies.where('day').equals(day).toArray();
  return rows.map((r) => r.tally);
}

export async function unsentTallyCount(database: DichtbijDb = db()): Promise<number> {
  return database.tallies.where('sent').equals(0).count();
}

/**
 * Sends what is queued, in batches; marks what the server took (new or already there) as sent,
 * and drops sent tallies older than the overview needs. Returns how many were sent. Throws a
 * SyncError when the server cannot be reached or refuses; the queue is then left as it was.
 */
export async function sendTallies(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
  today: Date = new Date(),
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await database.tallies
      .where('sent')
      .equals(0)
      .limit(MAX_TALLIES_PER_REQUEST)
      .toArray();
    if (batch.length === 0) break;
    const body = await authorizedRequest(database, transport, '/api/spreekuur/tallies', {
      method: 'POST',
      body: { tallies: batch.map((b) => b.tally) },
    });
    const parsed = tallyResponseSchema.safeParse(body);
    if (!parsed.success) throw new SyncError('server', 'unexpected answer');
    const done = new Set([...parsed.data.accepted, ...parsed.data.duplicate]);
    const ids = batch.map((b) => b.id).filter((id) => done.has(id));
    if (ids.length === 0) throw new SyncError('server', 'no tally taken');
    await database.tallies.where('id').anyOf(ids).modify({ sent: 1 });
    sent += ids.length;
  }
  const cutoff = new Date(today);
  cutoff.setDate(cutoff.getDate() - KEEP_DAYS + 1);
  const oldest = localDate(cutoff);
  await database.tallies
    .where('day')
    .below(oldest)
    .and((t) => t.sent === 1)
    .delete();
  if (sent > 0) log.info('spreekuur.tallies-sent', { sent });
  return sent;
}
