import { closedUnreached, toekomstFigures, type TrajectoryFacts } from '../toekomst/figures';
import { reducePlan, type PlanEvent } from '../toekomst/plan';
import { isToekomstStatus } from '../toekomst/trajectory';
import { monthRange, rowIndex, type MonthFigures } from './figures';
import { protectTable } from './suppression';

/**
 * The toekomstmakelaars' figures for the coordinator (issue 13, "her figures"; the NPDW results
 * for 2026, 003 L3425–3434, L3633–3636): per wijk, counts only, through the same small-cell
 * suppression as every other figure. The counting itself is the toekomstmakelaar's own
 * (toekomstFigures), so her screen and the coordinator's cannot count differently.
 *
 * - Trajectories begun in the month (referred or started by her): how many, reached (taken up),
 *   with a plan, with a step started — as of the moment of asking, like the checks' take-up.
 * - Follow-up: of the plans begun 3 (12) months before the chosen month, how many are at least
 *   3 (12) months old now, and how many of those led to work or training within that time.
 */
export interface TrajectoryFact {
  wijk: string | null;
  createdAt: string;
  status: string | null;
  /** The record's `step` and `status` events (the plan's reducer reads only the steps). */
  events: readonly PlanEvent[];
}

export const TOEKOMST_COLUMNS = ['nieuw', 'bereikt', 'met-plan', 'stap-gestart'] as const;
export const FOLLOW_UP_COLUMNS = ['plan-begonnen', 'werk-of-opleiding'] as const;

/** `2026-11` minus 3 → `2026-08`. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - n, 1)).toISOString().slice(0, 7);
}

interface Folded {
  wijk: string | null;
  createdAt: string;
  facts: TrajectoryFacts;
  /** When the first step of the plan was made; null without a plan. */
  planBegan: string | null;
}

/** Folds each record's events into its plan once; both months of the screen reuse the result. */
export function foldTrajectories(trajectories: readonly TrajectoryFact[]): Folded[] {
  return trajectories.map((t) => {
    const plan = reducePlan(t.events);
    const planBegan = plan.steps.map((s) => s.createdAt).sort()[0] ?? null;
    const status = isToekomstStatus(t.status) ? t.status : 'verwezen';
    return {
      wijk: t.wijk,
      createdAt: t.createdAt,
      planBegan,
      facts: { status, plan, closedUnreached: closedUnreached(status, t.events) },
    };
  });
}

function perRow(rows: readonly string[], items: readonly Folded[]): TrajectoryFacts[][] {
  const groups = rows.map((): TrajectoryFacts[] => []);
  for (const item of items) groups[rowIndex(rows, item.wijk)]?.push(item.facts);
  return groups;
}

function publish(rows: readonly string[], cols: readonly string[], cells: number[][]) {
  return protectTable({
    rows,
    cols,
    cells,
    showRowTotals: false,
    showColTotals: true,
    showTotal: false,
  });
}

function inMonth(at: string | null, month: string): boolean {
  if (at === null) return false;
  const { from, to } = monthRange(month);
  return at >= from && at < to;
}

export function computeToekomstFigures(
  month: string,
  rows: readonly string[],
  folded: readonly Folded[],
  now: string,
): MonthFigures['toekomst'] {
  const begun = perRow(
    rows,
    folded.filter((f) => inMonth(f.createdAt, month)),
  );
  const byWijk = publish(
    rows,
    TOEKOMST_COLUMNS,
    begun.map((group) => {
      const f = toekomstFigures(group, now);
      return [group.length, f.reached, f.withPlan, f.withStepStarted];
    }),
  );
  const followUp = (months: 3 | 12) => {
    const cohort = monthsBefore(month, months);
    const groups = perRow(
      rows,
      folded.filter((f) => inMonth(f.planBegan, cohort)),
    );
    const cells = groups.map((group) => {
      const f = toekomstFigures(group, now);
      const after = months === 3 ? f.after3Months : f.after12Months;
      return [after.eligible, after.inWorkOrTraining];
    });
    return { cohort, table: publish(rows, FOLLOW_UP_COLUMNS, cells) };
  };
  return { byWijk, after3Months: followUp(3), after12Months: followUp(12) };
}
