import type { Organisation } from '../catalogue/schema';

export interface StaleEntry {
  id: string;
  name: string;
  checkedOn: string;
}

/** The calendar day `months` before `today` (both "YYYY-MM-DD"), clamped to the month's end. */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/**
 * Sociale kaart entries not checked for `months` (6 by default) on `today`, oldest first: the
 * beheerder's list to call round, since an address or an hour goes stale without anyone noticing.
 */
export function entriesToRecheck(
  organisations: readonly Organisation[],
  today: string,
  months = 6,
): StaleEntry[] {
  const limit = monthsBefore(today, months);
  return organisations
    .flatMap((o) =>
      o.directory && o.directory.checkedOn < limit
        ? [{ id: o.id, name: o.name, checkedOn: o.directory.checkedOn }]
        : [],
    )
    .sort((a, b) => a.checkedOn.localeCompare(b.checkedOn) || a.name.localeCompare(b.name, 'nl'));
}
