import { insightResponseSchema, type InsightResponse } from '../../domain/insight/figures';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import { authorizedRequest } from '../sync/session';
import type { Transport } from '../sync/sync-error';
import { SyncError } from '../sync/sync-error';

/**
 * The coordinator's figures for a month (`2026-11`) and the month before, as the server
 * published them after suppression. Online only: nothing is kept on the device.
 */
export async function loadInsight(
  month: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<InsightResponse> {
  const body = await authorizedRequest(
    database,
    transport,
    `/api/insight?month=${encodeURIComponent(month)}`,
    { cache: 'no-store' },
  );
  const parsed = insightResponseSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('server', 'unexpected answer');
  return parsed.data;
}
