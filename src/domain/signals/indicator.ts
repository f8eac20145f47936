/**
 * The seeds' indicator "% contact na een vroegsignaal": higher than the national 20% (2024)
 * and rising [000 L236–239]. Computed from the events alone (first contact-gelegd moment), so it
 * counts the same on every device and on the server.
 */
export const NATIONAL_CONTACT_SHARE_2024 = 0.2;

export interface ContactIndicatorInput {
  createdAt: string;
  firstContactAt: string | null;
}

export interface ContactIndicator {
  signals: number;
  withContact: number;
  /** Share 0–1; null when there are no signals yet. */
  share: number | null;
  /** Median time from signal to first contact, in hours; null without any contact. */
  medianHoursToFirstContact: number | null;
  aboveNationalAverage: boolean | null;
}

const HOUR_MS = 3_600_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export function contactAfterSignal(items: readonly ContactIndicatorInput[]): ContactIndicator {
  const hours: number[] = [];
  for (const item of items) {
    if (item.firstContactAt === null) continue;
    const diff = Date.parse(item.firstContactAt) - Date.parse(item.createdAt);
    hours.push(Math.max(0, diff) / HOUR_MS);
  }
  const share = items.length === 0 ? null : hours.length / items.length;
  const med = median(hours);
  return {
    signals: items.length,
    withContact: hours.length,
    share,
    medianHoursToFirstContact: med === null ? null : Math.round(med * 10) / 10,
    aboveNationalAverage: share === null ? null : share > NATIONAL_CONTACT_SHARE_2024,
  };
}
