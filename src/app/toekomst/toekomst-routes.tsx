import type { RouteObject } from 'react-router';
import { paths } from '../paths';
import { catalogueRoute } from '../lazy-route';

/** The toekomstmakelaar's screens; referrers use the referral form and see the status. */
export const toekomstRoutes: RouteObject[] = [
  catalogueRoute(
    paths.toekomst.path,
    async () => (await import('./toekomst-list-page')).ToekomstListPage,
    ['toekomst'],
  ),
  catalogueRoute(paths.toekomstRefer.path, async () => (await import('./refer-page')).ReferPage, [
    'toekomst',
    'signals',
  ]),
  catalogueRoute(
    paths.trajectory.path,
    async () => (await import('./trajectory-page')).TrajectoryPage,
    ['toekomst', 'signals'],
  ),
  catalogueRoute(
    paths.trajectoryPlan.path,
    async () => (await import('./plan-print-page')).PlanPrintPage,
    ['toekomst'],
  ),
];
