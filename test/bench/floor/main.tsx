import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { Dexie } from 'dexie';

/**
 * The floor for the start-up bench: the app's libraries (React, react-router, i18next, Dexie)
 * and nothing else, rendering one heading. The app's first paint is compared with this one.
 * Each library is really used, so the bundler keeps what an app needs of it.
 */
const database = new Dexie('bench-floor');
database.version(1).stores({ meta: 'key' });

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: { title: 'Dichtbij' } } },
  lng: 'nl',
  interpolation: { escapeValue: false },
});

function Home() {
  const { t } = useTranslation();
  useEffect(() => {
    void database.table('meta').get('start');
  }, []);
  return <h1>{t('title')}</h1>;
}

const router = createBrowserRouter([{ path: '*', element: <Home /> }]);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
