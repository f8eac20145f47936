import { CATALOGUE_TABLES } from '../../domain/catalogue/checksum';
import type { FetchMessage } from './fetch-messages';
import { fetchShippedCatalogue } from './shipped-catalogue';

/**
 * Fetches and parses catalogue.json off the main thread and hands it over in small pieces (see
 * fetch-in-worker.ts): decoding and parsing ~600 KB in one go kept a slow tablet's main thread
 * busy for a quarter of a second, a keystroke waiting behind it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Records per message: each message is read on the main thread as a task of its own. */
const PIECE = 25;

scope.onmessage = async () => {
  let catalogue;
  try {
    catalogue = await fetchShippedCatalogue();
  } catch (e) {
    const failed: FetchMessage = { kind: 'failed', name: e instanceof Error ? e.name : 'unknown' };
    scope.postMessage(failed);
    return;
  }
  for (const table of CATALOGUE_TABLES) {
    const records = catalogue[table];
    for (let i = 0; i < records.length; i += PIECE) {
      const piece: FetchMessage = { kind: 'records', table, records: records.slice(i, i + PIECE) };
      scope.postMessage(piece);
    }
  }
  const done: FetchMessage = { kind: 'done', version: catalogue.version };
  scope.postMessage(done);
};
