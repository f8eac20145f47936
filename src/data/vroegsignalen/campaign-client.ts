import type {
  CampaignSummary,
  CreateCampaignResponse,
} from '../../domain/vroegsignalen/campaign-report';
import {
  campaignListSchema,
  createCampaignResponseSchema,
} from '../../domain/vroegsignalen/campaign-report';
import type { CampaignInput } from '../../domain/vroegsignalen/campaign';
import { adminCall } from '../admin/admin-client';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import type { Transport } from '../sync/sync-error';

/**
 * The coordinator's door-to-door campaigns: make one, read the overview. Online only, like the
 * import: the coordinator's device holds no resident's data, and the overview is counts only.
 */
export function createCampaign(
  input: CampaignInput,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<CreateCampaignResponse> {
  return adminCall(
    createCampaignResponseSchema,
    '/api/campagnes',
    { method: 'POST', body: input },
    database,
    transport,
  );
}

export async function listCampaigns(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<CampaignSummary[]> {
  return (await adminCall(campaignListSchema, '/api/campagnes', {}, database, transport)).campaigns;
}
