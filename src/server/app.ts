import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { RECORD_SCHEMA_VERSION } from '../domain/records/record-schema';
import { auditQuerySchema } from '../domain/sync/audit';
import type { ErrorReason } from '../domain/sync/protocol';
import {
  DEFAULT_PULL_LIMIT,
  MIN_PROTOCOL_VERSION,
  MIN_RECORD_SCHEMA_VERSION,
  PROTOCOL_VERSION,
  loginRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  refreshRequestSchema,
  revokeRequestSchema,
} from '../domain/sync/protocol';
import { checkMutationFields } from '../domain/sync/field-check';
import { assignmentProblem } from '../domain/vroegsignalen/assignment';
import type { PublicUser, ScopeUser } from '../domain/sync/roles';
import { roleSchema } from '../domain/sync/roles';
import {
  canManageDevices,
  canManageUsers,
  canPublishCatalogue,
  canReadAggregates,
  canReadAudit,
} from '../domain/sync/scope';
import { checkRefreshProof, checkRevokeProof, decideLoginDevice } from './auth/device-binding';
import type { LoginLimits } from './auth/login-rate-limit';
import { loginSucceeded, openLoginGate } from './auth/login-rate-limit';
import { dummyHash, hashPassword, verifyPassword } from './auth/passwords';
import {
  ACCESS_TTL_SECONDS,
  REFRESH_REUSE_SECONDS,
  REFRESH_TTL_SECONDS,
  hashToken,
  newRefreshToken,
  signAccessToken,
  successorRefreshToken,
  verifyAccessToken,
} from './auth/tokens';
import { checkCatalogue } from './catalogue';
import { checkRulesVersion } from '../domain/eligibility/rules-version';
import { insightFor } from './insight';
import type { JsonBody } from './http/json-body';
import { parseJsonBody } from './http/json-body';
import { knownValuesLoader } from './known-values';
import { log } from './log';
import type { NodeBindings } from './request-origin';
import { clientAddress } from './request-origin';
import { securityHeaders } from './security-headers';
import { staticHandler } from './static-files';
import type { RulesVersionStore } from './storage/rules-versions';
import { compressApiResponses } from './compression';
import type { VroegStore } from './storage/vroeg-store';
import { CAMPAIGN_MAX_BYTES, IMPORT_MAX_BYTES, vroegHandlers } from './vroegsignalen-routes';
import type {
  Actor,
  AuditActor,
  DeviceRecord,
  SyncStorage,
  UserRecord,
} from './storage/sync-storage';

export interface AppOptions {
  storage: SyncStorage;
  jwtSecret: Uint8Array;
  /** Where the built app is; null serves the API only. */
  distDir?: string | null;
  /** The clock, replaceable so tests can expire tokens. */
  now?: () => Date;
  accessTtlSeconds?: number;
  /**
   * A reverse proxy in front terminates TLS and sets X-Forwarded-For/-Proto (TRUST_PROXY).
   * Only then are those headers believed, for HSTS and for the per-address login limit.
   */
  trustProxy?: boolean;
  /** Login rate limits; tests shorten them. */
  loginLimits?: LoginLimits;
  /** Published norms and rules; without it the rules endpoints answer 404 and pulls name none. */
  rulesVersions?: RulesVersionStore;
  /** Creditors' arrears reports (vroegsignalen); without it those endpoints answer 404. */
  vroegsignalen?: VroegStore;
}

type Env = { Bindings: NodeBindings; Variables: { actor: Actor; user: UserRecord } };

const KB = 1024;
const LIMITS = {
  default: 64 * KB,
  push: 4 * 1024 * KB,
  pull: 16 * KB,
  catalogue: 8 * 1024 * KB,
  rules: 2 * 1024 * KB,
};
/** Coordinators see counts, never cells so small that a household could be recognised. */
export const MIN_AGGREGATE_CELL = 5;

function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500,
  error: ErrorReason,
  message: string,
  details?: string[],
) {
  return c.json(details ? { error, message, details } : { error, message }, status);
}

