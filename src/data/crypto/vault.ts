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
 * whether the app may show or write personal data. Each worker's database has its own vault (its
 * keyring lives in that database's `meta`), so on a shared tablet two keys can be in memory at
 * once: the worker at the screen's, and a worker who switched away's, kept for her sync only
 * (issue 16). The CURRENT vault is the one last set up, unlocked or loaded; the UI's calls
 * without a database act on it, the sync client names the database it works on.
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

const UNKNOWN: VaultState = { status: 'unknown', key: undefined, syncKeyUntil: 0 };
/** Per database name. Only ever holds non-extractable keys. */
const states = new Map<string, VaultState>();
let current: string | undefined;
const listeners = new Set<() => void>();

function stateOf(name: string | undefined): VaultState {
  return (name !== undefined && states.get(name)) || UNKNOWN;
}

function setState(name: string, next: VaultState): void {
  states.set(name, next);
  for (const listener of listeners) listener();
}

/** The database name a call acts on: the one given, else the current vault's. */
function nameOf(database: DichtbijDb | undefined): string | undefined {
  return database ? database.name : current;
}

/** Makes `database`'s vault the current one (the one the UI shows). */
function makeCurrent(database: DichtbijDb): string {
  if (current !== database.name) {
    current = database.name;
    for (const listener of listeners) listener();
  }
  return database.name;
}

/*
 * Locking is shared by the tabs of one device (issue 10, item 5): a lock (or wipe) in one tab
 * locks every other tab on the same database at once. Unlocking stays per tab. The channel is
 * named after the database, so tests on separate databases do not lock each other.
 */
type VaultMessage = { type: 'lock'; keepKeyForSyncMs: number } | { type: 'wiped' };
/** One channel per worker database this page holds a vault for. */
const channels = new Map<string, BroadcastChannel>();

function listenFor(database: DichtbijDb): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const dbName = database.name;
  if (channels.has(dbName)) return;
  const channel = new BroadcastChannel(`dichtbij-vault:${dbName}`);
  channel.onmessage = (event: MessageEvent<VaultMessage>) => {
    const message = event.data;
    if (message.type === 'lock') lockHere(dbName, message.keepKeyForSyncMs);
    else if (message.type === 'wiped') lockHere(dbName, 0);
  };
  channels.set(dbName, channel);
}

function tellOtherTabs(dbName: string, message: VaultMessage): void {
  channels.get(dbName)?.postMessage(message);
}

/**
 * The recovery key from the last password sign-in (forgotten-PIN route), in memory only until
 * the next PIN entry wraps the data key with it as well.
 */
const pendingRecoveryKeys = new Map<string, string>();

/** Held for the worker whose database `database` is: another worker's PIN never wraps it. */
export function offerRecoveryKey(recoveryKey: string, database: DichtbijDb = db()): void {
  pendingRecoveryKeys.set(database.name, recoveryKey);
}

/** The keyring with the data key also wrapped by the pending recovery key (if any and new). */
async function withRecoveryWrap(
  database: DichtbijDb,
  keyring: Keyring,
  extractable: CryptoKey,
): Promise<Keyring> {
  const recoveryKey = pendingRecoveryKeys.get(database.name);
  if (!recoveryKey) return keyring;
  pendingRecoveryKeys.delete(database.name);
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

/** The status of `database`'s vault, by default the current one's. */
export function getVaultStatus(database?: DichtbijDb): VaultStatus {
  return stateOf(nameOf(database)).status;
}

/** True unless the vault is unlocked: no PIN yet, still loading, or locked. */
export function isLocked(database?: DichtbijDb): boolean {
  return getVaultStatus(database) !== 'unlocked';
}

/** The name of the database whose vault the UI shows (the last set up, unlocked or loaded). */
export function currentVaultDb(): string | undefined {
  return current;
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
  const name = makeCurrent(database);
  const state = stateOf(name);
  if (!keyring) setState(name, { status: 'no-pin', key: undefined, syncKeyUntil: 0 });
  else if (state.status === 'unknown' || state.status === 'no-pin')
    setState(name, { status: 'locked', key: undefined, syncKeyUntil: 0 });
  return stateOf(name).status;
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
    database,
    { version: 1, kdf, wrap: 'AES-KW', wrappedKey, createdAt: now, changedAt: now },
    extractable,
  );
  // add, not put: two tabs setting up at once must not overwrite each other's key.
  await guardStorage(() => database.meta.add({ key: KEYRING_META_KEY, value: keyring }));
  listenFor(database);
  setState(makeCurrent(database), { status: 'unlocked', key, syncKeyUntil: 0 });
}

