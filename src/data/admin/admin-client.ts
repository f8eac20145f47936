import type { z } from 'zod';
import type { AdminDevice, NewUserRequest, UserScopeChange } from '../../domain/sync/admin';
import {
  adminDevicesResponseSchema,
  adminUsersResponseSchema,
  createdUserResponseSchema,
  newUserRequestSchema,
  okResponseSchema,
  publishCatalogueResponseSchema,
  userScopeChangeSchema,
  type PublishCatalogueResponse,
} from '../../domain/sync/admin';
import type { AuditPage, AuditQuery } from '../../domain/sync/audit';
import { auditPageSchema, auditQuerySchema } from '../../domain/sync/audit';
import type { ErrorReason } from '../../domain/sync/protocol';
import { catalogueResponseSchema, errorBodySchema } from '../../domain/sync/protocol';
import type { PublicUser } from '../../domain/sync/roles';
import {
  publishRulesResponseSchema,
  rulesResponseSchema,
  type PublishRulesResponse,
  type RulesResponse,
} from '../../domain/eligibility/rules-version';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { HttpError, requestJson } from '../http';
import type { HttpOptions } from '../http';
import { authorizedRequest } from '../sync/session';
import type { SyncErrorCode, Transport } from '../sync/sync-error';
import { SyncError, toSyncError } from '../sync/sync-error';

/**
 * The beheerder's calls to the server: users, devices, the audit log and catalogue versions.
 * Online only, nothing is kept on the device. Every answer is parsed with the protocol's zod
 * schemas, so a screen never shows a shape it did not expect.
 */

/**
 * A refused admin request with what the server said: its stable reason and, for a catalogue
 * that does not validate, one line per problem naming the file, the record and the field.
 * A SyncError, so the session code (refresh, wipe, sign in again) treats it like any other.
 */
export class AdminRequestError extends SyncError {
  readonly reason: ErrorReason | null;
  readonly details: readonly string[];
  constructor(code: SyncErrorCode, reason: ErrorReason | null, details: readonly string[]) {
    super(code, reason ?? code);
    this.name = 'AdminRequestError';
    this.reason = reason;
    this.details = details;
  }
}

/**
 * The session helper turns every HTTP error into a bare code, which would drop the server's
 * validation details. This keeps them, but leaves 401 and revoke/wipe answers untouched, so
 * token refresh and a lost device's wipe work exactly as for sync.
 */
export function keepingDetails(transport: Transport): Transport {
  return async (path: string, options: HttpOptions) => {
    try {
      return await transport(path, options);
    } catch (e) {
      if (!(e instanceof HttpError) || e.status === 401) throw e;
      const plain = toSyncError(e);
      if (plain.wipe || plain.code === 'deviceRevoked') throw e;
      const body = errorBodySchema.safeParse(e.body);
      throw new AdminRequestError(
        plain.code,
        body.success ? body.data.error : null,
        body.success ? (body.data.details ?? []) : [],
      );
    }
  };
}

/** An answer that does not match the protocol is the server's fault, not the beheerder's. */
function parseAnswer<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncError('server', 'unexpected answer');
  return parsed.data;
}

/**
 * A request of an online-only screen (beheer, the vroegsignalen import): signed in, never from a
 * cache, the server's error details kept, and the answer checked against its schema.
 */
export async function adminCall<T extends z.ZodType>(
  schema: T,
  path: string,
  options: HttpOptions,
  database: DichtbijDb,
  transport: Transport,
): Promise<z.infer<T>> {
  const body = await authorizedRequest(database, keepingDetails(transport), path, {
    // Admin screens must show the server's state now, never a cached copy.
    cache: 'no-store',
    ...options,
  });
  return parseAnswer(schema, body);
}

function encodeId(id: string): string {
  return encodeURIComponent(id);
}

export async function listUsers(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<PublicUser[]> {
  const answer = await adminCall(
    adminUsersResponseSchema,
    '/api/admin/users',
    {},
    database,
    transport,
  );
  return answer.users;
}

/** Changes role, team and wijken together; the user's devices take a fresh scope at their next sync. */
export async function updateUserScope(
  userId: string,
  change: UserScopeChange,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<void> {
  await adminCall(
    okResponseSchema,
    `/api/admin/users/${encodeId(userId)}`,
    { method: 'PATCH', body: userScopeChangeSchema.parse(change) },
    database,
    transport,
  );
}

export async function createUser(
  user: NewUserRequest,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<string> {
  const answer = await adminCall(
    createdUserResponseSchema,
    '/api/admin/users',
    { method: 'POST', body: newUserRequestSchema.parse(user) },
    database,
    transport,
  );
  return answer.id;
}

export async function listDevices(
  userId: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<AdminDevice[]> {
  const answer = await adminCall(
    adminDevicesResponseSchema,
    `/api/admin/devices?${new URLSearchParams({ userId }).toString()}`,
    {},
    database,
    transport,
  );
  return answer.devices;
}

/** Revoking and reporting lost are the same empty POST; only the path's last segment differs. */
async function deviceAction(
  deviceId: string,
  action: 'revoke' | 'lost',
  database: DichtbijDb,
  transport: Transport,
): Promise<void> {
  await adminCall(
    okResponseSchema,
    `/api/admin/devices/${encodeId(deviceId)}/${action}`,
    { method: 'POST', body: {} },
    database,
    transport,
  );
}

/** Signs the device out at once; it keeps its data and may sign in again. */
export async function revokeDevice(
  deviceId: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<void> {
  await deviceAction(deviceId, 'revoke', database, transport);
}

/** Lost or stolen: at its next contact the device removes all personal data, unsent work too. */
export async function markDeviceLost(
  deviceId: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<void> {
  await deviceAction(deviceId, 'lost', database, transport);
}

/** One page of the audit log, newest first; pass `nextBefore` as `before` for the older page. */
export async function readAudit(
  query: AuditQuery,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditQuerySchema.parse(query))) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return adminCall(
    auditPageSchema,
    search ? `/api/admin/audit?${search}` : '/api/admin/audit',
    {},
    database,
    transport,
  );
}

/** Which catalogue devices install now. Only the version is read: the contents are not shown here. */
const catalogueVersionSchema = catalogueResponseSchema.pick({ version: true, publishedAt: true });
export type CatalogueVersion = z.infer<typeof catalogueVersionSchema>;

export async function currentCatalogueVersion(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<CatalogueVersion> {
  return adminCall(catalogueVersionSchema, '/api/catalogue', {}, database, transport);
}

/**
 * Publishes a catalogue as read from a file. The server validates it (schemas, unique ids,
 * references); a refusal is an AdminRequestError with reason `catalogueInvalid` and details.
 */
export async function publishCatalogue(
  catalogue: unknown,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<PublishCatalogueResponse> {
  return adminCall(
    publishCatalogueResponseSchema,
    '/api/catalogue',
    { method: 'POST', body: catalogue },
    database,
    transport,
  );
}

/** The norms and rules version devices install now (with its contents: the screen diffs against it). */
export async function currentRules(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<RulesResponse> {
  return adminCall(rulesResponseSchema, '/api/rules', {}, database, transport);
}

/**
 * Publishes a norms and rules version (`{norms, rules}`) as read from a file. The server validates
 * it with the same schemas; a refusal is an AdminRequestError with reason `rulesInvalid` and details.
 */
export async function publishRules(
  version: unknown,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<PublishRulesResponse> {
  return adminCall(
    publishRulesResponseSchema,
    '/api/rules',
    { method: 'POST', body: version },
    database,
    transport,
  );
}
