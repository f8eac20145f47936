import { retentionCutoff, VROEGSIGNAAL_RETENTION } from '../domain/vroegsignalen/retention';
import { log } from './log';
import type { SyncStorage } from './storage/sync-storage';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads VROEGSIGNAAL_RETENTION_MONTHS (default: VROEGSIGNAAL_RETENTION.months, see its source
 * note); a value that is not a whole number of months ≥ 1 stops the start.
 */
export function vroegRetentionMonths(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return VROEGSIGNAAL_RETENTION.months;
  const months = Number(value);
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new Error(
      `VROEGSIGNAAL_RETENTION_MONTHS must be a whole number of months (1 or more), not "${value}".`,
    );
  }
  return months;
}

/** Erases the vroegsignalen past the retention period without help accepted; logs the count only. */
export async function applyVroegRetention(
  storage: Pick<SyncStorage, 'eraseExpiredVroegsignalen'>,
  months: number,
  now: Date,
): Promise<number> {
  const erased = await storage.eraseExpiredVroegsignalen(
    retentionCutoff(now, months),
    now.toISOString(),
  );
  if (erased > 0) log.info('vroegsignalen.retention', { erased, months });
  return erased;
}

/** Runs the retention now and then daily (like the audit retention); returns a stop. */
export function scheduleVroegRetention(
  storage: Pick<SyncStorage, 'eraseExpiredVroegsignalen'>,
  months: number,
  clock: () => Date = () => new Date(),
): { first: Promise<number>; stop: () => void } {
  const run = () =>
    applyVroegRetention(storage, months, clock()).catch((error: unknown) => {
      log.error('vroegsignalen.retention.failed', {
        name: error instanceof Error ? error.name : 'unknown',
      });
      return 0;
    });
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}
