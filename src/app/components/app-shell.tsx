import { PageHeader } from './page-header';

/**
 * What the first paint shows while the app's texts, settings and first page load: the header's
 * brand, in the same component and classes as the layout's, so nothing moves when the app arrives.
 * No translated text (the language is not known yet) and no data.
 */
export function AppShell() {
  return (
    <div className="app" aria-busy="true">
      <PageHeader className="app-header">
        <div className="brand">
          <img src="/icons/icon-192.png" alt="" width="36" height="36" />
          <span className="brand-name">Dichtbij</span>
        </div>
      </PageHeader>
      <main id="main" className="app-main" tabIndex={-1} />
    </div>
  );
}
