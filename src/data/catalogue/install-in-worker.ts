import type { Catalogue } from '../../domain/catalogue/schema';
import type { DichtbijDb } from '../db';
import { log } from '../log';
import { installCatalogue } from './catalogue-store';
import { askWorker, workerUnavailable } from './dedicated-worker';
import type { StartWorker } from './dedicated-worker';

export interface InstallRequest {
  dbName: string;
  /** The version on screen: the worker installs catalogue.json only when it is this one. */
  version: string;
}

export type InstallReply = { ok: true } | { ok: false; reason: string };

export type StartInstallWorker = StartWorker<InstallRequest, InstallReply>;

const startInstallWorker: StartInstallWorker = () =>
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
  start: StartInstallWorker | undefined = typeof Worker === 'function'
    ? startInstallWorker
    : undefined,
): Promise<void> {
  const request: InstallRequest = { dbName: database.name, version: catalogue.version };
  const answer = await askWorker(start, request, (reply) => reply);
  const reply: InstallReply = workerUnavailable(answer)
    ? { ok: false, reason: answer.unavailable }
    : answer;
  if (reply.ok) return;
  log.warn('catalogue.worker-install-failed', { reason: reply.reason });
  await installCatalogue(catalogue, 'shipped', catalogue.version, database);
}
