import type { AuditQuery } from '../../domain/sync/audit';
import { auditActionSchema } from '../../domain/sync/audit';
import { entityTypeSchema } from '../../domain/records/record-schema';

/** Rows per page: enough to scan, small enough to read on a tablet. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit filters as they live in the URL (Dutch names, like the rest of the app's URLs). */
export const AUDIT_PARAMS = {
  userId: 'gebruiker',
  entityType: 'soort',
  entityId: 'record',
  action: 'actie',
  from: 'van',
  to: 'tot',
  before: 'voor',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a calendar day on this device's clock, as the server compares ISO instants. */
function startOfDay(day: string): string | undefined {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** "Tot en met" a day is before the start of the next one (the server's `to` is exclusive). */
function startOfNextDay(day: string): string | undefined {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00`);
  if (Number.isNaN(at.getTime())) return undefined;
  at.setDate(at.getDate() + 1);
  return at.toISOString();
}

/** Reads the URL's filters; anything unreadable is left out rather than sent and refused. */
export function auditQueryFromParams(params: URLSearchParams): AuditQuery {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const query: AuditQuery = { limit: AUDIT_PAGE_SIZE };
  const userId = get(AUDIT_PARAMS.userId);
  if (userId) query.userId = userId.slice(0, 64);
  const entityType = entityTypeSchema.safeParse(get(AUDIT_PARAMS.entityType));
  if (entityType.success) query.entityType = entityType.data;
  const entityId = get(AUDIT_PARAMS.entityId);
  if (entityId) query.entityId = entityId.slice(0, 64);
  const action = auditActionSchema.safeParse(get(AUDIT_PARAMS.action));
  if (action.success) query.action = action.data;
  const from = startOfDay(get(AUDIT_PARAMS.from) ?? '');
  if (from) query.from = from;
  const to = startOfNextDay(get(AUDIT_PARAMS.to) ?? '');
  if (to) query.to = to;
  const before = Number(get(AUDIT_PARAMS.before));
  if (Number.isInteger(before) && before > 0) query.before = before;
  return query;
}
