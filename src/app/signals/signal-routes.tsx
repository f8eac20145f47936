import type { RouteObject } from 'react-router';
import { paths } from '../paths';
import { catalogueRoute } from '../lazy-route';

export const signalRoutes: RouteObject[] = [
  catalogueRoute(
    paths.signals.path,
    async () => (await import('./signals-list-page')).SignalsListPage,
    ['signals'],
  ),
  catalogueRoute(
    paths.newSignal.path,
    async () => (await import('./new-signal-page')).NewSignalPage,
    ['signals'],
  ),
  catalogueRoute(
    paths.signal.path,
    async () => (await import('./signal-detail-page')).SignalDetailPage,
    ['signals', 'toekomst', 'outreach'],
  ),
];

/**
 * The one-tap link from a check outcome: opens "Signaal vastleggen" with the category, wijk and
 * urgency filled in and the check linked.
 */
export function signalFromCheckHref(prefill: {
  category?: string;
  wijk?: string;
  urgency?: string;
  checkId?: string;
}): string {
  return paths.newSignal.href({
    categorie: prefill.category,
    wijk: prefill.wijk,
    urgentie: prefill.urgency,
    check: prefill.checkId,
  });
}
