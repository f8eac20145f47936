import { tallyRequestSchema, UNKNOWN_TALLY_WIJK } from '../../domain/spreekuur/tally';
import { canSendTallies } from '../../domain/sync/scope';
import { log } from '../log';
import type { RouteDeps } from './route-kit';
import { LIMITS, describe, fail, limit, readJson } from './route-kit';

/**
 * Anonymous quick checks' tallies (issue 16): ids from fixed lists, never a resident. Stored
 * once per tally id (a resend is a duplicate) and counted in the coordinator's figures.
 */
export function registerSpreekuurRoutes({ app, storage, now, auth, knownValues }: RouteDeps): void {
  app.post('/api/spreekuur/tallies', limit(LIMITS.default), auth, async (c) => {
    if (!canSendTallies(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only workers who do checks send tallies.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = tallyRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(
        c,
        400,
        'badRequest',
        'The tallies are not valid; nothing was saved.',
        describe(parsed.error),
      );
    const known = await knownValues(c.var.stamps);
    const unknownWijk = parsed.data.tallies.find(
      (t) => t.wijk !== UNKNOWN_TALLY_WIJK && !known.wijken.has(t.wijk),
    );
    if (unknownWijk) return fail(c, 400, 'badRequest', 'A tally names a wijk that does not exist.');
    const result = await storage.putTallies(c.var.actor, parsed.data.tallies, now().toISOString());
    log.info('spreekuur.tallies', {
      accepted: result.accepted.length,
      duplicate: result.duplicate.length,
    });
    return c.json(result);
  });
}
