import type { DichtbijDb } from '../db';
import { db } from '../db';
import { setUpPin } from '../crypto/vault';
import type { PersistOutcome } from './storage';
import { requestPersistentStorage } from './storage';

/** First use: set the PIN, then ask the browser once to keep our data (it holds unsynced work). */
export async function setUpVault(
  pin: string,
  database: DichtbijDb = db(),
): Promise<{ persistence: PersistOutcome }> {
  await setUpPin(pin, database);
  return { persistence: await requestPersistentStorage(database) };
}
