import { z } from 'zod';
import { canSync, subscribeVault } from '../crypto/vault';
import { openSessionSecrets, sealSessionSecrets } from '../crypto/record-crypto';
import type { DichtbijDb } from '../db';
import { log } from '../log';
import { keepsPersonalData } from '../../domain/sync/personal-data';
import type { Role } from '../../domain/sync/roles';
import { isDeviceSealed, openWithDeviceKey, sealWithDeviceKey } from './device-sealed';

/**
 * The session's secrets (issue 10). The access token lives in memory only. The refresh token is
 * kept in memory and, once the PIN vault can seal it, stored sealed with the data key (never in
 * the clear), so the disk alone does not hold a usable session. Before the PIN is set up (right
 * after the first sign-in) it is in memory only: a reload then asks for a new sign-in, which is
 * the price of not storing it unsealed. A role without a vault (the coordinator, who keeps no
 * residents' data) has it sealed by a non-extractable device key instead (device-sealed.ts).
 */

export const META_SECRETS = 'sync.secrets';

const sealedSchema = z.object({
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
});

export interface SessionSecrets extends z.infer<typeof sealedSchema> {
  /** Absent after a reload: the first request refreshes. */
  accessToken?: string;
  accessExpiresAt: string;
}

const inMemory = new WeakMap<DichtbijDb, SessionSecrets>();
/** Databases whose session belongs to a role without a PIN vault. */
const withoutVault = new WeakSet<DichtbijDb>();
/** Databases whose secrets wait for the vault to open before they can be sealed. */
const waiting = new Set<DichtbijDb>();
let unsubscribe: (() => void) | undefined;

async function seal(database: DichtbijDb): Promise<void> {
  const secrets = inMemory.get(database);
  if (!secrets) return;
  const stored = { refreshToken: secrets.refreshToken, refreshExpiresAt: secrets.refreshExpiresAt };
  if (withoutVault.has(database)) {
    await database.meta.put({
      key: META_SECRETS,
      value: await sealWithDeviceKey(database, stored),
    });
    return;
  }
  if (!canSync(database)) {
    waiting.add(database);
    unsubscribe ??= subscribeVault(() => {
      for (const d of [...waiting])
        if (canSync(d))
          void seal(d).catch((e: unknown) => {
            // Not sealed: the token stays in memory only and the next sign-in stores it.
            waiting.delete(d);
            log.warn('session.secrets.seal-failed', {
              name: e instanceof Error ? e.name : 'unknown',
            });
          });
    });
    return;
  }
  waiting.delete(database);
  await database.meta.put({ key: META_SECRETS, value: await sealSessionSecrets(stored, database) });
}

/**
 * Keeps new tokens in memory and seals the refresh token: for `role` with a PIN as soon as the
 * vault allows, for a role without one at once with the device key.
 */
export async function keepSecrets(
  database: DichtbijDb,
  secrets: SessionSecrets,
  role: Role,
): Promise<void> {
  inMemory.set(database, secrets);
  if (keepsPersonalData(role)) withoutVault.delete(database);
  else withoutVault.add(database);
  await seal(database);
}

/**
 * The current secrets: from memory, else opened from the sealed copy (needs the vault's key,
 * throws LockedError without it). Undefined when the device holds no usable session.
 */
export async function loadSecrets(database: DichtbijDb): Promise<SessionSecrets | undefined> {
  const held = inMemory.get(database);
  if (held) return held;
  const row = await database.meta.get(META_SECRETS);
  if (!row) return undefined;
  let opened: unknown;
  try {
    opened = isDeviceSealed(row.value)
      ? await openWithDeviceKey(database, row.value)
      : await openSessionSecrets(row.value, database);
  } catch (e) {
    if (e instanceof Error && e.name === 'LockedError') throw e;
    // Sealed under a data key this device no longer has: as good as absent.
    log.warn('session.secrets.unreadable');
    return undefined;
  }
  const parsed = sealedSchema.safeParse(opened);
  if (!parsed.success) return undefined;
  const secrets: SessionSecrets = { ...parsed.data, accessExpiresAt: new Date(0).toISOString() };
  inMemory.set(database, secrets);
  return secrets;
}

/** Drops the secrets from memory (the stored copy goes with the wipe of `meta`). */
export function forgetSecrets(database: DichtbijDb): void {
  inMemory.delete(database);
  waiting.delete(database);
  withoutVault.delete(database);
}
