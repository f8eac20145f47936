import { workerDb } from '../db';
import { installCatalogue } from './catalogue-store';
import { fetchShippedCatalogue } from './shipped-catalogue';
import type { InstallReply, InstallRequest } from './install-in-worker';

/**
 * Writes the shipped catalogue into a worker's database off the main thread (see
 * install-in-worker.ts): fetching and parsing ~600 KB, its checksum and the copy into IndexedDB
 * kept a first start's main thread busy for a second on a slow tablet.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<InstallRequest>) => {
  const { dbName, version } = event.data;
  const database = workerDb(dbName);
  let reply: InstallReply;
  try {
    const catalogue = await fetchShippedCatalogue();
    // The app shows the version it fetched; a newer deployment in between is not installed
    // under its name (the main thread then installs the one it has).
    if (catalogue.version !== version) reply = { ok: false, reason: 'version-changed' };
    else {
      await installCatalogue(catalogue, 'shipped', version, database);
      reply = { ok: true };
    }
  } catch (e) {
    reply = { ok: false, reason: e instanceof Error ? e.name : 'unknown' };
  } finally {
    // Nothing may keep the database open: deleting a worker's database waits for every handle.
    database.close();
  }
  scope.postMessage(reply);
};
