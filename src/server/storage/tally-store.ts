import { addParts } from '../../domain/insight/rollup';
import type { QuickCheckTally } from '../../domain/spreekuur/tally';
import type { Actor } from './sync-storage';
import type { Db } from './rows';
import { applyRollupDelta, placedTally } from './insight-rollup';

/**
 * Anonymous quick checks' tallies (issue 16). Each is stored once by its id; only a tally that
 * was new adds to the coordinator's counts, so a resend (a lost answer, a retry, the same batch
 * from two tabs) never counts a conversation twice.
 */

export async function putTallies(
  db: Db,
  actor: Actor,
  tallies: readonly QuickCheckTally[],
  receivedAt: string,
): Promise<{ accepted: string[]; duplicate: string[] }> {
  const team = actor.user.teamId ?? '';
  return db.transaction().execute(async (trx) => {
    const accepted: string[] = [];
    const delta = new Map<string, number>();
    for (const tally of tallies) {
      const row = {
        id: tally.id,
        user_id: actor.user.id,
        team,
        day: tally.day,
        wijk: tally.wijk,
        body: JSON.stringify(tally),
        received_at: receivedAt,
      };
      // RETURNING names only a row this insert made: two concurrent sends cannot both count it.
      const inserted = await trx
        .insertInto('quick_check_tallies')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      accepted.push(tally.id);
      addParts(delta, placedTally(row), 1);
    }
    await applyRollupDelta(trx, delta);
    const taken = new Set(accepted);
    return { accepted, duplicate: tallies.map((t) => t.id).filter((id) => !taken.has(id)) };
  });
}