/**
 * A device marked lost: it must delete everything it holds. Clear-Site-Data makes the browser
 * drop the origin's storage too, even if the app's own wipe never runs. That also drops
 * unsynced work, which from a lost device cannot be trusted anyway; a plain revoke (logout,
 * "sign out everywhere") never sends it.
 */
function wipeDevice(c: Context) {
  c.header('clear-site-data', '"storage"');
  return c.json(
    {
      error: 'deviceRevoked' satisfies ErrorReason,
      message: 'This device was reported lost; its data is being removed.',
      action: 'wipe',
    },
    403,
  );
}

function isLost(device: DeviceRecord | undefined): device is DeviceRecord & { lostAt: string } {
  return device !== undefined && device.lostAt !== null;
}

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      fail(
        c,
        413,
        'payloadTooLarge',
        `The request body is larger than ${Math.round(maxSize / KB)} KB.`,
      ),
  });
}

function publicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    organisationId: user.organisationId,
    wijken: user.wijken,
  };
}

function scopeUser(user: UserRecord): ScopeUser {
  return {
    id: user.id,
    role: user.role,
    teamId: user.teamId,
    organisationId: user.organisationId,
    wijken: user.wijken,
  };
}

/** Reads the body as JSON without throwing; too deep a nesting is refused before parsing. */
async function readJson(c: Context): Promise<JsonBody> {
  return parseJsonBody(await c.req.text());
}

/** Tells an old app to update before zod would misread its body. */
function protocolProblem(body: unknown): 'clientTooOld' | 'serverTooOld' | undefined {
  if (typeof body !== 'object' || body === null || !('protocolVersion' in body)) return undefined;
  const v = body.protocolVersion;
  if (typeof v !== 'number') return undefined;
  if (v < MIN_PROTOCOL_VERSION) return 'clientTooOld';
  if (v > PROTOCOL_VERSION) return 'serverTooOld';
  return undefined;
}

/** Push and pull refuse another protocol alike, telling the user which side has to update. */
function refuseSyncProtocol(c: Context, problem: 'clientTooOld' | 'serverTooOld') {
  return fail(
    c,
    409,
    problem,
    problem === 'clientTooOld'
      ? 'Update the app before syncing.'
      : 'The server is older than the app; try again later.',
  );
}

function auditActor(actor: Actor): AuditActor {
  return { userId: actor.user.id, role: actor.user.role, deviceId: actor.deviceId };
}

function describe(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}

const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    name: z.string().min(1).max(200),
    role: roleSchema,
    teamId: z.string().min(1).max(64).nullable(),
    organisationId: z.string().min(1).max(64).nullable(),
    wijken: z.array(z.string().min(1).max(64)).max(50),
    password: z.string().min(12).max(1024),
  })
  .strict();

const userScopeSchema = z
  .object({
    role: roleSchema,
    teamId: z.string().min(1).max(64).nullable(),
    wijken: z.array(z.string().min(1).max(64)).max(50),
  })
  .strict();

const DEVICE_TAKEN =
  'This device is signed in for another account. Sign out there first, or ask a beheerder to sign that device out.';

