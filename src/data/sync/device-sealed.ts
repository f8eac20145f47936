import type { DichtbijDb } from '../db';
import { inDexieZone } from '../crypto/envelope';

/**
 * Sealing for a session without a PIN vault (a coordinator keeps no residents' data, so she
 * has no PIN): the refresh token is encrypted with a non-extractable AES-GCM key held in
 * IndexedDB. Script cannot read the key out, so the token is never on disk in the clear and a
 * page reload keeps her signed in. A full copy of the browser profile can still use the key,
 * as it can the device's signing key; what such a copy reaches is the coordinator's counts,
 * and a beheerder's "afmelden" ends it (see the README's threat model).
 */

export const META_DEVICE_SEAL_KEY = 'sync.deviceSealKey';

export interface DeviceSealed {
  by: 'device';
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export function isDeviceSealed(value: unknown): value is DeviceSealed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DeviceSealed>;
  // Tag checks, not instanceof: a structured clone may come from another realm (a test's jsdom).
  return (
    v.by === 'device' &&
    ArrayBuffer.isView(v.iv) &&
    Object.prototype.toString.call(v.data) === '[object ArrayBuffer]'
  );
}

async function sealKey(database: DichtbijDb, create: boolean): Promise<CryptoKey | undefined> {
  const row = await database.meta.get(META_DEVICE_SEAL_KEY);
  if (row?.value instanceof CryptoKey) return row.value;
  if (!create) return undefined;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Generating is not an IndexedDB request, so it cannot run inside the transaction: the first
  // key stored wins and a slower tab seals with that one.
  return database.transaction('rw', database.meta, async () => {
    const again = await database.meta.get(META_DEVICE_SEAL_KEY);
    if (again?.value instanceof CryptoKey) return again.value;
    await database.meta.put({ key: META_DEVICE_SEAL_KEY, value: key });
    return key;
  });
}

export async function sealWithDeviceKey(
  database: DichtbijDb,
  value: unknown,
): Promise<DeviceSealed> {
  const key = await sealKey(database, true);
  if (!key) throw new Error('no device seal key');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await inDexieZone(
    crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      key,
      new TextEncoder().encode(JSON.stringify(value)),
    ),
  );
  return { by: 'device', iv, data };
}

/** The sealed value, or undefined when this device no longer has the key (signed out). */
export async function openWithDeviceKey(
  database: DichtbijDb,
  sealed: DeviceSealed,
): Promise<unknown> {
  const key = await sealKey(database, false);
  if (!key) return undefined;
  try {
    const plain = await inDexieZone(
      crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}
