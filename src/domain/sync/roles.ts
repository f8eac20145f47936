import { z } from 'zod';

/** Who uses Dichtbij; the role decides which personal records a user may see (see scope.ts). */
export const ROLES = [
  'vrijwilliger',
  'wijkteam',
  'toekomstmakelaar',
  'coordinator',
  'beheerder',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The part of a user that scope decisions need; the server loads it fresh on every request. */
export const scopeUserSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  teamId: z.string().min(1).nullable(),
  organisationId: z.string().min(1).nullable(),
  wijken: z.array(z.string().min(1)),
});
export type ScopeUser = z.infer<typeof scopeUserSchema>;

/** What the device keeps about the signed-in user (no secrets besides the tokens in session). */
export const publicUserSchema = scopeUserSchema.extend({
  email: z.email(),
  name: z.string().min(1),
});
export type PublicUser = z.infer<typeof publicUserSchema>;
