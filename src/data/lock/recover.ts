import type { DichtbijDb } from '../db';
import { db } from '../db';
import { resetPinWithRecovery } from '../crypto/vault';
import { log } from '../log';
import { ATTEMPTS_META_KEY } from './unlock-attempts';

/**
 * "PIN vergeten?" (issue 10, item 4): after a password sign-in on this same registered device
 * (`login(..., { recovery: true })`) released the recovery key, open the data key with it and
 * set a new PIN. Nothing stored is touched, so unsynced work stays; the wrong-PIN count starts
 * over. False when the recovery key does not open this device's keyring.
 */
export async function recoverWithNewPin(
  newPin: string,
  database: DichtbijDb = db(),
): Promise<boolean> {
  const ok = await resetPinWithRecovery(newPin, database);
  if (ok) await database.meta.delete(ATTEMPTS_META_KEY);
  log.info('lock.recovered', { ok });
  return ok;
}
