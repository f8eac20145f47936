import { z } from 'zod';

/**
 * Personal records (checks, signals, …) are written on the device and synced. Each kind has a
 * table on the device and a stream on the server; this is the one list of them.
 */
export const ENTITY_TYPES = ['check', 'signal', 'toekomst'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const MUTATION_OPS = ['put', 'patch', 'delete', 'event'] as const;
export const mutationOpSchema = z.enum(MUTATION_OPS);
export type MutationOp = z.infer<typeof mutationOpSchema>;

/** Version of the record payload shapes; a device with an older one is told to update. */
export const RECORD_SCHEMA_VERSION = 1;

/** Fields kept in the clear on the device because lists filter and sort on them (never names, notes or amounts). */
export const recordIndexSchema = z.object({
  id: z.string().min(1),
  entityType: entityTypeSchema,
  /** Last server version seen; 0 when never synced. */
  version: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.string().optional(),
  wijk: z.string().optional(),
  status: z.string().optional(),
  /** A referral addressed to one user or a team: it is then in their scope too (see domain/sync/scope). */
  assignedToUser: z.string().optional(),
  assignedToTeam: z.string().optional(),
  deleted: z.boolean().optional(),
  /** Signals: what it is about, how urgent and when contact is due (see domain/signals/signal-index). */
  category: z.string().optional(),
  urgency: z.string().optional(),
  /** `YYYY-MM-DD`. */
  dueAt: z.string().optional(),
});
export type RecordIndex = z.infer<typeof recordIndexSchema>;
