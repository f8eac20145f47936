import { z } from 'zod';
import { catalogueSchema } from '../catalogue/schema';
import { entityTypeSchema, mutationOpSchema } from '../records/record-schema';
import { deviceProofSchema, devicePublicKeySchema, recoveryKeySchema } from './device-proof';
import { publicUserSchema } from './roles';

/**
 * The sync protocol between device and server, defined once and used by both. Bump
 * PROTOCOL_VERSION on any incompatible change; a server answers an older client with
 * 409 `clientTooOld` so the device updates instead of sending writes the server would misread.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest protocol the server still understands. */
export const MIN_PROTOCOL_VERSION = 1;
/** The oldest record payload version the server can still upcast. */
export const MIN_RECORD_SCHEMA_VERSION = 1;

export const MAX_PUSH_BATCH = 200;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

/** Stable reason codes: the app translates these, logs carry them; never change a spelling. */
export const ERROR_REASONS = [
  'badRequest',
  'payloadTooLarge',
  'unauthorized',
  'tokenExpired',
  'invalidCredentials',
  'deviceRevoked',
  'forbidden',
  'notFound',
  'clientTooOld',
  'serverTooOld',
  'invalidPayload',
  'recordDeleted',
  'seqReused',
  'catalogueInvalid',
  'rulesInvalid',
  'tooManyAttempts',
  'internal',
] as const;
export const errorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof errorReasonSchema>;

/** What a device must do besides showing the error: `wipe` only for a device marked lost. */
export const ERROR_ACTIONS = ['wipe'] as const;
export const errorActionSchema = z.enum(ERROR_ACTIONS);
export type ErrorAction = z.infer<typeof errorActionSchema>;

export const errorBodySchema = z.object({
  error: errorReasonSchema,
  message: z.string(),
  details: z.array(z.string()).optional(),
  action: errorActionSchema.optional(),
  /** Seconds until a refused login may be tried again (also in the Retry-After header). */
  retryAfter: z.number().int().positive().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const id = z.string().min(1).max(64);
/**
 * Ids a client chooses for its mutations: letters, digits, _ and - only. The server names the
 * events it derives with a ':' (`<mutationId>:status`), which no client id can then produce.
 */
export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids may only hold letters, digits, _ and -');
/** Server event ids: a client id, or one derived from it with a ':' suffix. */
const eventId = z.string().min(1).max(80);
const deviceId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'deviceId may only hold letters, digits, _ and -');

/** Keys of a record's data: short and plain so they are safe as JSON keys and in field paths. */
const fieldName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'field names are letters, digits, _ and -');

export const recordDataSchema = z.record(fieldName, z.json());
export type RecordData = z.infer<typeof recordDataSchema>;

/** The scope-relevant and list fields of a record, besides its free data. */
const metaFields = {
  wijk: z.string().min(1).max(64).nullable().optional(),
  status: z.string().min(1).max(64).nullable().optional(),
  assignedToUser: id.nullable().optional(),
  assignedToTeam: id.nullable().optional(),
};

/** put: the whole record; `changed` names the data fields the device changed (when it knew a previous state). */
export const putPayloadSchema = z
  .object({ ...metaFields, data: recordDataSchema, changed: z.array(fieldName).optional() })
  .strict();
export type PutPayload = z.infer<typeof putPayloadSchema>;

/** patch: only what changed; a data field set to null is cleared. */
export const patchPayloadSchema = z
  .object({ ...metaFields, data: recordDataSchema.optional() })
  .strict();
export type PatchPayload = z.infer<typeof patchPayloadSchema>;

export const deletePayloadSchema = z.object({}).strict();

/** Status changes, notes and history: append-only, so two devices can never conflict over them. */
export const eventPayloadSchema = z
  .object({
    kind: z.string().regex(/^[a-z][a-zA-Z-]{0,39}$/),
    status: z.string().min(1).max(64).optional(),
    body: z.json().optional(),
  })
  .strict();
export type EventPayload = z.infer<typeof eventPayloadSchema>;

/** One local write as it travels; payload is checked per op by `parseMutationPayload`. */
export const mutationSchema = z
  .object({
    mutationId: clientIdSchema,
    /** The device's outbox sequence number: strictly increasing per device. */
    seq: z.number().int().positive(),
    entityType: entityTypeSchema,
    entityId: id,
    op: mutationOpSchema,
    baseVersion: z.number().int().nonnegative(),
    schemaVersion: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    payload: z.unknown(),
  })
  .strict();
export type Mutation = z.infer<typeof mutationSchema>;

export type ParsedPayload =
  | { op: 'put'; payload: PutPayload }
  | { op: 'patch'; payload: PatchPayload }
  | { op: 'delete'; payload: Record<string, never> }
  | { op: 'event'; payload: EventPayload };

