import {
  computeMonthFigures,
  monthRange,
  monthSchema,
  NATIONAL_CONTACT_SHARE_2024,
  previousMonth,
  type InsightDimensions,
  type InsightResponse,
  rowsOf,
} from '../domain/insight/figures';
import type { RollupCount } from '../domain/insight/rollup';
import {
  computeToekomstFigures,
  foldTrajectories,
  type TrajectoryFact,
} from '../domain/insight/toekomst-figures';
import { MIN_CELL } from '../domain/insight/suppression';
import { DOELGROEPEN } from '../domain/insight/take-up';
import { SIGNAL_CATEGORY_IDS } from '../domain/signals/categories';
import { SIGNAL_STATUSES } from '../domain/signals/lifecycle';
import { URGENCIES } from '../domain/signals/signal-schema';

/** What the insight route needs from storage. */
export interface InsightSource {
  /** The month's maintained counts (insight-rollup.ts). */
  insightCounts(month: string): Promise<RollupCount[]>;
  /** Every trajectory made before `to`, with its step and status events. */
  insightTrajectories(to: string): Promise<TrajectoryFact[]>;
}

const ROLES_THAT_CHECK = ['vrijwilliger', 'wijkteam', 'toekomstmakelaar'];

export type InsightResult = { ok: true; body: InsightResponse } | { ok: false; message: string };

/**
 * The coordinator's figures for a month next to the month before. Both months share their rows
 * and columns so the screen can compare them; every number goes through suppression.
 */
export async function insightFor(
  source: InsightSource,
  monthParam: string | undefined,
  now: Date,
): Promise<InsightResult> {
  const month = monthSchema.safeParse(monthParam ?? now.toISOString().slice(0, 7));
  if (!month.success) return { ok: false, message: month.error.issues[0]?.message ?? 'Bad month.' };
  const prev = previousMonth(month.data);
  // One read serves both months: the follow-up looks back at plans begun up to 12 months earlier.
  const trajectoriesRead = source
    .insightTrajectories(monthRange(month.data).to)
    .then(foldTrajectories);
  const [current, previous] = await Promise.all(
    [month.data, prev].map(async (m) => ({ m, counts: await source.insightCounts(m) })),
  );
  const trajectories = await trajectoriesRead;
  const all = [current, previous].filter((x) => x !== undefined);
  const keysOf = (metric: RollupCount['metric']) =>
    all.flatMap((x) => x.counts.filter((c) => c.metric === metric).map((c) => c.key));
  const wijken = [
    ...new Set([
      ...all.flatMap((x) => x.counts.map((c) => c.wijk)),
      ...trajectories.map((t) => t.wijk),
    ]),
  ]
    .filter((w): w is string => w !== null && w !== '')
    .sort();
  const regelingen = [...new Set(keysOf('suggested'))].sort();
  const dims: InsightDimensions = {
    wijken,
    categories: SIGNAL_CATEGORY_IDS,
    urgencies: URGENCIES,
    statuses: SIGNAL_STATUSES,
    roles: ROLES_THAT_CHECK,
    regelingen,
    doelgroepen: DOELGROEPEN,
  };
  const at = now.toISOString();
  const figures = (x: { m: string; counts: RollupCount[] } | undefined) => ({
    ...computeMonthFigures(x?.m ?? month.data, dims, x?.counts ?? []),
    toekomst: computeToekomstFigures(x?.m ?? month.data, rowsOf(dims), trajectories, at),
  });
  return {
    ok: true,
    body: {
      minCell: MIN_CELL,
      nationalContactShare: NATIONAL_CONTACT_SHARE_2024,
      current: figures(current),
      previous: figures(previous),
    },
  };
}
