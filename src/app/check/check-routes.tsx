import type { RouteObject } from 'react-router';
import { paths } from '../paths';
import { catalogueRoute } from '../lazy-route';

export const checkRoutes: RouteObject[] = [
  catalogueRoute(paths.checks.path, async () => (await import('./check-list-page')).CheckListPage, [
    'check',
    'signals',
  ]),
  catalogueRoute(
    paths.checkNew.path,
    async () => (await import('./check-start-page')).CheckStartPage,
    ['check', 'signals', 'lifeEvents'],
  ),
  catalogueRoute(
    paths.check.path,
    async () => (await import('./check-resume-page')).CheckResumePage,
    ['check', 'signals'],
  ),
  catalogueRoute(
    paths.checkOutcome.path,
    async () => (await import('./check-outcome-page')).CheckOutcomePage,
    ['check', 'signals', 'toekomst', 'lifeEvents'],
  ),
  catalogueRoute(
    paths.checkSummary.path,
    async () => (await import('./check-summary-page')).CheckSummaryPage,
    ['check', 'signals'],
  ),
  catalogueRoute(
    paths.checkTopic.path,
    async () => (await import('./check-topic-page')).CheckTopicPage,
    ['check', 'signals', 'lifeEvents'],
  ),
];
