import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { CatalogueProvider } from './catalogue-context';
import { applyDocumentLanguage, initI18n, isLanguageCode } from './i18n/i18n';
import { routes } from './router';
import { loadSetting } from '../data/settings';
import './styles.css';

async function start() {
  const saved = await loadSetting('language');
  const language = isLanguageCode(saved) ? saved : 'nl';
  initI18n(language);
  applyDocumentLanguage(language);
  const router = createBrowserRouter(routes);
  // Sync on start, when the connection returns, when the app is shown again and every minute.
  // Loaded after the first render: the protocol code is not needed to show the app.
  void import('../data/sync/sync-runner').then(({ startAutoSync }) => startAutoSync());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <CatalogueProvider>
        <RouterProvider router={router} />
      </CatalogueProvider>
    </StrictMode>,
  );
}

void start();
