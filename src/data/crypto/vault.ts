import type { DichtbijDb } from '../db';
import { db } from '../db';
import type { EncryptedBlob, Keyring } from './envelope';
import {
  decryptWithKey,
  deriveWrappingKey,
  encryptWithKey,
  generateDataKey,
  importRecoveryKey,
  keyringSchema,
  recoveryKeyId,
  newKdfParams,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
import { KeyringStateError, LockedError, UndecryptableError, WeakPinError } from './errors';
import { guardStorage } from '../lock/storage';

/**
 * The device's vault: holds the unwrapped data key in memory only (never in storage), and knows
 * whether the app may show or write personal data. One vault per page; its keyring lives in the
 * `meta` table of the database it was set up or unlocked with.
 */

export const KEYRING_META_KEY = 'keyring';
/** Six digits is what a worker will type many times a day; the KDF and the strike limit do the rest. */
export const MIN_PIN_LENGTH = 6;
/** How long a locked vault keeps the key for background sync before it forgets it (hard lock). */
export const DEFAULT_SYNC_KEY_TTL_MS = 8 * 60 * 60 * 1000;

export type VaultStatus = 'unknown' | 'no-pin' | 'locked' | 'unlocked';

interface VaultState {
  status: VaultStatus;
  key: CryptoKey | undefined;
  /** While locked, the key may stay for the sync client until this time (ms since epoch). */
  syncKeyUntil: number;
}

let state: VaultState = { status: 'unknown', key: undefined, syncKeyUntil: 0 };
const listeners = new Set<() => void>();

function setState(next: VaultState): void {
  state = next;
  for (const listener of listeners) listener();
}

/*
 * Locking is shared by the tabs of one device (issue 10, item 5): a lock (or wipe) in one tab
 * locks every other tab on the same database at once. Unlocking stays per tab. The channel is
 * named after the database, so tests on separate databases do not lock each other.
 */
type VaultMessage = { type: 'lock'; keepKeyForSyncMs: number } | { type: 'wiped' };
let channel: BroadcastChannel | undefined;

function listenFor(database: DichtbijDb): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const name = `dichtbij-vault:${database.name}`;
  if (channel?.name === name) return;
  channel?.close();
  channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<VaultMessage>) => {
    const message = event.data;
    if (message.type === 'lock') lockHere(message.keepKeyForSyncMs);
    else if (message.type === 'wiped') lockHere(0);
  };
}

function tellOtherTabs(message: VaultMessage): void {
  channel?.postMessage(message);
}

/**
 * The recovery key from the last password sign-in (forgotten-PIN route), in memory only until
 * the next PIN entry wraps the data key with it as well.
 */
let pendingRecoveryKey: string | undefined;

export function offerRecoveryKey(recoveryKey: string): void {
  pendingRecoveryKey = recoveryKey;
}

/** The keyring with the data key also wrapped by the pending recovery key (if any and new). */
async function withRecoveryWrap(keyring: Keyring, extractable: CryptoKey): Promise<Keyring> {
  const recoveryKey = pendingRecoveryKey;
  if (!recoveryKey) return keyring;
  pendingRecoveryKey = undefined;
  const keyId = await recoveryKeyId(recoveryKey);
  if (keyring.recovery?.keyId === keyId) return keyring;
  const wrappedKey = await wrapDataKey(extractable, await importRecoveryKey(recoveryKey));
  return { ...keyring, recovery: { keyId, wrappedKey } };
}

/** Whether a forgotten PIN can be recovered through a password sign-in on this device. */
export async function hasRecoveryWrap(database: DichtbijDb = db()): Promise<boolean> {
  return (await readKeyring(database))?.recovery !== undefined;
}

