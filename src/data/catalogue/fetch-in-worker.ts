import { CATALOGUE_TABLES, isCatalogueShaped } from '../../domain/catalogue/checksum';
import type { Catalogue } from '../../domain/catalogue/schema';
import { log } from '../log';
import { askWorker, workerUnavailable } from './dedicated-worker';
import type { StartWorker } from './dedicated-worker';
import { fetchShippedCatalogue } from './shipped-catalogue';
import type { FetchMessage, Table } from './fetch-messages';

export type StartFetchWorker = StartWorker<'fetch', FetchMessage>;

const startFetchWorker: StartFetchWorker = () =>
  new Worker(new URL('./catalogue-fetch.worker.ts', import.meta.url), { type: 'module' });

/** A failure the worker reported, under the name of the error it met (OfflineError, …). */
class WorkerFetchError extends Error {
  constructor(name: string) {
    super(`catalogue.json could not be read (${name})`);
    this.name = name;
  }
}

/**
 * The shipped catalogue, fetched and parsed in a dedicated worker and handed over in pieces of a
 * few records, each read on the main thread as a short task of its own. The whole is checked
 * again here before anything shows it. Where no worker can run, the main thread fetches it.
 */
export async function fetchShippedInWorker(
  start: StartFetchWorker | undefined = typeof Worker === 'function' ? startFetchWorker : undefined,
  fallback: () => Promise<Catalogue> = fetchShippedCatalogue,
): Promise<Catalogue> {
  const tables = Object.fromEntries(
    CATALOGUE_TABLES.map((table) => [table, [] as unknown[]]),
  ) as Record<Table, unknown[]>;
  const received = await askWorker(start, 'fetch', (message) => {
    if (message.kind === 'records') {
      tables[message.table].push(...message.records);
      return undefined;
    }
    if (message.kind === 'failed') return { error: new WorkerFetchError(message.name) };
    return { catalogue: { version: message.version, ...tables } as unknown };
  });
  if (workerUnavailable(received)) {
    // No worker here (a test, an old browser) is no failure: only a broken one is worth a line.
    if (start) log.warn('catalogue.worker-fetch-failed', { reason: received.unavailable });
    return fallback();
  }
  if ('error' in received) throw received.error;
  if (!isCatalogueShaped(received.catalogue)) throw new Error('catalogue.json is not a catalogue');
  return received.catalogue;
}
