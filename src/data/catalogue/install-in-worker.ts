import type { Catalogue } from '../../domain/catalogue/schema';
import type { DichtbijDb } from '../db';
import { log } from '../log';
import { installCatalogue } from './catalogue-store';

export interface InstallRequest {
  dbName: string;
  /** The version on screen: the worker installs catalogue.json only when it is this one. */
  version: string;
}

export type InstallReply = { ok: true } | { ok: false; reason: string };

/** Starts the worker; a test passes its own to see what is asked of it. */
export type StartWorker = () => Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<InstallReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

const startInstallWorker: StartWorker = () =>
  new Worker(new URL('./catalogue-install.worker.ts', import.meta.url), { type: 'module' });

/**
 * Installs the shipped catalogue (a first start, an app update) in a dedicated worker, which
 * fetches catalogue.json itself, so the main thread neither copies it there nor writes it into
 * IndexedDB. Where a worker cannot start or fails, the main thread installs the one it has: the
 * device's copy is its offline fallback and must not be left out.
 */
export async function installShippedInWorker(
  catalogue: Catalogue,
  database: DichtbijDb,
  start: StartWorker | undefined = typeof Worker === 'function' ? startInstallWorker : undefined,
): Promise<void> {
  const reply = await new Promise<InstallReply>((resolve) => {
    if (!start) return resolve({ ok: false, reason: 'no-worker' });
    let worker: ReturnType<StartWorker>;
    try {
      worker = start();
    } catch (e) {
      return resolve({ ok: false, reason: e instanceof Error ? e.name : 'unknown' });
    }
    worker.onmessage = (event) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      resolve({ ok: false, reason: 'worker-error' });
    };
    const request: InstallRequest = { dbName: database.name, version: catalogue.version };
    worker.postMessage(request);
  });
  if (reply.ok) return;
  log.warn('catalogue.worker-install-failed', { reason: reply.reason });
  await installCatalogue(catalogue, 'shipped', catalogue.version, database);
}
