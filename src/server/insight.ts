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
import { QUICK_CHECK_ROLE, type RollupCount } from '../domain/insight/rollup';
import { SUMMARY_LANGUAGES } from '../domain/spreekuur/tally';
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
import { CREDITOR_TYPES } from '../domain/vroegsignalen/vroegsignaal';

/** What the insight route needs from storage. */
export interface InsightSource {
  /** The month's maintained counts (insight-rollup.ts). */
  insightCounts(month: string): Promise<RollupCount[]>;
  /** Every trajectory made before `to`, with its step and status events. */
  insightTrajectories(to: string): Promise<TrajectoryFact[]>;
}

// Anonymous quick checks (issue 16) have a column of their own next to the roles' records.
const ROLES_THAT_CHECK = ['vrijwilliger', 'wijkteam', 'toekomstmakelaar', QUICK_CHECK_ROLE];

export type InsightResult = { ok: true; body: InsightResponse } | { ok: false; message: string };

/**
 * The coordinator's figures for a month next to the month before; every number goes through
 * suppression. The screen lines the months up by wijk and column id.
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
  const known = (ws: readonly (string | null)[]) =>
    // '*' is where the city-wide histogram is kept (rollup.ts), not a wijk.
    [...new Set(ws)].filter((w): w is string => w !== null && w !== '' && w !== '*').sort();
  /** Rows and regelingen of one month from its own counts (see computeMonthFigures). */
  const dimsOf = (counts: readonly RollupCount[], wijken: string[]): InsightDimensions => ({
    wijken,
    categories: SIGNAL_CATEGORY_IDS,
    urgencies: URGENCIES,
    statuses: SIGNAL_STATUSES,
    roles: ROLES_THAT_CHECK,
    regelingen: known(counts.filter((c) => c.metric === 'suggested').map((c) => c.key)),
    doelgroepen: DOELGROEPEN,
    languages: SUMMARY_LANGUAGES,
    creditorTypes: CREDITOR_TYPES,
  });
  // The toekomst tables keep their rows across both months and the trajectories' wijken.
  const toekomstRows = rowsOf(
    dimsOf(
      [],
      known([
        ...[current, previous].flatMap((x) => x?.counts.map((c) => c.wijk) ?? []),
        ...trajectories.map((t) => t.wijk),
      ]),
    ),
  );
  const at = now.toISOString();
  const figures = (m: string, counts: readonly RollupCount[]) => ({
    ...computeMonthFigures(m, dimsOf(counts, known(counts.map((c) => c.wijk))), counts),
    toekomst: computeToekomstFigures(m, toekomstRows, trajectories, at),
  });
  return {
    ok: true,
    body: {
      minCell: MIN_CELL,
      nationalContactShare: NATIONAL_CONTACT_SHARE_2024,
      current: figures(month.data, current?.counts ?? []),
      previous: figures(prev, previous?.counts ?? []),
    },
  };
}
