/**
 * Signals only the server makes: an import's vroegsignaal (a creditor's report under the Wgs)
 * and a coordinator's campaign address. Their marks say where the record came from and under
 * which basis it is kept; a device that could write them could dress any signal up as one
 * (counted in the creditors' or a campaign's figures, recorded without the resident's consent),
 * and a device that could take them off could move a report out of those figures and out of
 * the Wgs retention. So a device's write must leave the marks exactly as it found them.
 */

/** A JSON object as stored (object, or JSON text in a row: record data, event body); {} otherwise. */
export function jsonObject(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      return jsonObject(JSON.parse(data) as unknown);
    } catch {
      return {};
    }
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

export const IMPORT_ONLY_MESSAGE =
  "Only an import of creditors' reports makes a vroegsignaal: a device cannot write source 'vroegsignaal' or consent 'wettelijke-taak' on a signal, nor take them off one.";

export const CAMPAIGN_ONLY_MESSAGE =
  "Only a coordinator's campaign makes a campaign address: a device cannot write source 'campagne', a campaignId or consent 'nog-niet-gevraagd' on a signal, nor take them off one.";

/** Whether a signal's data carries the import's marks (its source or its legal basis). */
export function claimsImport(data: unknown): boolean {
  const d = jsonObject(data);
  return d.source === 'vroegsignaal' || d.consent === 'wettelijke-taak';
}

/** Whether a signal's data carries a campaign's marks. */
export function claimsCampaign(data: unknown): boolean {
  const d = jsonObject(data);
  return (
    d.source === 'campagne' ||
    d.consent === 'nog-niet-gevraagd' ||
    (d.campaignId !== undefined && d.campaignId !== null)
  );
}

const KINDS = [
  { claims: claimsImport, message: IMPORT_ONLY_MESSAGE },
  { claims: claimsCampaign, message: CAMPAIGN_ONLY_MESSAGE },
] as const;

/**
 * Why a device may not make this write, or null when it may: `before` is the stored data (null
 * for a new record), `after` the data the write would leave. Adding or removing a kind's marks
 * is refused; a write that sends them back unchanged (the signal form does) is not.
 */
export function serverMadeRefusal(before: unknown, after: unknown): string | null {
  for (const kind of KINDS) {
    if (kind.claims(before) !== kind.claims(after)) return kind.message;
  }
  return null;
}
