import type { DeviceProof, DevicePublicKey } from '../../domain/sync/device-proof';
import {
  DEVICE_KEY_ALGORITHM,
  DEVICE_SIGN_ALGORITHM,
  devicePublicKeySchema,
} from '../../domain/sync/device-proof';
import type { DichtbijDb } from '../db';

/**
 * The device's signing key pair (issue 10). WebCrypto makes the private half non-extractable:
 * script can sign with it but never read it out. It is stored as a CryptoKey in IndexedDB, which
 * a copy of the disk can still use, so it is only half the lock: the refresh token it signs for
 * is sealed by the PIN vault (session-secrets.ts). Logout deletes the pair, which makes any
 * leftover sealed token useless even to someone who learns the PIN.
 */

export const META_DEVICE_KEY = 'sync.deviceKey';

function isKeyPair(value: unknown): value is CryptoKeyPair {
  if (typeof value !== 'object' || value === null) return false;
  const { privateKey, publicKey } = value as Partial<CryptoKeyPair>;
  return privateKey instanceof CryptoKey && publicKey instanceof CryptoKey;
}

/** The stored key pair, or undefined when this device has none (new, or signed out). */
export async function readDeviceKey(database: DichtbijDb): Promise<CryptoKeyPair | undefined> {
  const row = await database.meta.get(META_DEVICE_KEY);
  return isKeyPair(row?.value) ? row.value : undefined;
}

/** The device's key pair, made on first use. Two tabs making one at once end with the same pair. */
export async function ensureDeviceKey(database: DichtbijDb): Promise<CryptoKeyPair> {
  const existing = await readDeviceKey(database);
  if (existing) return existing;
  const made = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
  // Generating cannot run inside a Dexie transaction (it is not an IndexedDB request), so the
  // first pair stored wins and a slower tab takes that one.
  return database.transaction('rw', database.meta, async () => {
    const row = await database.meta.get(META_DEVICE_KEY);
    if (isKeyPair(row?.value)) return row.value;
    await database.meta.put({ key: META_DEVICE_KEY, value: made });
    return made;
  });
}

export async function publicKeyJwk(keys: CryptoKeyPair): Promise<DevicePublicKey> {
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  return devicePublicKeySchema.parse({ kty, crv, x, y });
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Signs the message `build` makes of a fresh timestamp and nonce (see device-proof.ts). */
export async function signDeviceProof(
  keys: CryptoKeyPair,
  build: (p: Pick<DeviceProof, 'timestamp' | 'nonce'>) => string,
): Promise<DeviceProof> {
  const timestamp = Date.now();
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const signature = await crypto.subtle.sign(
    DEVICE_SIGN_ALGORITHM,
    keys.privateKey,
    new TextEncoder().encode(build({ timestamp, nonce })),
  );
  return { timestamp, nonce, signature: base64url(new Uint8Array(signature)) };
}
