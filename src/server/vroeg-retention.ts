import { retentionCutoff, VROEGSIGNAAL_RETENTION } from '../domain/vroegsignalen/retention';
import { log } from './log';
import type { SyncStorage } from './storage/sync-storage';
import type { VroegStore } from './storage/vroeg-store';

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

type Stores = {
  storage: Pick<SyncStorage, 'eraseExpiredVroegsignalen'>;
  /** The import's own tables; absent where the server runs without the import. */
  vroeg?: Pick<VroegStore, 'eraseExpired'> | undefined;
};

/**
 * Erases the vroegsignalen past the retention period without help accepted, then what the import
 * keeps of them and its waiting reports past the same period; logs the counts only.
 */
export async function applyVroegRetention(
  { storage, vroeg }: Stores,
  months: number,
  now: Date,
): Promise<number> {
  const cutoff = retentionCutoff(now, months);
  const erased = await storage.eraseExpiredVroegsignalen(cutoff, now.toISOString());
  if (erased > 0) log.info('vroegsignalen.retention', { erased, months });
  if (vroeg) {
    const rows = await vroeg.eraseExpired(cutoff, now.toISOString());
    if (rows.signals + rows.pending + rows.imports > 0)
      log.info('vroegsignalen.retention.imports', { ...rows, months });
  }
  return erased;
}

/** Runs the retention now and then daily (like the audit retention); returns a stop. */
export function scheduleVroegRetention(
  stores: Stores,
  months: number,
  clock: () => Date = () => new Date(),
): { first: Promise<number>; stop: () => void } {
  const run = () =>
    applyVroegRetention(stores, months, clock()).catch((error: unknown) => {
      log.error('vroegsignalen.retention.failed', {
        name: error instanceof Error ? error.name : 'unknown',
      });
      return 0;
    });
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}
