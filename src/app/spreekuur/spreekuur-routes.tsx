import type { RouteObject } from 'react-router';
import { catalogueRoute } from '../lazy-route';
import { paths } from '../paths';

/**
 * The spreekuur (issue 16): the evening's overview and the anonymous quick check. The quick
 * check is one layout route holding the conversation in memory; its screens are its children.
 */
const quickCheckLayout = catalogueRoute(
  paths.quickCheck.path,
  async () => (await import('./quick-check-layout')).QuickCheckLayout,
  // lifeEvents: the help with applying and its checklist (issue 16, item 3).
  ['check', 'signals', 'toekomst', 'lifeEvents'],
);

export const spreekuurRoutes: RouteObject[] = [
  catalogueRoute(
    paths.spreekuur.path,
    async () => (await import('./spreekuur-page')).SpreekuurPage,
    ['check'],
  ),
  {
    path: paths.quickCheck.path,
    lazy: quickCheckLayout.lazy,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./quick-check-start-page')).QuickCheckStartPage,
        }),
      },
      {
        path: paths.quickCheckOutcome.path,
        lazy: async () => ({
          Component: (await import('./quick-check-outcome-page')).QuickCheckOutcomePage,
        }),
      },
      {
        path: paths.quickCheckSummary.path,
        lazy: async () => ({
          Component: (await import('./quick-check-summary-page')).QuickCheckSummaryPage,
        }),
      },
      {
        path: paths.quickCheckChecklist.path,
        lazy: async () => ({
          Component: (await import('../apply-help/checklist-page')).ChecklistPage,
        }),
      },
      {
        path: paths.quickCheckTopic.path,
        lazy: async () => ({
          Component: (await import('./quick-check-topic-page')).QuickCheckTopicPage,
        }),
      },
    ],
  },
];
