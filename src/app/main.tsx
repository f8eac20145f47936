import { Fragment, StrictMode, useEffect, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { CatalogueProvider } from './catalogue-context';
import { AppShell } from './components/app-shell';
import { loadLanguage } from './i18n/feature-translations';
import { applyDocumentLanguage, initI18n, isLanguageCode } from './i18n/i18n';
import { routes } from './router';
import { startSyncWhenSignedIn } from './session/sync-when-signed-in';
import { loadSetting } from '../data/settings';
import {
  getActiveWorkerDb,
  restoreActiveWorker,
  subscribeActiveWorker,
} from '../data/workers/active';
import './theme/dordrecht.css';
import './styles.css';

let backgroundStarted = false;

/** Work the first screen does not need starts once it has been rendered. */
function AfterFirstRender() {
  useEffect(() => {
    // StrictMode runs effects twice in development; sync must start once.
    if (backgroundStarted) return;
    backgroundStarted = true;
    // Sync on start, when the connection returns, when the app is shown again and every minute.
    startSyncWhenSignedIn();
  }, []);
  return null;
}

/**
 * Remounts everything below when another worker of the tablet becomes active (issue 16): every
 * screen, live query and cached state starts again on her database, none keeps the previous.
 */
function PerWorker({ children }: { children: ReactNode }) {
  const active = useSyncExternalStore(subscribeActiveWorker, getActiveWorkerDb);
  return <Fragment key={active}>{children}</Fragment>;
}

async function start() {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  const root = createRoot(element);
  // Painted at once; the language setting and the first page's chunk are read meanwhile.
  root.render(<AppShell />);
  const i18n = initI18n('nl');
  // Created now, so the first page's chunk and texts download while the setting is read.
  const router = createBrowserRouter(routes);
  // Whose database this tablet shows decides where the settings are read.
  await restoreActiveWorker();
  const saved = await loadSetting('language').catch(() => undefined);
  const language = isLanguageCode(saved) ? saved : 'nl';
  if (language !== 'nl') {
    // Dutch is in this bundle; a worker who chose English or Arabic waits for those texts only.
    await loadLanguage(language).catch(() => undefined);
    await i18n.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  root.render(
    <StrictMode>
      <PerWorker>
        <CatalogueProvider>
          <RouterProvider router={router} />
        </CatalogueProvider>
      </PerWorker>
      <AfterFirstRender />
    </StrictMode>,
  );
}

void start();