/** For React's useSyncExternalStore: called whenever the status changes. */
export function subscribeVault(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getVaultStatus(): VaultStatus {
  return state.status;
}

/** True unless the vault is unlocked: no PIN yet, still loading, or locked. */
export function isLocked(): boolean {
  return state.status !== 'unlocked';
}

export async function readKeyring(database: DichtbijDb = db()): Promise<Keyring | undefined> {
  const row = await database.meta.get(KEYRING_META_KEY);
  if (!row) return undefined;
  const parsed = keyringSchema.safeParse(row.value);
  // A damaged keyring cannot be repaired (the key is gone); treat it as unreadable, not as absent,
  // so the app does not silently set up a new key over data it can no longer read.
  if (!parsed.success) throw new UndecryptableError('The keyring on this device is damaged.');
  return parsed.data;
}

/** Reads whether this device has a PIN; call once at start-up before showing personal routes. */
export async function loadVaultStatus(database: DichtbijDb = db()): Promise<VaultStatus> {
  listenFor(database);
  const keyring = await readKeyring(database);
  if (!keyring) setState({ status: 'no-pin', key: undefined, syncKeyUntil: 0 });
  else if (state.status === 'unknown' || state.status === 'no-pin')
    setState({ status: 'locked', key: undefined, syncKeyUntil: 0 });
  return state.status;
}

/** Why a new PIN is not good enough, or null. Trivial PINs are the first ones a finder tries. */
export function pinProblem(pin: string): 'too-short' | 'too-simple' | null {
  const p = pin.normalize('NFC');
  if (p.length < MIN_PIN_LENGTH) return 'too-short';
  if (/^(.)\1+$/.test(p)) return 'too-simple';
  if (/^\d+$/.test(p)) {
    const steps = new Set([...p].slice(1).map((c, i) => (Number(c) - Number(p[i]) + 10) % 10));
    if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'too-simple';
  }
  return null;
}

function checkPin(pin: string): void {
  if (pinProblem(pin)) throw new WeakPinError(MIN_PIN_LENGTH);
}

/** First use: creates the data key, stores it wrapped by the PIN, and leaves the vault unlocked. */
export async function setUpPin(pin: string, database: DichtbijDb = db()): Promise<void> {
  checkPin(pin);
  if (await readKeyring(database)) throw new KeyringStateError('pin-already-set');
  const kdf = newKdfParams();
  const wrappingKey = await deriveWrappingKey(pin, kdf);
  const extractable = await generateDataKey();
  const wrappedKey = await wrapDataKey(extractable, wrappingKey);
  // Keep only a non-extractable copy in memory: script can use it but never read it out.
  const key = await unwrapDataKey(wrappedKey, wrappingKey);
  if (!key) throw new Error('Could not unwrap a freshly wrapped key.');
  const now = new Date().toISOString();
  const keyring: Keyring = await withRecoveryWrap(
    { version: 1, kdf, wrap: 'AES-KW', wrappedKey, createdAt: now, changedAt: now },
    extractable,
  );
  // add, not put: two tabs setting up at once must not overwrite each other's key.
  await guardStorage(() => database.meta.add({ key: KEYRING_META_KEY, value: keyring }));
  listenFor(database);
  setState({ status: 'unlocked', key, syncKeyUntil: 0 });
}

/** Tries the PIN; true and unlocked when it unwraps the data key, false otherwise. No rate limit here. */
export async function unlock(pin: string, database: DichtbijDb = db()): Promise<boolean> {
  const keyring = await readKeyring(database);
  if (!keyring) throw new KeyringStateError('no-pin');
  const wrappingKey = await deriveWrappingKey(pin, keyring.kdf);
  const key = await unwrapDataKey(keyring.wrappedKey, wrappingKey);
  if (!key) return false;
  if (pendingRecoveryKey) {
    // A sign-in brought a (new) recovery key: wrap the data key with it too, now the PIN is here.
    const extractable = await unwrapDataKey(keyring.wrappedKey, wrappingKey, true);
    const next = extractable ? await withRecoveryWrap(keyring, extractable) : keyring;
    if (next !== keyring)
      await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  }
  listenFor(database);
  setState({ status: 'unlocked', key, syncKeyUntil: 0 });
  return true;
}

/**
 * Forgotten PIN: opens the data key with the recovery key a fresh password sign-in released
 * (`offerRecoveryKey`), and wraps it under a new PIN. Stored data, unsynced work included,
 * stays as it is. False when the recovery key does not open this device's keyring.
 */
export async function resetPinWithRecovery(
  newPin: string,
  database: DichtbijDb = db(),
): Promise<boolean> {
  checkPin(newPin);
  const keyring = await readKeyring(database);
  if (!keyring) throw new KeyringStateError('no-pin');
  const recoveryKey = pendingRecoveryKey;
  if (!keyring.recovery || !recoveryKey) return false;
  const extractable = await unwrapDataKey(
    keyring.recovery.wrappedKey,
    await importRecoveryKey(recoveryKey),
    true,
  );
  if (!extractable) return false;
  pendingRecoveryKey = undefined;
  const kdf = newKdfParams();
  const wrappingKey = await deriveWrappingKey(newPin, kdf);
  const wrappedKey = await wrapDataKey(extractable, wrappingKey);
  const next: Keyring = { ...keyring, kdf, wrappedKey, changedAt: new Date().toISOString() };
  await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  const key = await unwrapDataKey(wrappedKey, wrappingKey);
  listenFor(database);
  setState({ status: 'unlocked', key, syncKeyUntil: 0 });
  return true;
}

export interface LockOptions {
  /**
   * Keep the key in memory, usable only by the sync client (push the outbox, store pulled
   * records), for this long. The UI and the repository's readers and writers refuse either way.
   * Default 0: the key is dropped at once.
   */
  keepKeyForSyncMs?: number;
}

function lockHere(keep: number): void {
  if (state.status === 'no-pin' || state.status === 'unknown') return;
  if (state.status === 'locked') {
    // Already locked: a hard lock elsewhere drops a key kept here for sync; nothing extends it.
    if (keep === 0 && state.key) setState({ status: 'locked', key: undefined, syncKeyUntil: 0 });
    return;
  }
  const key = keep > 0 ? state.key : undefined;
  setState({ status: 'locked', key, syncKeyUntil: key ? Date.now() + keep : 0 });
}

/** Locks the vault, in this tab and every other tab of the device; by default drops the key. */
export function lock(options: LockOptions = {}): void {
  if (state.status === 'no-pin' || state.status === 'unknown') return;
  const keep = options.keepKeyForSyncMs ?? 0;
  lockHere(keep);
  tellOtherTabs({ type: 'lock', keepKeyForSyncMs: keep });
}

/** After a wipe: no key in memory and no keyring on the device; other tabs lock at once. */
export function resetVault(): void {
  pendingRecoveryKey = undefined;
  const wasOpen = state.status === 'unlocked' || state.status === 'locked';
  setState({ status: 'no-pin', key: undefined, syncKeyUntil: 0 });
  if (wasOpen) tellOtherTabs({ type: 'wiped' });
}

/** Re-wraps the same data key under a new PIN; stored data stays as it is. */
export async function changePin(
  oldPin: string,
  newPin: string,
  database: DichtbijDb = db(),
): Promise<boolean> {
  checkPin(newPin);
  const keyring = await readKeyring(database);
  if (!keyring) throw new KeyringStateError('no-pin');
  const extractable = await unwrapDataKey(
    keyring.wrappedKey,
    await deriveWrappingKey(oldPin, keyring.kdf),
    true,
  );
  if (!extractable) return false;
  // A new salt (and today's iteration count) with each change, so old and new wraps are unrelated.
  const kdf = newKdfParams();
  const wrappedKey = await wrapDataKey(extractable, await deriveWrappingKey(newPin, kdf));
  const next: Keyring = await withRecoveryWrap(
    { ...keyring, kdf, wrappedKey, changedAt: new Date().toISOString() },
    extractable,
  );
  await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  const key = await unwrapDataKey(wrappedKey, await deriveWrappingKey(newPin, kdf));
  setState({ status: 'unlocked', key, syncKeyUntil: 0 });
  return true;
}

function unlockedKey(): CryptoKey {
  if (state.status !== 'unlocked' || !state.key) throw new LockedError();
  return state.key;
}

/**
 * The key for the sync client: available while unlocked, and while locked within the time
 * `lock({ keepKeyForSyncMs })` allowed. Only src/data/crypto/record-crypto.ts should call this.
 */
export function syncKey(): CryptoKey {
  if (state.status === 'unlocked' && state.key) return state.key;
  if (state.status === 'locked' && state.key && Date.now() < state.syncKeyUntil) return state.key;
  if (state.status === 'locked' && state.key)
    setState({ ...state, key: undefined, syncKeyUntil: 0 });
  throw new LockedError();
}

/** Whether the sync client can push and store right now (unlocked, or locked with a kept key). */
export function canSync(): boolean {
  try {
    syncKey();
    return true;
  } catch {
    return false;
  }
}

export async function encryptJson(value: unknown, context = ''): Promise<EncryptedBlob> {
  return encryptWithKey(unlockedKey(), value, context);
}

export async function decryptJson(blob: EncryptedBlob, context = ''): Promise<unknown> {
  const key = unlockedKey();
  try {
    return await decryptWithKey(key, blob, context);
  } catch {
    throw new UndecryptableError();
  }
}
