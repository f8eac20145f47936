import { isCatalogueShaped } from '../../domain/catalogue/checksum';
import type { Catalogue } from '../../domain/catalogue/schema';
import { log } from '../log';
import { fetchShippedCatalogue } from './shipped-catalogue';
import { CATALOGUE_TABLES } from './fetch-messages';
import type { FetchMessage, Table } from './fetch-messages';

/** Starts the worker; a test passes its own to play the worker's part. */
export type StartFetchWorker = () => Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<FetchMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

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
  if (!start) return fallback();
  let worker: ReturnType<StartFetchWorker>;
  try {
    worker = start();
  } catch (e) {
    log.warn('catalogue.worker-fetch-failed', { reason: e instanceof Error ? e.name : 'unknown' });
    return fallback();
  }
  const received = await new Promise<{ catalogue: unknown } | { error: Error } | 'crashed'>(
    (resolve) => {
      const tables = Object.fromEntries(
        CATALOGUE_TABLES.map((table) => [table, [] as unknown[]]),
      ) as Record<Table, unknown[]>;
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.kind === 'records') {
          tables[message.table].push(...message.records);
          return;
        }
        worker.terminate();
        if (message.kind === 'failed') resolve({ error: new WorkerFetchError(message.name) });
        else resolve({ catalogue: { version: message.version, ...tables } });
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        worker.terminate();
        resolve('crashed');
      };
      worker.postMessage('fetch');
    },
  );
  if (received === 'crashed') {
    log.warn('catalogue.worker-fetch-failed', { reason: 'worker-error' });
    return fallback();
  }
  if ('error' in received) throw received.error;
  if (!isCatalogueShaped(received.catalogue)) throw new Error('catalogue.json is not a catalogue');
  return received.catalogue;
}
