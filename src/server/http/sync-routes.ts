import { RECORD_SCHEMA_VERSION } from '../../domain/records/record-schema';
import {
  DEFAULT_PULL_LIMIT,
  MIN_RECORD_SCHEMA_VERSION,
  pullRequestSchema,
  pushRequestSchema,
} from '../../domain/sync/protocol';
import { checkMutationFields } from '../../domain/sync/field-check';
import { assignmentProblem } from '../../domain/vroegsignalen/assignment';
import { negotiatedJson } from '../compression';
import { log } from '../log';
import type { RouteDeps } from './route-kit';
import {
  LIMITS,
  describe,
  fail,
  limit,
  protocolProblem,
  readJson,
  refuseSyncProtocol,
} from './route-kit';

/** The sync protocol: a device pushes its outbox and pulls what changed in its scope. */
export function registerSyncRoutes({
  app,
  options,
  storage,
  now,
  auth,
  knownValues,
}: RouteDeps): void {
  app.post('/api/sync/push', limit(LIMITS.push), auth, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const problem = protocolProblem(body.value);
    if (problem) return refuseSyncProtocol(c, problem);
    const parsed = pushRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(
        c,
        400,
        'badRequest',
        'The push request is not valid; nothing was saved.',
        describe(parsed.error),
      );
    const { deviceId, mutations } = parsed.data;
    if (deviceId !== c.var.actor.deviceId)
      return fail(c, 403, 'forbidden', 'The device id does not match the session.');
    if (mutations.some((m) => m.schemaVersion < MIN_RECORD_SCHEMA_VERSION)) {
      return fail(
        c,
        409,
        'clientTooOld',
        'These changes were written by an app version the server no longer reads; update the app.',
      );
    }
    if (mutations.some((m) => m.schemaVersion > RECORD_SCHEMA_VERSION)) {
      return fail(c, 409, 'serverTooOld', 'The server is older than the app; try again later.');
    }
    const known = await knownValues(c.var.stamps);
    const response = await storage.push(c.var.actor, mutations, now().toISOString(), {
      check: (m, payload) =>
        checkMutationFields(m.entityType, payload, known) ??
        assignmentProblem(c.var.actor.user, m.entityType, payload, known.accounts ?? new Map()),
    });
    const counts = { applied: 0, conflict: 0, rejected: 0, duplicate: 0 };
    for (const r of response.results) {
      counts[r.status] += 1;
      if (r.duplicate) counts.duplicate += 1;
    }
    log.info('sync.push', { ...counts, total: mutations.length });
    return negotiatedJson(c, response);
  });

  app.post('/api/sync/pull', limit(LIMITS.pull), auth, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const problem = protocolProblem(body.value);
    if (problem) return refuseSyncProtocol(c, problem);
    const parsed = pullRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The pull request is not valid.', describe(parsed.error));
    if (parsed.data.deviceId !== c.var.actor.deviceId)
      return fail(c, 403, 'forbidden', 'The device id does not match the session.');
    const response = await storage.pull(
      c.var.actor,
      parsed.data.cursor,
      parsed.data.limit ?? DEFAULT_PULL_LIMIT,
      parsed.data.scopeVersion,
      now().toISOString(),
    );
    log.debug('sync.pull', { changes: response.changes.length, reset: response.reset });
    const rulesVersion = (await options.rulesVersions?.currentId()) ?? null;
    return negotiatedJson(c, { ...response, rulesVersion });
  });
}
