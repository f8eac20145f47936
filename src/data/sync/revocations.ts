import { z } from 'zod';
import { revokeProofMessage } from '../../domain/sync/device-proof';
import { revokeRequestSchema } from '../../domain/sync/protocol';
import type { RevokeRequest } from '../../domain/sync/protocol';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { HttpError } from '../http';
import { requestJson } from '../http';
import { log } from '../log';
import { signDeviceProof } from './device-key';
import type { Transport } from './sync-error';

/**
 * Revocations queued by a logout that could not reach the server (issue 10, item 2). Each is a
 * revocation signed by the device's key just before the key was deleted: it can only sign that
 * device out, so it holds nothing worth stealing, and it is kept through the logout's wipe until
 * the server has it.
 */

export const META_REVOCATIONS = 'sync.revocations';
const queueSchema = z.array(revokeRequestSchema);

async function readQueue(database: DichtbijDb): Promise<RevokeRequest[]> {
  const parsed = queueSchema.safeParse((await database.meta.get(META_REVOCATIONS))?.value);
  return parsed.success ? parsed.data : [];
}

/** Signs a revocation of `deviceId` with `keys` (before they are deleted). */
export async function signRevocation(
  deviceId: string,
  keys: CryptoKeyPair,
): Promise<RevokeRequest> {
  return { deviceId, proof: await signDeviceProof(keys, (p) => revokeProofMessage(deviceId, p)) };
}

export async function queueRevocation(database: DichtbijDb, request: RevokeRequest): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const queue = await readQueue(database);
    await database.meta.put({ key: META_REVOCATIONS, value: [...queue, request] });
  });
}

export async function pendingRevocations(database: DichtbijDb = db()): Promise<number> {
  return (await readQueue(database)).length;
}

/**
 * Sends queued revocations. One the server answered (done, or refused for good: a 4xx) leaves
 * the queue; one that could not be delivered (offline, 5xx) stays for the next try.
 */
export async function flushRevocations(
  database: DichtbijDb = db(),
  transport: Transport = requestJson,
): Promise<number> {
  const queue = await readQueue(database);
  if (queue.length === 0) return 0;
  const delivered: string[] = [];
  for (const request of queue) {
    try {
      await transport('/api/auth/revoke', { body: request });
      delivered.push(request.proof.nonce);
    } catch (e) {
      if (e instanceof HttpError && e.status >= 400 && e.status < 500) {
        log.warn('sync.revoke.refused', { status: e.status });
        delivered.push(request.proof.nonce);
      }
    }
  }
  await database.transaction('rw', database.meta, async () => {
    const left = (await readQueue(database)).filter((r) => !delivered.includes(r.proof.nonce));
    if (left.length === 0) await database.meta.delete(META_REVOCATIONS);
    else await database.meta.put({ key: META_REVOCATIONS, value: left });
  });
  log.info('sync.revoke.sent', { sent: delivered.length, left: queue.length - delivered.length });
  return delivered.length;
}
