import { SYSTEM_ACTOR } from '../domain/sync/audit';
import { log } from './log';
import type { SyncStorage } from './storage/sync-storage';

/**
 * How long the audit log keeps an entry. The default is a project choice, not a legal norm:
 * set AUDIT_RETENTION_DAYS to the organisation's own retention policy.
 */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads AUDIT_RETENTION_DAYS; a value that is not a whole number of days ≥ 1 stops the start. */
export function auditRetentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new Error(
      `AUDIT_RETENTION_DAYS must be a whole number of days (1 or more), not "${value}".`,
    );
  }
  return days;
}

/**
 * Removes audit entries older than the retention period; the removal is itself an entry
 * (by `system`, about `auditLog`, its id the cut-off moment), written in the same transaction.
 */
export async function applyAuditRetention(
  storage: SyncStorage,
  days: number,
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const removed = await storage.purgeAudit(cutoff, {
    at: now.toISOString(),
    userId: SYSTEM_ACTOR,
    role: 'system',
    deviceId: 'server',
    entityType: 'auditLog',
    entityId: cutoff,
    action: 'purge',
  });
  if (removed > 0) log.info('audit.retention', { removed, days });
  return removed;
}

/** Runs the retention now and then daily; returns a function that stops it. */
export function scheduleAuditRetention(
  storage: SyncStorage,
  days: number,
  clock: () => Date = () => new Date(),
): { first: Promise<number>; stop: () => void } {
  const run = () =>
    applyAuditRetention(storage, days, clock()).catch((error: unknown) => {
      log.error('audit.retention.failed', {
        name: error instanceof Error ? error.name : 'unknown',
      });
      return 0;
    });
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}
