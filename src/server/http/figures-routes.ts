import { canReadAggregates } from '../../domain/sync/scope';
import { insightFor } from '../insight';
import type { RouteDeps } from './route-kit';
import { MIN_AGGREGATE_CELL, fail } from './route-kit';

/** Counts for coordinators; never a cell small enough to recognise a household. */
export function registerFiguresRoutes({ app, storage, now, auth }: RouteDeps): void {
  app.get('/api/aggregates', auth, async (c) => {
    if (!canReadAggregates(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Aggregates are for coordinators.');
    return c.json({
      minCell: MIN_AGGREGATE_CELL,
      cells: await storage.aggregates(MIN_AGGREGATE_CELL),
    });
  });

  app.get('/api/insight', auth, async (c) => {
    if (!canReadAggregates(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Figures are for coordinators.');
    const result = await insightFor(storage, c.req.query('month'), now());
    if (!result.ok) return fail(c, 400, 'badRequest', result.message);
    return c.json(result.body);
  });
}