/** Validates a mutation's payload against its op; a failure is answered as `invalidPayload`. */
export function parseMutationPayload(
  m: Mutation,
): { ok: true; value: ParsedPayload } | { ok: false; message: string } {
  const schema = {
    put: putPayloadSchema,
    patch: patchPayloadSchema,
    delete: deletePayloadSchema,
    event: eventPayloadSchema,
  }[m.op];
  const result = schema.safeParse(m.payload ?? {});
  if (!result.success) return { ok: false, message: z.prettifyError(result.error) };
  return { ok: true, value: { op: m.op, payload: result.data } as ParsedPayload };
}

export const pushRequestSchema = z
  .object({
    protocolVersion: z.number().int().positive(),
    deviceId,
    mutations: z.array(mutationSchema).max(MAX_PUSH_BATCH),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A field two devices changed since their common base: the server kept its value, the device's is here. */
export const conflictSchema = z.object({
  id,
  entityType: entityTypeSchema,
  entityId: id,
  /** `data.<name>`, `wijk`, `assignedToUser`, `assignedToTeam`, or `$deleted` (edit against a delete). */
  field: z.string(),
  serverValue: z.json().nullable(),
  clientValue: z.json().nullable(),
  mutationId: id,
  serverVersion: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const PUSH_STATUSES = ['applied', 'conflict', 'rejected'] as const;

export const recordChangeSchema = z.object({
  kind: z.literal('record'),
  entityType: entityTypeSchema,
  id,
  version: z.number().int().positive(),
  deleted: z.boolean(),
  ownerId: id,
  teamId: id.nullable(),
  wijk: z.string().nullable(),
  status: z.string().nullable(),
  assignedToUser: id.nullable(),
  assignedToTeam: id.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  data: recordDataSchema,
});
export type RecordChange = z.infer<typeof recordChangeSchema>;

export const eventChangeSchema = z.object({
  kind: z.literal('event'),
  id: eventId,
  entityType: entityTypeSchema,
  entityId: id,
  version: z.number().int().positive(),
  eventKind: z.string(),
  status: z.string().nullable(),
  body: z.json().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: id,
});
export type EventChange = z.infer<typeof eventChangeSchema>;

/**
 * The record left this user's scope (reassigned, moved to another wijk, handed to another
 * team): the device drops its copy and the record's events. It carries nothing else.
 */
export const evictChangeSchema = z.object({
  kind: z.literal('evict'),
  entityType: entityTypeSchema,
  id,
  version: z.number().int().positive(),
});
export type EvictChange = z.infer<typeof evictChangeSchema>;

export const changeSchema = z.discriminatedUnion('kind', [
  recordChangeSchema,
  eventChangeSchema,
  evictChangeSchema,
]);
export type Change = z.infer<typeof changeSchema>;

export const pushResultSchema = z.object({
  mutationId: id,
  seq: z.number().int().positive(),
  status: z.enum(PUSH_STATUSES),
  /** True when this mutation had been received before; the result is the one from then. */
  duplicate: z.boolean(),
  reason: errorReasonSchema.optional(),
  message: z.string().optional(),
  conflicts: z.array(conflictSchema).optional(),
  /** The record as the server now holds it (conflict or rejection), so the device can show the truth. */
  record: recordChangeSchema.nullable().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  lastSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z
  .object({
    protocolVersion: z.number().int().positive(),
    deviceId,
    cursor: z.number().int().nonnegative().nullable(),
    /** The scope version the device's cursor belongs to; a different one means a reset. */
    scopeVersion: z.number().int().nonnegative().nullable().optional(),
    limit: z.number().int().positive().max(MAX_PULL_LIMIT).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The device must drop its synced copies and take this snapshot (scope changed, server restored). */
  reset: z.boolean(),
  scopeVersion: z.number().int().nonnegative(),
  catalogueVersion: z.string().nullable(),
  /** The current rules version's id (norms + eligibility rules); absent from an older server. */
  rulesVersion: z.string().nullable().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    password: z.string().min(1).max(1024),
    deviceId,
    protocolVersion: z.number().int().positive().optional(),
    /** The device's signing key, registered for this device id (see device-proof.ts). */
    publicKey: devicePublicKeySchema.optional(),
    /** Signature over loginProofMessage by the device's key (the registered one, if any). */
    proof: deviceProofSchema.optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshExpiresAt: z.iso.datetime(),
  user: publicUserSchema,
  /**
   * Only after a password sign-in proven by the device's registered key: the key the device's
   * data key is also wrapped with, so a forgotten PIN does not lose unsynced work.
   */
  recoveryKey: recoveryKeySchema.optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const refreshRequestSchema = z
  .object({
    deviceId,
    refreshToken: z.string().min(20).max(200),
    /** Signature over refreshProofMessage by the device's registered key; required. */
    proof: deviceProofSchema,
  })
  .strict();
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/** A revocation the device queued at an offline logout, sent when the server is reachable. */
export const revokeRequestSchema = z.object({ deviceId, proof: deviceProofSchema }).strict();
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

export const catalogueResponseSchema = z.object({
  version: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  catalogue: catalogueSchema.nullable(),
});
export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  protocolVersion: z.number(),
  storage: z.enum(['sqlite', 'postgres']),
});