export function createApp(options: AppOptions): Hono<Env> {
  const { storage, jwtSecret } = options;
  const now = options.now ?? (() => new Date());
  const accessTtl = options.accessTtlSeconds ?? ACCESS_TTL_SECONDS;
  const app = new Hono<Env>();
  const knownValues = knownValuesLoader(storage);

  async function issueTokens(
    user: UserRecord,
    deviceId: string,
    generation: number,
    refreshToken: string,
  ) {
    const at = now();
    const access = await signAccessToken(
      { userId: user.id, deviceId, generation },
      jwtSecret,
      at,
      accessTtl,
    );
    return {
      accessToken: access.token,
      accessExpiresAt: access.expiresAt,
      refreshToken,
      refreshExpiresAt: new Date(at.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString(),
      user: publicUser(user),
    };
  }

  app.use('*', securityHeaders({ trustProxy: options.trustProxy ?? false }));
  app.use('/api/*', compressApiResponses());

  const auth = async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match?.[1]) return fail(c, 401, 'unauthorized', 'Sign in first.');
    const verified = await verifyAccessToken(match[1], jwtSecret, now());
    if (!verified.ok) {
      return fail(
        c,
        401,
        verified.reason,
        verified.reason === 'tokenExpired'
          ? 'The session has expired; refresh it.'
          : 'The token is not valid.',
      );
    }
    const [user, device] = await Promise.all([
      storage.getUser(verified.claims.userId),
      storage.getDevice(verified.claims.deviceId),
    ]);
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    if (!user || user.disabled) return fail(c, 401, 'unauthorized', 'This account cannot sign in.');
    // Revocation takes effect at once, not only when the access token runs out, and stays:
    // a later sign-in raises the generation, so this token does not come back to life.
    if (
      !device ||
      device.userId !== user.id ||
      device.revokedAt !== null ||
      device.generation !== verified.claims.generation
    ) {
      return fail(c, 401, 'deviceRevoked', 'This device was signed out; sign in again.');
    }
    c.set('user', user);
    c.set('actor', { user: scopeUser(user), deviceId: device.id });
    await next();
    return undefined;
  };

  app.get('/api/health', (c) =>
    c.json({ ok: true, protocolVersion: PROTOCOL_VERSION, storage: storage.dialect }),
  );

  app.post('/api/auth/login', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const problem = protocolProblem(body.value);
    if (problem)
      return fail(
        c,
        409,
        problem,
        problem === 'clientTooOld' ? 'Update the app.' : 'The server is older than the app.',
      );
    const parsed = loginRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The login request is not valid.', describe(parsed.error));
    // Unknown addresses are limited too, so a 429 does not reveal which accounts exist.
    const gate = await openLoginGate(storage, jwtSecret, {
      email: parsed.data.email,
      address: clientAddress(c, options.trustProxy ?? false),
      now: now(),
      ...(options.loginLimits ? { limits: options.loginLimits } : {}),
    });
    if (!gate.ok) {
      log.warn('auth.login.limited', { retryAfter: gate.retryAfterSeconds });
      c.header('retry-after', String(gate.retryAfterSeconds));
      const seconds = gate.retryAfterSeconds;
      const minutes = Math.ceil(seconds / 60);
      const wait =
        seconds < 60
          ? `${seconds} second${seconds === 1 ? '' : 's'}`
          : `${minutes} minute${minutes === 1 ? '' : 's'}`;
      return c.json(
        {
          error: 'tooManyAttempts' satisfies ErrorReason,
          message: `Too many failed sign-ins. Try again in ${wait}.`,
          retryAfter: gate.retryAfterSeconds,
        },
        429,
      );
    }
    const user = await storage.findUserByEmail(parsed.data.email);
    // Verify against a dummy hash for unknown users, so the answer time does not reveal accounts.
    const ok = await verifyPassword(
      parsed.data.password,
      user?.passwordHash ?? (await dummyHash()),
    );
    if (!user || !ok || user.disabled) {
      log.info('auth.login.failed');
      return fail(c, 401, 'invalidCredentials', 'E-mail address or password is wrong.');
    }
    await loginSucceeded(storage, gate);
    // A lost device id never comes back: the device wipes itself and gets a new id.
    const device = await storage.getDevice(parsed.data.deviceId);
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    const binding = await decideLoginDevice(device, parsed.data, now());
    if (!binding.ok && device?.userId !== user.id) {
      // Device ids are per user: another user's live session on this id is not signed out.
      log.warn('auth.login.device-taken');
      return fail(c, 409, 'forbidden', DEVICE_TAKEN);
    }
    if (!binding.ok) {
      log.warn('auth.login.device-key-mismatch');
      return fail(c, 403, 'forbidden', 'This device id belongs to another signed-in device.');
    }
    const refreshToken = newRefreshToken();
    const refreshExpiresAt = new Date(now().getTime() + REFRESH_TTL_SECONDS * 1000).toISOString();
    const bound = await storage.saveDeviceLogin(
      parsed.data.deviceId,
      user.id,
      hashToken(refreshToken),
      refreshExpiresAt,
      now().toISOString(),
    );
    if (!bound.ok && bound.reason === 'lost') return wipeDevice(c);
    if (!bound.ok) {
      log.warn('auth.login.device-taken');
      return fail(c, 409, 'forbidden', DEVICE_TAKEN);
    }
    if (binding.bind)
      await storage.bindDeviceKey(
        parsed.data.deviceId,
        binding.bind.publicKey,
        binding.bind.recoveryKey,
      );
    const tokens = await issueTokens(user, parsed.data.deviceId, bound.generation, refreshToken);
    log.info('auth.login', { role: user.role, deviceKey: binding.bind ? 'registered' : 'kept' });
    return c.json(binding.recoveryKey ? { ...tokens, recoveryKey: binding.recoveryKey } : tokens);
  });

  app.post('/api/auth/refresh', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = refreshRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(
        c,
        400,
        'badRequest',
        'The refresh request is not valid.',
        describe(parsed.error),
      );
    const device = await storage.getDevice(parsed.data.deviceId);
    if (isLost(device)) {
      log.warn('auth.device.lost-contact');
      return wipeDevice(c);
    }
    const user = device ? await storage.getUser(device.userId) : undefined;
    if (!device || !user || user.disabled) return fail(c, 401, 'unauthorized', 'Sign in again.');
    // The token alone (e.g. read off a copied disk) is not enough: the device's key must sign.
    if (
      !(await checkRefreshProof(
        storage,
        device,
        parsed.data.refreshToken,
        parsed.data.proof,
        now(),
      ))
    ) {
      log.warn('auth.refresh.bad-proof');
      return fail(
        c,
        401,
        'unauthorized',
        'The refresh is not signed by this device; sign in again.',
      );
    }
    const successor = successorRefreshToken(parsed.data.refreshToken, jwtSecret);
    const at = now();
    const outcome = await storage.rotateRefresh(
      device.id,
      hashToken(parsed.data.refreshToken),
      hashToken(successor),
      new Date(at.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString(),
      at.toISOString(),
      new Date(at.getTime() + REFRESH_REUSE_SECONDS * 1000).toISOString(),
    );
    if (outcome === 'replayed') {
      log.warn('auth.refresh.replayed');
      return fail(c, 401, 'deviceRevoked', 'This sign-in was used twice; sign in again.');
    }
    if (outcome === 'refused') {
      log.info('auth.refresh.refused');
      return fail(c, 401, device.revokedAt ? 'deviceRevoked' : 'unauthorized', 'Sign in again.');
    }
    if (outcome === 'repeated') log.info('auth.refresh.repeated');
    return c.json(await issueTokens(user, device.id, device.generation, successor));
  });

  /**
   * A revocation the device queued when it signed out offline, signed by its key (which it then
   * deleted). No access token: the device no longer has one.
   */
  app.post('/api/auth/revoke', limit(LIMITS.default), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', 'The body is not JSON.');
    const parsed = revokeRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The revocation is not valid.', describe(parsed.error));
    const device = await storage.getDevice(parsed.data.deviceId);
    if (!device || !(await checkRevokeProof(device, parsed.data.proof, now())))
      return fail(c, 401, 'unauthorized', 'The revocation is not signed by this device.');
    if (device.revokedAt === null) await storage.revokeDevice(device.id, now().toISOString());
    log.info('auth.revoke.queued');
    return c.json({ ok: true });
  });

  app.post('/api/auth/logout', limit(LIMITS.default), auth, async (c) => {
    await storage.revokeDevice(c.var.actor.deviceId, now().toISOString());
    log.info('auth.logout');
    return c.json({ ok: true });
  });

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
    const known = await knownValues();
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
    return c.json(response);
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
    return c.json({ ...response, rulesVersion });
  });

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

  app.get('/api/aggregates', auth, async (c) => {
    if (!canReadAggregates(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Aggregates are for coordinators.');
    return c.json({
      minCell: MIN_AGGREGATE_CELL,
      cells: await storage.aggregates(MIN_AGGREGATE_CELL),
    });
  });

  app.get('/api/insight', auth, async (c) => {
    if (!canReadAggregates(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Figures are for coordinators.');
    const result = await insightFor(storage, c.req.query('month'), now());
    if (!result.ok) return fail(c, 400, 'badRequest', result.message);
    return c.json(result.body);
  });

  app.get('/api/admin/users', auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    return c.json({ users: (await storage.listUsers()).map(publicUser) });
  });

  app.post('/api/admin/users', limit(LIMITS.default), auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = newUserSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The user is not valid.', describe(parsed.error));
    const { password, ...rest } = parsed.data;
    const id = `u-${crypto.randomUUID()}`;
    const created = await storage.createUser(
      { ...rest, id, passwordHash: await hashPassword(password) },
      now().toISOString(),
      auditActor(c.var.actor),
    );
    if (!created) return fail(c, 409, 'badRequest', 'A user with this e-mail address exists.');
    log.info('admin.user.created', { role: rest.role });
    return c.json({ id }, 201);
  });

  app.patch('/api/admin/users/:id', limit(LIMITS.default), auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages users.');
    const body = await readJson(c);
    if (!body.ok) return fail(c, 400, 'badRequest', body.message);
    const parsed = userScopeSchema.safeParse(body.value);
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The change is not valid.', describe(parsed.error));
    const updated = await storage.updateUserScope(c.req.param('id') ?? '', parsed.data, {
      ...auditActor(c.var.actor),
      at: now().toISOString(),
    });
    if (!updated) return fail(c, 404, 'notFound', 'No such user.');
    return c.json({ ok: true });
  });

  app.post('/api/admin/devices/:id/revoke', auth, async (c) => {
    if (!canManageUsers(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder revokes devices.');
    const revoked = await storage.revokeDevice(c.req.param('id') ?? '', now().toISOString());
    if (!revoked) return fail(c, 404, 'notFound', 'No such device.');
    log.info('admin.device.revoked');
    return c.json({ ok: true });
  });

  app.get('/api/admin/devices', auth, async (c) => {
    if (!canManageDevices(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder manages devices.');
    const userId = c.req.query('userId');
    const devices = await storage.listDevices(userId || undefined);
    return c.json({
      devices: devices.map((d) => ({
        id: d.id,
        userId: d.userId,
        createdAt: d.createdAt,
        lastSeenAt: d.lastSeenAt,
        revokedAt: d.revokedAt,
        lostAt: d.lostAt,
      })),
    });
  });

  /** Lost or stolen: revoked at once, and at its next contact the device wipes itself. */
  app.post('/api/admin/devices/:id/lost', auth, async (c) => {
    if (!canManageDevices(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder marks devices lost.');
    const marked = await storage.markDeviceLost(c.req.param('id') ?? '', now().toISOString());
    if (!marked) return fail(c, 404, 'notFound', 'No such device.');
    log.warn('admin.device.lost');
    return c.json({ ok: true });
  });

  app.get('/api/admin/audit', auth, async (c) => {
    if (!canReadAudit(c.var.actor.user))
      return fail(c, 403, 'forbidden', 'Only a beheerder reads the audit log.');
    const parsed = auditQuerySchema.safeParse(c.req.query());
    if (!parsed.success)
      return fail(c, 400, 'badRequest', 'The audit filter is not valid.', describe(parsed.error));
    const page = await storage.listAudit(parsed.data);
    log.info('admin.audit.read', { entries: page.entries.length });
    return c.json(page);
  });

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
