import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../../../src/data/db';
import {
  decryptWithKey,
  deriveWrappingKey,
  encryptWithKey,
  generateDataKey,
  KDF_ITERATIONS,
  keyringSchema,
  unwrapDataKey,
} from '../../../../src/data/crypto/envelope';
import {
  changePin,
  decryptJson,
  encryptJson,
  getVaultStatus,
  isLocked,
  KEYRING_META_KEY,
  loadVaultStatus,
  lock,
  pinProblem,
  readKeyring,
  resetVault,
  setUpPin,
  unlock,
} from '../../../../src/data/crypto/vault';
import { LockedError, UndecryptableError, WeakPinError } from '../../../../src/data/crypto/errors';
import { decryptPayload } from '../../../../src/data/crypto/record-crypto';
import { readRecord, writeRecords } from '../../../../src/data/repositories/records';
import { TEST_PIN } from '../../helpers/unlocked-vault';

let database: DichtbijDb;
let n = 0;

beforeEach(() => {
  resetVault();
  database = new DichtbijDb(`vault-test-${n++}`);
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

describe('setUpPin', () => {
  it('stores only a wrapped key, a salt and the KDF parameters, and leaves the vault unlocked', async () => {
    expect(await loadVaultStatus(database)).toBe('no-pin');
    await setUpPin(TEST_PIN, database);
    expect(getVaultStatus()).toBe('unlocked');
    const keyring = keyringSchema.parse((await database.meta.get(KEYRING_META_KEY))?.value);
    expect(keyring.kdf).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: KDF_ITERATIONS,
    });
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(keyring.kdf.salt.byteLength).toBe(16);
    // 32-byte key + 8 bytes of AES-KW integrity value.
    expect(keyring.wrappedKey.byteLength).toBe(40);
    expect(JSON.stringify(await database.meta.toArray())).not.toContain(TEST_PIN);
  });

  it('refuses a PIN shorter than six characters and a second set-up', async () => {
    await expect(setUpPin('1234', database)).rejects.toBeInstanceOf(WeakPinError);
    await setUpPin(TEST_PIN, database);
    await expect(setUpPin('975318', database)).rejects.toMatchObject({ reason: 'pin-already-set' });
  });
});

describe('pinProblem', () => {
  it('refuses short and trivially guessable PINs', () => {
    expect(pinProblem('12345')).toBe('too-short');
    for (const pin of ['123456', '654321', '890123', '000000', '111111']) {
      expect(pinProblem(pin)).toBe('too-simple');
    }
    expect(pinProblem('246810')).toBeNull();
    expect(pinProblem('lange zin als wachtwoord')).toBeNull();
  });
});

describe('a wrong PIN', () => {
  it('cannot unlock, and its derived key cannot unwrap the data key', async () => {
    await setUpPin(TEST_PIN, database);
    const blob = await encryptJson({ name: 'Fatima de Vries' }, 'ctx');
    lock();
    expect(await unlock('135790', database)).toBe(false);
    expect(isLocked()).toBe(true);
    await expect(decryptJson(blob, 'ctx')).rejects.toBeInstanceOf(LockedError);

    const keyring = (await readKeyring(database))!;
    const wrongKek = await deriveWrappingKey('135790', keyring.kdf);
    expect(await unwrapDataKey(keyring.wrappedKey, wrongKek)).toBeUndefined();
    // Even a guessed random data key does not open the blob: GCM's tag check fails.
    await expect(decryptWithKey(await generateDataKey(), blob, 'ctx')).rejects.toThrow();

    expect(await unlock(TEST_PIN, database)).toBe(true);
    expect(await decryptJson(blob, 'ctx')).toEqual({ name: 'Fatima de Vries' });
  });
});

describe('encryptJson', () => {
  it('uses a fresh 96-bit IV for every write and binds the context', async () => {
    await setUpPin(TEST_PIN, database);
    const a = await encryptJson({ amount: 1250 }, 'record:check:A');
    const b = await encryptJson({ amount: 1250 }, 'record:check:A');
    expect(a.iv.byteLength).toBe(12);
    expect([...a.iv]).not.toEqual([...b.iv]);
    expect([...a.ct]).not.toEqual([...b.ct]);
    expect(await decryptJson(a, 'record:check:A')).toEqual({ amount: 1250 });
    // The same blob copied onto another record does not open.
    await expect(decryptJson(a, 'record:check:B')).rejects.toBeInstanceOf(UndecryptableError);
  });

  it('round-trips values of any JSON shape (undefined becomes null)', async () => {
    const key = await generateDataKey();
    for (const value of [null, 0, 'tekst', [1, 'a'], { a: { b: [true] } }]) {
      expect(await decryptWithKey(key, await encryptWithKey(key, value, ''), '')).toEqual(value);
    }
    expect(await decryptWithKey(key, await encryptWithKey(key, undefined, ''), '')).toBeNull();
  });
});

describe('lock', () => {
  it('drops the key: repository reads and writes refuse with LockedError and nothing is stored', async () => {
    await setUpPin(TEST_PIN, database);
    lock();
    expect(isLocked()).toBe(true);
    const now = new Date().toISOString();
    await expect(
      writeRecords(
        [
          {
            record: {
              id: 'c1',
              entityType: 'check',
              version: 0,
              createdAt: now,
              updatedAt: now,
              data: { x: 1 },
            },
            op: 'put',
            payload: { x: 1 },
          },
        ],
        database,
      ),
    ).rejects.toMatchObject({ name: 'LockedError', reason: 'locked' });
    expect(await database.checks.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
    await expect(readRecord('check', 'c1', database)).rejects.toBeInstanceOf(LockedError);
  });

  it('can keep the key for the sync client only: payloads decrypt, the app still cannot read', async () => {
    await setUpPin(TEST_PIN, database);
    const now = new Date().toISOString();
    await writeRecords(
      [
        {
          record: {
            id: 'c1',
            entityType: 'check',
            version: 0,
            createdAt: now,
            updatedAt: now,
            data: { x: 1 },
          },
          op: 'put',
          payload: { x: 1 },
        },
      ],
      database,
    );
    const entry = (await database.outbox.toArray())[0]!;
    lock({ keepKeyForSyncMs: 60_000 });
    expect(isLocked()).toBe(true);
    expect(await decryptPayload(entry)).toEqual({ x: 1 });
    await expect(readRecord('check', 'c1', database)).rejects.toBeInstanceOf(LockedError);
    lock();
    await expect(decryptPayload(entry)).rejects.toBeInstanceOf(LockedError);
  });
});

describe('changePin', () => {
  it('re-wraps the same data key: the old PIN stops working, stored data stays readable', async () => {
    await setUpPin(TEST_PIN, database);
    const blob = await encryptJson('notitie', 'n');
    expect(await changePin('000000', '112233', database)).toBe(false);
    expect(await changePin(TEST_PIN, '112233', database)).toBe(true);
    lock();
    expect(await unlock(TEST_PIN, database)).toBe(false);
    expect(await unlock('112233', database)).toBe(true);
    expect(await decryptJson(blob, 'n')).toBe('notitie');
  });
});
