import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Catalogue } from '../../../src/domain/catalogue/schema';
import { CatalogueProvider } from '../../../src/app/catalogue-context';
import { initI18n } from '../../../src/app/i18n/i18n';
import { routes } from '../../../src/app/router';
import { fixtureCatalogue } from '../../fixtures/catalogue';

initI18n('nl');

/** Renders the real route table at a path, with a catalogue loader the test controls. */
export function renderApp(
  path: string,
  load: () => Promise<{ catalogue: Catalogue; stored: boolean }> = async () => ({
    catalogue: fixtureCatalogue(),
    stored: true,
  }),
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return {
    router,
    ...render(
      <CatalogueProvider load={load}>
        <RouterProvider router={router} />
      </CatalogueProvider>,
    ),
  };
}
