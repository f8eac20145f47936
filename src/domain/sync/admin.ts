import { z } from 'zod';
import { roleSchema, publicUserSchema } from './roles';

/**
 * Requests and answers of the beheerder's endpoints (`/api/admin/*`, `POST /api/catalogue`)
 * that the protocol does not define yet, so the admin screens parse what the server says
 * instead of trusting it. The audit log's own schemas live in `audit.ts`.
 */

const id = z.string().min(1).max(64);

/** `GET /api/admin/users`: every account, without secrets. */
export const adminUsersResponseSchema = z.object({ users: z.array(publicUserSchema) });
export type AdminUsersResponse = z.infer<typeof adminUsersResponseSchema>;

/**
 * `PATCH /api/admin/users/:id`: the fields that decide what a user may see. The server takes
 * all three at once, so a change never leaves a user half in an old scope.
 */
export const userScopeChangeSchema = z
  .object({
    role: roleSchema,
    teamId: id.nullable(),
    wijken: z.array(id).max(50),
  })
  .strict();
export type UserScopeChange = z.infer<typeof userScopeChangeSchema>;

/** `POST /api/admin/users`: a new account with a first password (at least 12 characters). */
export const newUserRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    name: z.string().min(1).max(200),
    role: roleSchema,
    teamId: id.nullable(),
    organisationId: id.nullable(),
    wijken: z.array(id).max(50),
    password: z.string().min(12).max(1024),
  })
  .strict();
export type NewUserRequest = z.infer<typeof newUserRequestSchema>;

export const createdUserResponseSchema = z.object({ id });
export type CreatedUserResponse = z.infer<typeof createdUserResponseSchema>;

/** The plain "done" answer of PATCH and of the device actions. */
export const okResponseSchema = z.object({ ok: z.literal(true) });

/** One device as the beheerder sees it: no tokens, only when it was used and what happened to it. */
export const adminDeviceSchema = z.object({
  id,
  userId: id,
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** Signed out (logout, beheerder); it may sign in again. */
  revokedAt: z.iso.datetime().nullable(),
  /** Reported lost: it wipes itself at its next contact and never comes back under this id. */
  lostAt: z.iso.datetime().nullable(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

/** `GET /api/admin/devices?userId=` */
export const adminDevicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema) });
export type AdminDevicesResponse = z.infer<typeof adminDevicesResponseSchema>;

/** `POST /api/catalogue`: the content-hash version; `created` is false when it was already there. */
export const publishCatalogueResponseSchema = z.object({
  version: z.string().min(1),
  created: z.boolean(),
});
export type PublishCatalogueResponse = z.infer<typeof publishCatalogueResponseSchema>;
