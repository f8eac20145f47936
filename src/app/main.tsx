import { Fragment, StrictMode, startTransition, useEffect, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { CatalogueProvider } from './catalogue-context';
import { loadLanguage } from './i18n/feature-translations';
import { applyDocumentLanguage, initI18n, isLanguageCode } from './i18n/i18n';
import { routes } from './router';
import { readStartLanguage } from './start-language';
import { yieldToBrowser } from '../data/yield-to-browser';
import { startSyncWhenSignedIn } from './session/sync-when-signed-in';
import { DB_NAME, workerDb } from '../data/db';
import { loadSetting } from '../data/settings';
import {
  getActiveWorkerDb,
  restoreActiveWorker,
  subscribeActiveWorker,
} from '../data/workers/active';

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
  // Read by `npm run bench` (test/bench/startup.ts) to say where a start spends its time.
  performance.mark('dichtbij:main-start');
  // The app's modules were evaluated in the task before: a keystroke waiting since goes first.
  await yieldToBrowser();
  // Asked first: IndexedDB answers from another process while this thread sets up React, the
  // texts and the router. Whose database this tablet shows decides where the settings are read.
  const savedLanguage = readStartLanguage({
    restoreActive: () =>
      restoreActiveWorker().finally(() => performance.mark('dichtbij:worker-restored')),
    readSetting: (name) => loadSetting('language', workerDb(name)),
    firstDbName: DB_NAME,
  });
  // index.html already shows the app shell (the AppShell component, kept the same by a test):
  // no React render of it, which would only cost the first screen time on a slow tablet. Each
  // step below is a task of its own, so a keystroke in the static field is handled in between.
  const root = createRoot(element);
  await yieldToBrowser();
  const i18n = initI18n('nl');
  await yieldToBrowser();
  // Created now, so the first page's chunk and texts download while the setting is read.
  const router = createBrowserRouter(routes);
  const saved = await savedLanguage;
  const language = isLanguageCode(saved) ? saved : 'nl';
  if (language !== 'nl') {
    // Dutch is in this bundle; a worker who chose English or Arabic waits for those texts only.
    await loadLanguage(language).catch(() => undefined);
    await i18n.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  performance.mark('dichtbij:language-ready');
  // A transition: React renders the app in slices of a few milliseconds and lets the browser
  // handle a keystroke in index.html's search field in between, instead of one long task (the
  // static shell is on screen meanwhile, so nothing waits for this render to be drawn sooner).
  startTransition(() => {
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
  });
}

void start();
