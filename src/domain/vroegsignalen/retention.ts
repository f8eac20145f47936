import { jsonObject } from './server-made';

/**
 * How long an imported vroegsignaal is kept when no help was accepted, and which ones have
 * expired. Pure: the server's daily job and the tests use the same rule.
 *
 * The source, as far as it could be established (checked again 2026-11-30):
 * - Wet gemeentelijke schuldhulpverlening (BWBR0031331), version valid from 2026-07-01,
 *   published 2026-02-03 (MinBZK/regelrecht-corpus,
 *   regulation/nl/wet/wet_gemeentelijke_schuldhulpverlening/2026-07-01.yaml), read whole
 *   (art. 1–14): art. 3 lid 1 onder b (the college offers a first conversation after a creditor's
 *   signal), art. 4 lid 1 onder b (the conversation follows when the resident accepts the offer)
 *   and art. 8b (the college may process the resident's data only "voor zover die gegevens
 *   noodzakelijk zijn" for that task). No article of the Act sets a retention period or speaks
 *   of destroying signal data; art. 3a is about having third parties carry out the Act
 *   (mandaat), not about keeping data.
 * - The Besluit gemeentelijke schuldhulpverlening (Stb. 2020, 240, in force 2021-01-01),
 *   § 2 "Gegevensverstrekking vroegsignalering", is where a period would be. It is NOT in the
 *   regelrecht corpus (no files under regulation/nl/amvb/besluit_gemeentelijke_schuldhulpverlening)
 *   and the stored copy of Stb. 2020, 240 holds only art. 1 and the start of art. 2, so its
 *   article on destroying the signal data, and its number of months, are NOT verified.
 * - No Dordrecht source in the seeds fixes a period (domain.md: "The seeds give no legal
 *   basis, retention rule or data-sharing rules for signals").
 * Until the Besluit's article is checked, the server uses 12 months after receipt as a
 * project value, overridable with VROEGSIGNAAL_RETENTION_MONTHS; README "Retention of
 * vroegsignalen" says the same. Set it to the Besluit's term (or Dordrecht's shorter choice).
 */
export const VROEGSIGNAAL_RETENTION = {
  months: 12,
  verified: false,
  law: 'Wet gemeentelijke schuldhulpverlening (BWBR0031331) art. 3 lid 1 onder b, 4 lid 1 onder b, 8b, versie 2026-07-01',
  decree:
    'Besluit gemeentelijke schuldhulpverlening (Stb. 2020, 240), § 2 — bewaartermijn niet geverifieerd',
} as const;

/** The moment `months` calendar months before `now` (UTC; the 31st falls back to the month's last day). */
export function retentionCutoff(now: Date, months: number): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const cutoff = new Date(
    Date.UTC(
      y,
      m,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
  return cutoff.toISOString();
}

/** Whether a signal's data (object or stored JSON text) is an imported vroegsignaal. */
export function isVroegsignaal(data: unknown): boolean {
  return jsonObject(data).source === 'vroegsignaal';
}

/** An event as stored or synced: its kind and body (object or JSON text). */
export interface RetentionEvent {
  kind: string;
  body: unknown;
}

/**
 * Whether help was accepted: any `help` event saying `aanvaard`, even if a later one says
 * otherwise (the resident then became a client; his data fall under the help's own rules).
 */
export function helpAccepted(events: readonly RetentionEvent[]): boolean {
  return events.some((e) => e.kind === 'help' && jsonObject(e.body).help === 'aanvaard');
}

/**
 * Whether a signal must be erased now: a vroegsignaal received (made on the server, its
 * `createdAt`) before the cut-off, without help accepted, not already deleted.
 */
export function isExpiredUnaccepted(
  record: { createdAt: string; data: unknown; deleted: boolean },
  events: readonly RetentionEvent[],
  cutoff: string,
): boolean {
  return (
    !record.deleted &&
    isVroegsignaal(record.data) &&
    record.createdAt < cutoff &&
    !helpAccepted(events)
  );
}
