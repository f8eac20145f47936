import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { AppShell } from './components/app-shell';
import { Layout } from './components/layout';
import { loadTranslations } from './i18n/feature-translations';
import { catalogueRoute } from './lazy-route';
import { NotFound } from './components/not-found';
import { paths } from './paths';
import { RequireSession } from './session/require-session';
import { checkRoutes } from './check/check-routes';
import { signalRoutes } from './signals/signal-routes';
import { toekomstRoutes } from './toekomst/toekomst-routes';
import { outreachRoutes } from './outreach/outreach-routes';
import { spreekuurRoutes } from './spreekuur/spreekuur-routes';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown until the first page's chunk and texts are in, instead of an empty screen.
    hydrateFallbackElement: <AppShell />,
    children: [
      // Not a catalogueRoute: the start page's search field is shown before the catalogue is
      // ready (the fundamenten on it wait inside their own CatalogueGate).
      {
        path: paths.start.path,
        lazy: async () => {
          const { StartPage } = await import('./routes/start-page');
          return { element: <StartPage /> };
        },
      },
      catalogueRoute(
        paths.regelingen.path,
        async () => (await import('./routes/regelingen-page')).RegelingenPage,
      ),
      catalogueRoute(
        paths.regeling.path,
        async () => (await import('./routes/regeling-detail-page')).RegelingDetailPage,
      ),
      catalogueRoute(
        paths.programmes.path,
        async () => (await import('./routes/programmes-page')).ProgrammesPage,
      ),
      catalogueRoute(
        paths.programme.path,
        async () => (await import('./routes/programme-detail-page')).ProgrammeDetailPage,
      ),
      catalogueRoute(
        paths.kaart.path,
        async () => (await import('./directory/kaart-page')).KaartPage,
      ),
      catalogueRoute(
        paths.placeSlip.path,
        async () => (await import('./directory/referral-slip')).ReferralSlipPage,
      ),
      catalogueRoute(
        paths.wijken.path,
        async () => (await import('./routes/wijken-page')).WijkenPage,
      ),
      catalogueRoute(
        paths.wijk.path,
        async () => (await import('./routes/wijk-detail-page')).WijkDetailPage,
      ),
      catalogueRoute(
        paths.lifeEvents.path,
        async () => (await import('./life-events/life-events-page')).LifeEventsPage,
        ['lifeEvents'],
      ),
      catalogueRoute(
        paths.lifeEvent.path,
        async () => (await import('./life-events/life-event-page')).LifeEventPage,
        ['lifeEvents', 'check'],
      ),
      catalogueRoute(
        paths.checklist.path,
        async () => (await import('./apply-help/checklist-page')).ChecklistPage,
        ['lifeEvents'],
      ),
      catalogueRoute(
        paths.indicators.path,
        async () => (await import('./routes/indicators-page')).IndicatorsPage,
      ),
      {
        path: paths.login.path,
        lazy: async () => {
          const { LoginPage } = await import('./session/login-page');
          return { element: <LoginPage /> };
        },
      },
      // The tablet's workers: no resident's data, so outside the vault; each opens her own.
      {
        path: paths.workers.path,
        lazy: async () => {
          const [{ WorkersPage }] = await Promise.all([
            import('./session/workers-page'),
            loadTranslations('lock'),
          ]);
          return { element: <WorkersPage /> };
        },
      },
      {
        path: paths.account.path,
        lazy: async () => {
          const { AccountPage } = await import('./session/account-page');
          return {
            element: (
              <RequireSession>
                <AccountPage />
              </RequireSession>
            ),
          };
        },
      },
      // The coordinator's figures: counts only, so no PIN vault.
      {
        path: paths.insight.path,
        lazy: async () => {
          const [{ InsightGate }] = await Promise.all([
            import('./insight/insight-gate'),
            loadTranslations('insight', 'signals'),
          ]);
          return { element: <InsightGate /> };
        },
      },
      // Creditors' arrears reports in: coordinator or beheerder; the device keeps nothing of it.
      {
        path: paths.vroegImport.path,
        lazy: async () => {
          const [{ VroegImportGate }] = await Promise.all([
            import('./vroegsignalen/vroeg-import-gate'),
            loadTranslations('admin'),
          ]);
          return { element: <VroegImportGate /> };
        },
      },
      // Door-to-door campaigns: coordinator or beheerder; the device keeps nothing of them.
      {
        path: paths.campaigns.path,
        lazy: async () => {
          const [{ CampaignsGate }] = await Promise.all([
            import('./campaigns/campaigns-gate'),
            loadTranslations('admin', 'outreach'),
          ]);
          return { element: <CampaignsGate /> };
        },
      },
      // The beheerder's screens: signed in as beheerder; no residents' data, so no PIN vault.
      {
        path: paths.admin.path,
        lazy: async () => {
          const [{ AdminGate }] = await Promise.all([
            import('./admin/admin-gate'),
            loadTranslations('admin'),
          ]);
          return { element: <AdminGate /> };
        },
        children: [
          { index: true, element: <Navigate to={paths.adminUsers.href()} replace /> },
          catalogueRoute(
            paths.adminUsers.path,
            async () => (await import('./admin/admin-users-page')).AdminUsersPage,
          ),
          catalogueRoute(
            paths.adminUser.path,
            async () => (await import('./admin/admin-user-page')).AdminUserPage,
          ),
          catalogueRoute(
            paths.adminAudit.path,
            async () => (await import('./admin/admin-audit-page')).AdminAuditPage,
          ),
          catalogueRoute(
            paths.adminCatalogue.path,
            async () => (await import('./admin/admin-catalogue-page')).AdminCataloguePage,
          ),
          catalogueRoute(
            paths.adminRules.path,
            async () => (await import('./admin/admin-rules-page')).AdminRulesPage,
          ),
        ],
      },
      // Residents' data: signed in, PIN vault unlocked.
      {
        lazy: async () => {
          const [{ PersonalDataGate }] = await Promise.all([
            import('./components/personal-data-gate'),
            loadTranslations('lock'),
          ]);
          return { element: <PersonalDataGate /> };
        },
        children: [
          ...checkRoutes,
          ...signalRoutes,
          ...toekomstRoutes,
          ...outreachRoutes,
          ...spreekuurRoutes,
          catalogueRoute(
            paths.differences.path,
            async () => (await import('./session/differences-page')).DifferencesPage,
            ['signals'],
          ),
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
