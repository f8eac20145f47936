import type {
  ImportReport,
  PlaceRequest,
  PlaceResponse,
  UnplacedAddress,
} from '../../domain/vroegsignalen/import-report';
import {
  importReportSchema,
  placeRequestSchema,
  placeResponseSchema,
  unplacedListSchema,
} from '../../domain/vroegsignalen/import-report';
import { adminCall } from '../admin/admin-client';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import type { Transport } from '../sync/sync-error';

/**
 * The import of creditors' arrears reports: upload a file, read the report, place the
 * addresses the server could not. Online only; nothing of it is kept on the device (the
 * coordinator's device holds no resident's data), so the report lives in the screen's state.
 */

/** Sends the file's text as it is: CSV or JSON, the server tells them apart. */
export function importVroegFile(
  content: string,
  type: string,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<ImportReport> {
  return adminCall(
    importReportSchema,
    '/api/vroegsignalen/import',
    { method: 'POST', text: { content, type: type || 'text/csv' } },
    database,
    transport,
  );
}

export async function listUnplaced(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<UnplacedAddress[]> {
  return (
    await adminCall(unplacedListSchema, '/api/vroegsignalen/unplaced', {}, database, transport)
  ).addresses;
}

export function placeAddress(
  request: PlaceRequest,
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<PlaceResponse> {
  return adminCall(
    placeResponseSchema,
    '/api/vroegsignalen/place',
    { method: 'POST', body: placeRequestSchema.parse(request) },
    database,
    transport,
  );
}
