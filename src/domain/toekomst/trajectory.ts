import type { StepStatus } from './plan';
import { OUTCOME_STATUSES } from './plan';

/**
 * The status of a resident's trajectory with the toekomstmakelaars, kept on the record so lists
 * filter on it and a referrer can see it (never the intake): verwezen (waiting for the team),
 * opgepakt (a toekomstmakelaar took it up), in-traject (a plan with a step), uitgestroomd (in work
 * or training), afgesloten (ended). Changes are `status` events, so the server applies them in
 * the order it receives them and validation knows the words.
 */
export const TOEKOMST_STATUSES = [
  'verwezen',
  'opgepakt',
  'in-traject',
  'uitgestroomd',
  'afgesloten',
] as const;
export type ToekomstStatus = (typeof TOEKOMST_STATUSES)[number];

const TRANSITIONS: Record<ToekomstStatus, readonly ToekomstStatus[]> = {
  verwezen: ['opgepakt', 'afgesloten'],
  opgepakt: ['in-traject', 'afgesloten'],
  'in-traject': ['uitgestroomd', 'afgesloten'],
  // Work can end, a training can stop: a new step brings the resident back into the trajectory.
  uitgestroomd: ['in-traject', 'afgesloten'],
  afgesloten: ['opgepakt'],
};

export function isToekomstStatus(value: unknown): value is ToekomstStatus {
  return typeof value === 'string' && (TOEKOMST_STATUSES as readonly string[]).includes(value);
}

export function canMoveTrajectory(from: ToekomstStatus, to: ToekomstStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The statuses the trajectory must pass through, in order, after a plan step moved to `step`:
 * a step on a trajectory that was only picked up puts it in-traject, an outcome makes it
 * uitgestroomd. Empty when the status already fits.
 */
export function trajectoryAfterStep(current: ToekomstStatus, step: StepStatus): ToekomstStatus[] {
  const path: ToekomstStatus[] = [];
  let status = current;
  const go = (to: ToekomstStatus) => {
    if (canMoveTrajectory(status, to)) {
      path.push(to);
      status = to;
    }
  };
  if (status === 'verwezen' || status === 'afgesloten') go('opgepakt');
  if (status === 'opgepakt') go('in-traject');
  if (OUTCOME_STATUSES.includes(step) && status === 'in-traject') go('uitgestroomd');
  return path;
}

/** The toekomstmakelaars' team: referrals go to the team, and every member sees them. */
export const TOEKOMST_TEAM_ID = 'team-toekomstmakelaars';
