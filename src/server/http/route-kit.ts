import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { ErrorReason } from '../../domain/sync/protocol';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../domain/sync/protocol';
import type { PublicUser, ScopeUser } from '../../domain/sync/roles';
import type { KnownValues } from '../../domain/sync/field-check';
import type { JsonBody } from './json-body';
import { parseJsonBody } from './json-body';
import type { NodeBindings } from '../request-origin';
import type { LoginLimits } from '../auth/login-rate-limit';
import type { RulesVersionStore } from '../storage/rules-versions';
import type { VroegStore } from '../storage/vroeg-store';
import type {
  Actor,
  AuditActor,
  DeviceRecord,
  KnownStamps,
  SyncStorage,
  UserRecord,
} from '../storage/sync-storage';

/*
 * What every group of API routes shares: the app's options, the request environment, the body
 * limits and the uniform error answer. Each routes module registers its endpoints on one app.
 */

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

export type Env = {
  Bindings: NodeBindings;
  /** `stamps`: read by the auth guard with the device, for the push's known values. */
  Variables: { actor: Actor; user: UserRecord; stamps?: KnownStamps };
};
export type App = Hono<Env>;

/** The `auth` guard: answers 401 or lets a signed-in device through with `c.var.actor` set. */
export type AuthGuard = (
  c: Context<Env>,
  next: () => Promise<void>,
) => Promise<Response | undefined>;

/** What the routes modules get from `createApp`. */
export interface RouteDeps {
  app: App;
  options: AppOptions;
  storage: SyncStorage;
  now: () => Date;
  auth: AuthGuard;
  knownValues: (stamps?: KnownStamps) => Promise<KnownValues>;
}

export const KB = 1024;
export const LIMITS = {
  default: 64 * KB,
  push: 4 * 1024 * KB,
  pull: 16 * KB,
  catalogue: 8 * 1024 * KB,
  rules: 2 * 1024 * KB,
};
/** Coordinators see counts, never cells so small that a household could be recognised. */
export const MIN_AGGREGATE_CELL = 5;

export function fail(
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
export function wipeDevice(c: Context) {
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

export function isLost(
  device: DeviceRecord | undefined,
): device is DeviceRecord & { lostAt: string } {
  return device !== undefined && device.lostAt !== null;
}

/**
 * Refuses a body over `maxSize` bytes. A body with a Content-Length is judged by the header
 * alone (Node's parser reads exactly that many bytes, no more), so the body is left to be read
 * straight from the socket later; Hono's `bodyLimit` would first turn every request into a
 * web stream (with the answers' streams, about a tenth of the JavaScript time in a CPU profile
 * of the sync bench). A chunked body, whose size nobody states, is counted as it streams in.
 */
export function limit(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    fail(
      c,
      413,
      'payloadTooLarge',
      `The request body is larger than ${Math.round(maxSize / KB)} KB.`,
    );
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) return tooLarge(c);
      await next();
      return undefined;
    }
    return streamed(c, next);
  };
}

export function publicUser(user: UserRecord): PublicUser {
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

export function scopeUser(user: UserRecord): ScopeUser {
  return {
    id: user.id,
    role: user.role,
    teamId: user.teamId,
    organisationId: user.organisationId,
    wijken: user.wijken,
  };
}

/** Reads the body as JSON without throwing; too deep a nesting is refused before parsing. */
export async function readJson(c: Context): Promise<JsonBody> {
  return parseJsonBody(await c.req.text());
}

/** Tells an old app to update before zod would misread its body. */
export function protocolProblem(body: unknown): 'clientTooOld' | 'serverTooOld' | undefined {
  if (typeof body !== 'object' || body === null || !('protocolVersion' in body)) return undefined;
  const v = body.protocolVersion;
  if (typeof v !== 'number') return undefined;
  if (v < MIN_PROTOCOL_VERSION) return 'clientTooOld';
  if (v > PROTOCOL_VERSION) return 'serverTooOld';
  return undefined;
}

/** Push and pull refuse another protocol alike, telling the user which side has to update. */
export function refuseSyncProtocol(c: Context, problem: 'clientTooOld' | 'serverTooOld') {
  return fail(
    c,
    409,
    problem,
    problem === 'clientTooOld'
      ? 'Update the app before syncing.'
      : 'The server is older than the app; try again later.',
  );
}

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.user.id, role: actor.user.role, deviceId: actor.deviceId };
}

export function describe(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}
