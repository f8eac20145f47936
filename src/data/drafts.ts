import type { DichtbijDb } from './db';
import { db } from './db';
import { isEncryptedBlob } from './crypto/envelope';
import { decryptJson, encryptJson } from './crypto/vault';
import { log } from './log';

/**
 * Unsaved form input, written to the device as the worker types, so a reload, an app update or
 * a closed tab loses nothing. Writes are debounced; `flushDrafts` writes what is pending now.
 * Drafts hold what a resident said, so they are encrypted like every personal record; while the
 * vault is locked a draft waits in memory (forms are not shown while locked).
 */
const pending = new Map<string, { value: unknown; timer: ReturnType<typeof setTimeout> }>();
const DEBOUNCE_MS = 250;

const context = (key: string) => `draft:${key}`;

async function write(key: string, value: unknown, database: DichtbijDb): Promise<void> {
  const sealed = await encryptJson(value, context(key));
  await database.drafts.put({ key, value: sealed, updatedAt: new Date().toISOString() });
}

function writeOrKeep(key: string, value: unknown, database: DichtbijDb): Promise<void> {
  return write(key, value, database).catch((e: unknown) => {
    // Kept in memory rather than lost; the next save or flush tries again.
    if (!pending.has(key)) pending.set(key, { value, timer: setTimeout(() => undefined, 0) });
    log.warn('drafts.write-failed', { error: e instanceof Error ? e.name : 'unknown' });
  });
}

export function saveDraft(key: string, value: unknown, database: DichtbijDb = db()): void {
  const previous = pending.get(key);
  if (previous) clearTimeout(previous.timer);
  const timer = setTimeout(() => {
    pending.delete(key);
    void writeOrKeep(key, value, database);
  }, DEBOUNCE_MS);
  pending.set(key, { value, timer });
}

export async function loadDraft(key: string, database: DichtbijDb = db()): Promise<unknown> {
  const waiting = pending.get(key);
  if (waiting) return waiting.value;
  const stored = (await database.drafts.get(key))?.value;
  return isEncryptedBlob(stored) ? decryptJson(stored, context(key)) : undefined;
}

export async function discardDraft(key: string, database: DichtbijDb = db()): Promise<void> {
  const waiting = pending.get(key);
  if (waiting) clearTimeout(waiting.timer);
  pending.delete(key);
  await database.drafts.delete(key);
}

export async function flushDrafts(database: DichtbijDb = db()): Promise<void> {
  const entries = [...pending.entries()];
  pending.clear();
  for (const [, { timer }] of entries) clearTimeout(timer);
  await Promise.all(entries.map(([key, { value }]) => writeOrKeep(key, value, database)));
}

/** Forgets drafts waiting in memory without writing them: a wipe must not be followed by a late write. */
export function dropPendingDrafts(): void {
  for (const { timer } of pending.values()) clearTimeout(timer);
  pending.clear();
}
