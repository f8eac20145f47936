import { checkRulesVersion } from '../../domain/eligibility/rules-version';
import { canPublishCatalogue } from '../../domain/sync/scope';
import { checkCatalogue } from '../catalogue';
import { log } from '../log';
import type { RouteDeps } from './route-kit';
import { LIMITS, fail, limit, readJson } from './route-kit';

/** The catalogue and the norms and rules: read by every device, published by a beheerder. */
export function registerPublishedRoutes({ app, options, storage, now, auth }: RouteDeps): void {
  app.get('/api/catalogue', async (c) => {
    const stored = await storage.currentCatalogue();
    if (!stored) return c.json({ version: null, publishedAt: null, catalogue: null });
    // Stored as validated JSON text; sent as is rather than parsed and re-serialised.
    return c.body(
      `{"version":${JSON.stringify(stored.version)},"publishedAt":${JSON.stringify(stored.publishedAt)},"catalogue":${stored.body}}`,
      200,
      {
        'content-type': 'application/json; charset=utf-8',
      },
    );
  });

  app.post('/api/catalogue', limit(LIMITS.catalogue), auth, async (c) => {
    if (!canPublishCatalogue(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder publishes the catalogue.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const checked = checkCatalogue(body.value);
    if (!checked.ok)
      return fail(
        c,
        400,
        'catalogueInvalid',
        'The catalogue is not valid; nothing was published.',
        checked.errors.slice(0, 50),
      );
    const at = now().toISOString();
    const created = await storage.publishCatalogue(
      checked.catalogue.version,
      JSON.stringify(checked.catalogue),
      c.var.actor.user.id,
      at,
    );
    log.info('catalogue.publish', { created });
    return c.json({ version: checked.catalogue.version, created }, created ? 201 : 200);
  });

  // Norms and eligibility rules, published like the catalogue: devices install the current
  // version at their next sync, and the check uses it (offline too).
  app.get('/api/rules', async (c) => {
    const stored = await options.rulesVersions?.current();
    if (!stored) return c.json({ current: null });
    // Stored as validated JSON text; sent as is rather than parsed and re-serialised.
    return c.body(
      `{"current":{"id":${JSON.stringify(stored.id)},"label":${JSON.stringify(stored.label)},"publishedAt":${JSON.stringify(stored.publishedAt)},"version":${stored.body}}}`,
      200,
      { 'content-type': 'application/json; charset=utf-8' },
    );
  });

  app.post('/api/rules', limit(LIMITS.rules), auth, async (c) => {
    if (!canPublishCatalogue(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder publishes norms and rules.');
    const store = options.rulesVersions;
    if (!store) return fail(c, 404, 'notFound', 'This server keeps no rules versions.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const checked = checkRulesVersion(body.value);
    if (!checked.ok)
      return fail(
        c,
        400,
        'rulesInvalid',
        'The norms or rules are not valid; nothing was published.',
        checked.errors.slice(0, 50),
      );
    const created = await store.publish(
      checked.id,
      checked.label,
      JSON.stringify(checked.version),
      c.var.actor.user.id,
      now().toISOString(),
    );
    log.info('rules.publish', { created });
    return c.json({ id: checked.id, label: checked.label, created }, created ? 201 : 200);
  });
}
