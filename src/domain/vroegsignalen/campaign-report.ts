import { z } from 'zod';
import { CAMPAIGN_ERRORS_NL } from './campaign';
import { OVERVIEW_COLUMNS } from './campaign-outcome';

/**
 * What the campaign endpoints answer and the coordinator's screens read: per campaign its name,
 * wijk, period and published counts (suppression.ts). No address, no name, no answer of anyone.
 */
const publishedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('small') }),
  z.object({ kind: z.literal('hidden') }),
]);

export const campaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  wijk: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  createdAt: z.iso.datetime(),
  addresses: z.number().int().nonnegative(),
  cells: z.object(
    Object.fromEntries(OVERVIEW_COLUMNS.map((c) => [c, publishedSchema])) as Record<
      (typeof OVERVIEW_COLUMNS)[number],
      typeof publishedSchema
    >,
  ),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignSummarySchema) });

export const campaignProblemSchema = z.object({
  field: z.enum(['name', 'wijk', 'startsOn', 'endsOn', 'addresses']),
  code: z.enum(Object.keys(CAMPAIGN_ERRORS_NL) as [keyof typeof CAMPAIGN_ERRORS_NL]),
  message: z.string(),
  line: z.number().int().positive().optional(),
});

/** `POST /api/campagnes`: made (with its summary), or refused with every problem. */
export const createCampaignResponseSchema = z.union([
  z.object({ ok: z.literal(true), campaign: campaignSummarySchema, withoutTeam: z.boolean() }),
  z.object({ ok: z.literal(false), problems: z.array(campaignProblemSchema) }),
]);
export type CreateCampaignResponse = z.infer<typeof createCampaignResponseSchema>;
