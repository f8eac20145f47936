import { z } from 'zod';
import { ENTITY_TYPES } from '../records/record-schema';
import { ROLES } from './roles';

/**
 * The audit log: who read or changed which personal record, from which device, and when. It
 * never holds contents (no data, no event bodies, no field values), so reading it discloses
 * nothing about a resident beyond that a record with this id exists.
 */
export const AUDIT_ACTIONS = [
  /** A pull (or a resent push answer) handed the record or one of its events to the device. */
  'read',
  'create',
  'update',
  'delete',
  /** An append-only event (status change, note) was added. */
  'event',
  /** A write arrived against a newer version; the server kept its value. */
  'conflict',
  /** The server refused the write (scope, invalid payload, deleted record, ...). */
  'rejected',
  /** Entries older than the retention period were removed (entity `auditLog`, id: the cut-off). */
  'purge',
  /**
   * Erased by the vroegsignalen retention rule (by `system`): a vroegsignaal (its data and events
   * are gone), or a waiting report or the bookkeeping row of an import (entity `vroegImport`).
   */
  'erase',
  /** A file of creditors' arrears reports was imported (entity `vroegImport`, id: the import). */
  'import',
  /** A person placed an imported address in a wijk (entity `vroegImport`, id: the placement). */
  'place',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * What an entry is about: a personal record, a user account (created, or its role, team or
 * wijken changed by a beheerder) or the audit log itself (a retention purge).
 */
export const AUDIT_ENTITY_TYPES = [
  ...ENTITY_TYPES,
  'user',
  'auditLog',
  'vroegImport',
  'campaign',
] as const;
export const auditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES);
export type AuditEntityType = z.infer<typeof auditEntityTypeSchema>;

/** Who acted: a user's role, or `system` for what the server does on its own (retention). */
export const AUDIT_ROLES = [...ROLES, 'system'] as const;
export const auditRoleSchema = z.enum(AUDIT_ROLES);
export const SYSTEM_ACTOR = 'system';

export const MAX_AUDIT_PAGE = 1000;
export const DEFAULT_AUDIT_PAGE = 100;

const id = z.string().min(1).max(64);

export const newAuditEntrySchema = z.object({
  at: z.iso.datetime(),
  userId: id,
  /** The role at the time of access; roles change, the log must not. */
  role: auditRoleSchema,
  deviceId: id,
  entityType: auditEntityTypeSchema,
  entityId: id,
  action: auditActionSchema,
});
export type NewAuditEntry = z.infer<typeof newAuditEntrySchema>;

export const auditEntrySchema = newAuditEntrySchema.extend({
  id: z.number().int().positive(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters for `GET /api/admin/audit`; query strings, so numbers are coerced. */
export const auditQuerySchema = z
  .object({
    userId: id.optional(),
    deviceId: id.optional(),
    entityType: auditEntityTypeSchema.optional(),
    entityId: id.optional(),
    action: auditActionSchema.optional(),
    /** Inclusive. */
    from: z.iso.datetime().optional(),
    /** Exclusive. */
    to: z.iso.datetime().optional(),
    /** Newest first: the next page holds entries with an id below this. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().positive().max(MAX_AUDIT_PAGE).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
