import type { RouteObject } from 'react-router';
import { paths } from '../paths';
import { catalogueRoute } from '../lazy-route';

export const outreachRoutes: RouteObject[] = [
  catalogueRoute(paths.dayList.path, async () => (await import('./day-list-page')).DayListPage, [
    'outreach',
    'signals',
  ]),
  catalogueRoute(paths.visit.path, async () => (await import('./visit-page')).VisitPage, [
    'outreach',
    'signals',
  ]),
];
