import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { CatalogueGate } from './components/catalogue-gate';
import { loadTranslations, type Feature } from './i18n/feature-translations';

/**
 * A page that loads as its own chunk (precached by the service worker, so it opens offline),
 * with the texts of the features it shows, once the catalogue is ready.
 */
export function catalogueRoute(
  path: string,
  load: () => Promise<ComponentType>,
  features: readonly Feature[] = [],
): RouteObject {
  return {
    path,
    lazy: async () => {
      const [Page] = await Promise.all([load(), loadTranslations(...features)]);
      return {
        element: (
          <CatalogueGate>
            <Page />
          </CatalogueGate>
        ),
      };
    },
  };
}