/** Tries the PIN; true and unlocked when it unwraps the data key, false otherwise. No rate limit here. */
export async function unlock(pin: string, database: DichtbijDb = db()): Promise<boolean> {
  const keyring = await readKeyring(database);
  if (!keyring) throw new KeyringStateError('no-pin');
  const wrappingKey = await deriveWrappingKey(pin, keyring.kdf);
  const key = await unwrapDataKey(keyring.wrappedKey, wrappingKey);
  if (!key) return false;
  if (pendingRecoveryKeys.has(database.name)) {
    // A sign-in brought a (new) recovery key: wrap the data key with it too, now the PIN is here.
    const extractable = await unwrapDataKey(keyring.wrappedKey, wrappingKey, true);
    const next = extractable ? await withRecoveryWrap(database, keyring, extractable) : keyring;
    if (next !== keyring)
      await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  }
  listenFor(database);
  setState(makeCurrent(database), { status: 'unlocked', key, syncKeyUntil: 0 });
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
  const recoveryKey = pendingRecoveryKeys.get(database.name);
  if (!keyring.recovery || !recoveryKey) return false;
  const extractable = await unwrapDataKey(
    keyring.recovery.wrappedKey,
    await importRecoveryKey(recoveryKey),
    true,
  );
  if (!extractable) return false;
  pendingRecoveryKeys.delete(database.name);
  const kdf = newKdfParams();
  const wrappingKey = await deriveWrappingKey(newPin, kdf);
  const wrappedKey = await wrapDataKey(extractable, wrappingKey);
  const next: Keyring = { ...keyring, kdf, wrappedKey, changedAt: new Date().toISOString() };
  await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  const key = await unwrapDataKey(wrappedKey, wrappingKey);
  listenFor(database);
  setState(makeCurrent(database), { status: 'unlocked', key, syncKeyUntil: 0 });
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

function lockHere(name: string, keep: number): void {
  const state = stateOf(name);
  if (state.status === 'no-pin' || state.status === 'unknown') return;
  if (state.status === 'locked') {
    // Already locked: a hard lock elsewhere drops a key kept here for sync; nothing extends it.
    if (keep === 0 && state.key)
      setState(name, { status: 'locked', key: undefined, syncKeyUntil: 0 });
    return;
  }
  const key = keep > 0 ? state.key : undefined;
  setState(name, { status: 'locked', key, syncKeyUntil: key ? Date.now() + keep : 0 });
}

/**
 * Locks a vault (by default the current one), in this tab and every other tab of the device;
 * by default drops the key.
 */
export function lock(options: LockOptions = {}, database?: DichtbijDb): void {
  const name = nameOf(database);
  if (name === undefined) return;
  const status = stateOf(name).status;
  if (status === 'no-pin' || status === 'unknown') return;
  const keep = options.keepKeyForSyncMs ?? 0;
  lockHere(name, keep);
  tellOtherTabs(name, { type: 'lock', keepKeyForSyncMs: keep });
}

function resetOne(name: string): void {
  pendingRecoveryKeys.delete(name);
  const status = stateOf(name).status;
  const wasOpen = status === 'unlocked' || status === 'locked';
  setState(name, { status: 'no-pin', key: undefined, syncKeyUntil: 0 });
  if (wasOpen) tellOtherTabs(name, { type: 'wiped' });
}

/**
 * After a wipe of `database`: no key in memory and no keyring for it; its other tabs lock at
 * once; other workers' vaults stay as they are. Without a database (tests): every vault.
 */
export function resetVault(database?: DichtbijDb): void {
  if (database) {
    resetOne(database.name);
    return;
  }
  for (const name of [...states.keys()]) resetOne(name);
  pendingRecoveryKeys.clear();
  if (current !== undefined)
    setState(current, { status: 'no-pin', key: undefined, syncKeyUntil: 0 });
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
    database,
    { ...keyring, kdf, wrappedKey, changedAt: new Date().toISOString() },
    extractable,
  );
  await guardStorage(() => database.meta.put({ key: KEYRING_META_KEY, value: next }));
  const key = await unwrapDataKey(wrappedKey, await deriveWrappingKey(newPin, kdf));
  setState(makeCurrent(database), { status: 'unlocked', key, syncKeyUntil: 0 });
  return true;
}

/**
 * The UI's key: only the CURRENT vault's, only while unlocked. A worker who switched away has
 * her key kept for sync at most, so nothing on screen can decrypt her records.
 */
function unlockedKey(): CryptoKey {
  const state = stateOf(current);
  if (state.status !== 'unlocked' || !state.key) throw new LockedError();
  return state.key;
}

/**
 * The key for the sync client of `database` (default: the current vault): available while
 * unlocked, and while locked within the time `lock({ keepKeyForSyncMs })` allowed. Only
 * src/data/crypto/record-crypto.ts should call this.
 */
export function syncKey(database?: DichtbijDb): CryptoKey {
  const name = nameOf(database);
  const state = stateOf(name);
  if (state.status === 'unlocked' && state.key) return state.key;
  if (state.status === 'locked' && state.key && Date.now() < state.syncKeyUntil) return state.key;
  if (name !== undefined && state.status === 'locked' && state.key)
    setState(name, { ...state, key: undefined, syncKeyUntil: 0 });
  throw new LockedError();
}

/** Whether the sync client can push and store right now (unlocked, or locked with a kept key). */
export function canSync(database?: DichtbijDb): boolean {
  try {
    syncKey(database);
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
