/**
 * Only the server's campaign endpoint makes a campaign address. Its `source: 'campagne'`, its
 * `campaignId` and its consent `nog-niet-gevraagd` say a coordinator put the address on a list;
 * a device that could write them could make a signal about a household look like an unasked
 * list entry (no consent recorded), drop it from the signal figures and count it in a
 * campaign's overview. So a write from a device may carry them only on a record that already
 * is a campaign address. The same rule as the import's (import-only.ts).
 */
export const CAMPAIGN_ONLY_MESSAGE =
  "Only a coordinator's campaign makes a campaign address: a device cannot write source 'campagne', a campaignId or consent 'nog-niet-gevraagd' on a signal that is not one.";

function fieldsOf(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      return fieldsOf(JSON.parse(data) as unknown);
    } catch {
      return {};
    }
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

export function isCampaignAddress(data: unknown): boolean {
  return fieldsOf(data).source === 'campagne';
}

export function claimsCampaign(data: unknown): boolean {
  const d = fieldsOf(data);
  return (
    d.source === 'campagne' ||
    d.consent === 'nog-niet-gevraagd' ||
    (d.campaignId !== undefined && d.campaignId !== null)
  );
}

/** `before`: the stored data (null for a new record); `after`: what the write would leave. */
export function forgesCampaign(before: unknown, after: unknown): boolean {
  return claimsCampaign(after) && !isCampaignAddress(before);
}
