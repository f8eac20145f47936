import { z } from 'zod';

/**
 * Envelope encryption on WebCrypto only (no hand-written primitives): a random AES-GCM-256 data
 * key encrypts records; a key-encryption key derived from the worker's PIN with PBKDF2-SHA256
 * wraps the data key with AES-KW (RFC 3394, which has its own integrity check, so a wrong PIN
 * makes the unwrap fail instead of yielding a wrong key).
 */

/** OWASP's current minimum for PBKDF2-HMAC-SHA256; stored per keyring so it can be raised later. */
export const KDF_ITERATIONS = 600_000;
/** AES-GCM's standard 96-bit nonce; random per write, so a nonce never repeats under one key in practice. */
export const IV_BYTES = 12;
const SALT_BYTES = 16;

function isBytes(value: unknown): value is Uint8Array<ArrayBuffer> {
  // Checked by tag, not instanceof: IndexedDB clones may come from another realm in tests.
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}
const bytesSchema = z.custom<Uint8Array<ArrayBuffer>>(isBytes, 'expected bytes');

export const kdfParamsSchema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().int().min(KDF_ITERATIONS),
  salt: bytesSchema,
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** What the device stores about its key: only the wrapped data key, never the PIN or the key itself. */
export const keyringSchema = z.object({
  version: z.literal(1),
  kdf: kdfParamsSchema,
  wrap: z.literal('AES-KW'),
  wrappedKey: bytesSchema,
  /**
   * The same data key wrapped (AES-KW) with the device's recovery key, which only the server
   * holds and releases after a fresh password sign-in on this device (forgotten PIN).
   * `keyId` names which recovery key, so the same one is not wrapped again on every sign-in.
   */
  recovery: z.object({ keyId: z.string(), wrappedKey: bytesSchema }).optional(),
  createdAt: z.iso.datetime(),
  changedAt: z.iso.datetime(),
});
export type Keyring = z.infer<typeof keyringSchema>;

/** One encrypted value as stored in IndexedDB (binary, so no base64 overhead). */
export const encryptedBlobSchema = z.object({
  v: z.literal(1),
  iv: bytesSchema,
  ct: bytesSchema,
});
export type EncryptedBlob = z.infer<typeof encryptedBlobSchema>;

export function isEncryptedBlob(value: unknown): value is EncryptedBlob {
  return encryptedBlobSchema.safeParse(value).success;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Screens read records live (Dexie's liveQuery), and Dexie observes only the reads it sees in its
 * zone. A Web Crypto promise leaves that zone, so every read after a decrypt went unobserved and
 * a screen missed later changes (test/unit/data/live-reads.test.ts). Inside a live query the
 * global Promise is Dexie's, and its resolve() carries the zone over the await (dexie.org,
 * useLiveQuery(): "wrap the returned promise through Promise.resolve()"); elsewhere it is a
 * no-op.
 */
export function inDexieZone<T>(promise: Promise<T>): Promise<T> {
  return Promise.resolve(promise);
}

function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) {
    // Only secure contexts (https, localhost) have WebCrypto; without it nothing personal may be stored.
    throw new Error('WebCrypto is not available (the app must be served over https).');
  }
  return globalThis.crypto.subtle;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function newKdfParams(): KdfParams {
  return {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: KDF_ITERATIONS,
    salt: randomBytes(SALT_BYTES),
  };
}

/** The key-encryption key: non-extractable, usable only to wrap and unwrap the data key. */
export async function deriveWrappingKey(pin: string, params: KdfParams): Promise<CryptoKey> {
  // NFC so the same passphrase typed on another keyboard layout gives the same key.
  const material = await subtle().importKey(
    'raw',
    encoder.encode(pin.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: params.hash, salt: params.salt, iterations: params.iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The recovery key (32 bytes, base64url) as an AES-KW key that can only wrap and unwrap. */
export async function importRecoveryKey(base64url: string): Promise<CryptoKey> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const raw = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return subtle().importKey('raw', raw, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
}

/** A short public name for a recovery key (not the key): the first bytes of its SHA-256. */
export async function recoveryKeyId(base64url: string): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', encoder.encode(base64url)));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh data key; extractable only so it can be wrapped once, callers keep the unwrapped copy. */
export async function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(
  dataKey: CryptoKey,
  wrappingKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().wrapKey('raw', dataKey, wrappingKey, 'AES-KW'));
}

/**
 * Unwraps the data key, or returns undefined when the wrapping key is wrong (AES-KW's integrity
 * check fails). `extractable` is true only while changing the PIN, to re-wrap it.
 */
export async function unwrapDataKey(
  wrapped: Uint8Array<ArrayBuffer>,
  wrappingKey: CryptoKey,
  extractable = false,
): Promise<CryptoKey | undefined> {
  try {
    return await subtle().unwrapKey(
      'raw',
      wrapped,
      wrappingKey,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return undefined;
  }
}

/**
 * Encrypts a JSON value. `context` is bound as additional data (e.g. the record id), so a blob
 * copied onto another record fails to decrypt instead of showing the wrong resident's data.
 * `undefined` is stored as null, like JSON does inside objects.
 */
export async function encryptWithKey(
  key: CryptoKey,
  value: unknown,
  context: string,
): Promise<EncryptedBlob> {
  const iv = randomBytes(IV_BYTES);
  const plain = encoder.encode(JSON.stringify(value ?? null));
  const ct = await inDexieZone(
    subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, plain),
  );
  return { v: 1, iv, ct: new Uint8Array(ct) };
}

/** Decrypts a blob; throws when the key, the context or the bytes do not match (GCM's tag). */
export async function decryptWithKey(
  key: CryptoKey,
  blob: EncryptedBlob,
  context: string,
): Promise<unknown> {
  const plain = await inDexieZone(
    subtle().decrypt(
      { name: 'AES-GCM', iv: blob.iv, additionalData: encoder.encode(context) },
      key,
      blob.ct,
    ),
  );
  return JSON.parse(decoder.decode(plain)) as unknown;
}
