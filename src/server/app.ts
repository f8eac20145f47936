import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../domain/sync/protocol';
import { authGuard } from './http/auth-guard';
import { registerAdminRoutes } from './http/admin-routes';
import { registerAuthRoutes } from './http/auth-routes';
import { registerFiguresRoutes } from './http/figures-routes';
import { registerPublishedRoutes } from './http/published-routes';
import type { AppOptions, Env, RouteDeps } from './http/route-kit';
import { LIMITS, fail, limit } from './http/route-kit';
import { registerSpreekuurRoutes } from './http/spreekuur-routes';
import { registerSyncRoutes } from './http/sync-routes';
import { knownValuesLoader } from './known-values';
import { withCachedCurrentId } from './storage/rules-versions';
import { log } from './log';
import { securityHeaders } from './security-headers';
import { staticHandler } from './static-files';
import { compressApiResponses } from './compression';
import { CAMPAIGN_MAX_BYTES, IMPORT_MAX_BYTES, vroegHandlers } from './vroegsignalen-routes';

export type { AppOptions } from './http/route-kit';

/** How long an instance names the same current rules version in pulls (see withCachedCurrentId). */
const RULES_ID_TTL_MS = 5_000;

/** The server: security headers and compression, then each group of API routes, then the app. */
export function createApp(given: AppOptions): Hono<Env> {
  const options: AppOptions = {
    ...given,
    rulesVersions: given.rulesVersions && withCachedCurrentId(given.rulesVersions, RULES_ID_TTL_MS),
  };
  const { storage, jwtSecret } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<Env>();
  const knownValues = knownValuesLoader(storage);
  const auth = authGuard(storage, jwtSecret, now);
  const deps: RouteDeps = { app, options, storage, now, auth, knownValues };

  app.use('*', securityHeaders({ trustProxy: options.trustProxy ?? false }));
  app.use('/api/*', compressApiResponses());

  app.get('/api/health', (c) =>
    c.json({ ok: true, protocolVersion: PROTOCOL_VERSION, storage: storage.dialect }),
  );
  registerAuthRoutes(deps);
  registerSyncRoutes(deps);
  registerPublishedRoutes(deps);
  registerFiguresRoutes(deps);
  registerSpreekuurRoutes(deps);
  registerAdminRoutes(deps);

  if (options.vroegsignalen) {
    const vroeg = vroegHandlers({
      store: options.vroegsignalen,
      storage,
      fail,
      knownValues,
      now,
    });
    app.post('/api/vroegsignalen/import', limit(IMPORT_MAX_BYTES), auth, (c) =>
      vroeg.importFile(c, c.var.actor),
    );
    app.get('/api/vroegsignalen/unplaced', auth, (c) => vroeg.unplaced(c, c.var.actor));
    app.post('/api/vroegsignalen/place', limit(LIMITS.default), auth, (c) =>
      vroeg.place(c, c.var.actor),
    );
    app.post('/api/campagnes', limit(CAMPAIGN_MAX_BYTES), auth, (c) =>
      vroeg.createCampaign(c, c.var.actor),
    );
    app.get('/api/campagnes', auth, (c) => vroeg.listCampaigns(c, c.var.actor));
  }

  app.all('/api/*', (c) => fail(c, 404, 'notFound', 'No such endpoint.'));

  if (options.distDir) app.all('*', staticHandler(options.distDir));

  app.onError((error, c) => {
    log.error('http.error', {
      name: error.name,
      path: c.req.path.startsWith('/api/') ? c.req.path : 'static',
    });
    return fail(c, 500, 'internal', 'Something went wrong on the server; nothing was half-saved.');
  });

  return app;
}
