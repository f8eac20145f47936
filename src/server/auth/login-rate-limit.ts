import { createHmac, randomUUID } from 'node:crypto';
import type { SyncStorage } from '../storage/sync-storage';

/**
 * Password guessing is slowed per account (so one password cannot be guessed from many
 * addresses) and per address (so one address cannot try one password on many accounts). The
 * attempts live in the database, so every instance behind a load balancer sees the same count.
 */
export interface LoginLimits {
  windowSeconds: number;
  perAccount: number;
  perAddress: number;
}

export const LOGIN_LIMITS: LoginLimits = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 20 };

export type LoginGate =
  { ok: true; attemptId: string; accountKey: string } | { ok: false; retryAfterSeconds: number };

/**
 * Keys are HMACs with the server secret: the table then holds neither e-mail addresses nor IP
 * addresses, and cannot be reversed by hashing every IPv4 address.
 */
function keyOf(secret: Uint8Array, kind: 'account' | 'address', value: string): string {
  return `${kind}:${createHmac('sha256', secret).update(`login-rate:${kind}:${value}`).digest('base64url')}`;
}

/**
 * Seconds until a new attempt would be within `max` again. `times` holds the earlier attempts
 * plus this one (the newest, last); enough of the earlier ones must leave the window that at
 * most `max - 1` remain.
 */
function retryAfter(times: readonly string[], max: number, windowMs: number, now: Date): number {
  const freeing = times[times.length - max - 1] ?? times[0];
  const until = (freeing ? Date.parse(freeing) : now.getTime()) + windowMs - now.getTime();
  return Math.max(1, Math.ceil(until / 1000));
}

/**
 * Counts this attempt before the password is checked: parallel attempts then see each other,
 * so a burst cannot slip more than the limit through (also not across instances). A refused
 * attempt is forgotten again, so hammering during the wait does not extend it.
 */
export async function openLoginGate(
  storage: SyncStorage,
  secret: Uint8Array,
  input: { email: string; address: string; now: Date; limits?: LoginLimits },
): Promise<LoginGate> {
  const limits = input.limits ?? LOGIN_LIMITS;
  const windowMs = limits.windowSeconds * 1000;
  const accountKey = keyOf(secret, 'account', input.email.toLowerCase());
  const addressKey = keyOf(secret, 'address', input.address);
  const attemptId = randomUUID();
  const times = await storage.recordLoginAttempt(
    attemptId,
    [accountKey, addressKey],
    input.now.toISOString(),
    new Date(input.now.getTime() - windowMs).toISOString(),
  );
  const account = times[accountKey] ?? [];
  const address = times[addressKey] ?? [];
  const waits: number[] = [];
  // The previous failures plus this attempt: the limit-th failure is still answered normally.
  if (account.length > limits.perAccount)
    waits.push(retryAfter(account, limits.perAccount, windowMs, input.now));
  if (address.length > limits.perAddress)
    waits.push(retryAfter(address, limits.perAddress, windowMs, input.now));
  if (waits.length === 0) return { ok: true, attemptId, accountKey };
  await storage.forgetLoginAttempt(attemptId);
  return { ok: false, retryAfterSeconds: Math.max(...waits) };
}

/** A successful login: its attempt is no failure, and the account starts afresh. */
export async function loginSucceeded(
  storage: SyncStorage,
  gate: Extract<LoginGate, { ok: true }>,
): Promise<void> {
  await storage.forgetLoginAttempt(gate.attemptId);
  await storage.clearLoginAttempts(gate.accountKey);
}
