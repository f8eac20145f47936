import type { DichtbijDb } from '../db';
import { db } from '../db';
import { dropPendingDrafts } from '../drafts';
import { resetVault } from '../crypto/vault';
import { forgetSecrets } from '../sync/session-secrets';
import { META_REVOCATIONS } from '../sync/revocations';
import { log } from '../log';
import { forgetWorker } from '../workers/registry';

/** Re-downloadable, not personal: kept on a wipe so the app still works offline afterwards. */
const CATALOGUE_TABLES = new Set([
  'fundamenten',
  'programmes',
  'regelingen',
  'organisations',
  'wijken',
  'indicators',
]);

/**
 * Meta rows that are device settings, not personal data or credentials. Queued revocations stay:
 * each can only sign the old device out, and must still reach the server after a logout.
 */
function keepMeta(key: string): boolean {
  return (
    key === 'catalogue' ||
    key === 'storage-persist' ||
    key.startsWith('setting:') ||
    // Norms and rules (src/data/rules/rules-store.ts): published data, nothing personal.
    key.startsWith('rules:') ||
    key === META_REVOCATIONS
  );
}

export interface WipeResult {
  /** Rows removed per table (counts only, never contents). */
  removed: Record<string, number>;
}

/**
 * Removes all personal data from this device: every table except the catalogue, and in `meta`
 * everything but settings and the catalogue version (so the keyring, session tokens and the
 * sync cursor go too: a later login pulls from the start). Tables added later are wiped by
 * default, which is the safe side. Drops the key from memory.
 */
export async function wipePersonalData(database: DichtbijDb = db()): Promise<WipeResult> {
  // Pending draft writes would otherwise land after the wipe.
  dropPendingDrafts();
  const personal = database.tables.filter(
    (t) => !CATALOGUE_TABLES.has(t.name) && t.name !== 'meta',
  );
  const removed: Record<string, number> = {};
  await database.transaction('rw', [...personal, database.meta], async () => {
    for (const table of personal) {
      removed[table.name] = await table.count();
      await table.clear();
    }
    const metaKeys = (await database.meta.toCollection().primaryKeys()).filter((k) => !keepMeta(k));
    removed.meta = metaKeys.length;
    await database.meta.bulkDelete(metaKeys);
  });
  forgetSecrets(database);
  resetVault(database);
  // Only this worker leaves the tablet's list; the others keep everything (issue 16).
  await forgetWorker(database.name);
  log.warn('lock.wiped', { tables: personal.length });
  return { removed };
}
