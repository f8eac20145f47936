import { createHmac, randomUUID } from 'node:crypto';
import type { SyncStorage } from '../storage/sync-storage';

/**
 * Password guessing is slowed per account AND address together, with a wait that doubles per
 * failure. A lockout per account alone let anyone lock a worker out everywhere with six wrong
 * passwords; one per address locked out every colleague behind a buurthuis' shared address.
 * Now the owner on her own address is never slowed by someone else's failures, a worker behind
 * the same address is slowed only for her own account, and an address trying many accounts is
 * slowed on each of them. The attempts live in the database, so every instance sees the same
 * count.
 */
export interface LoginLimits {
  /** Failures per account+address answered at once, before any wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each next failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** How long a failure counts; a successful sign-in from the address clears it at once. */
  windowSeconds: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  windowSeconds: 24 * 60 * 60,
};

export type LoginGate =
  { ok: true; attemptId: string; key: string } | { ok: false; retryAfterSeconds: number };

/**
 * The key is an HMAC with the server secret: the table then holds neither e-mail addresses nor
 * IP addresses, and cannot be reversed by hashing every IPv4 address.
 */
function keyOf(secret: Uint8Array, email: string, address: string): string {
  return `pair:${createHmac('sha256', secret).update(`login-rate:${email}\u0000${address}`).digest('base64url')}`;
}

/** Seconds to wait before the attempt after `failures` failures (0 while they are free). */
export function backoffSeconds(failures: number, limits: LoginLimits): number {
  const over = failures - limits.freeFailures;
  if (over < 0) return 0;
  return Math.min(limits.maxDelaySeconds, limits.baseDelaySeconds * 2 ** Math.min(over, 30));
}

/**
 * Counts this attempt before the password is checked: parallel attempts then see each other,
 * so a burst cannot slip past the wait (also not across instances). A refused attempt is
 * forgotten again, so hammering during the wait does not extend it.
 */
export async function openLoginGate(
  storage: SyncStorage,
  secret: Uint8Array,
  input: { email: string; address: string; now: Date; limits?: LoginLimits },
): Promise<LoginGate> {
  const limits = input.limits ?? LOGIN_LIMITS;
  const key = keyOf(secret, input.email.toLowerCase(), input.address);
  const attemptId = randomUUID();
  const times = await storage.recordLoginAttempt(
    attemptId,
    [key],
    input.now.toISOString(),
    new Date(input.now.getTime() - limits.windowSeconds * 1000).toISOString(),
  );
  // Every attempt but this one: failures, and attempts still being checked in parallel.
  const earlier = (times[key] ?? []).slice(0, -1);
  const wait = backoffSeconds(earlier.length, limits) * 1000;
  const last = earlier.at(-1);
  if (wait === 0 || last === undefined) return { ok: true, attemptId, key };
  const until = Date.parse(last) + wait;
  if (input.now.getTime() >= until) return { ok: true, attemptId, key };
  await storage.forgetLoginAttempt(attemptId);
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - input.now.getTime()) / 1000)),
  };
}

/** A successful sign-in: its attempt is no failure, and this account on this address starts afresh. */
export async function loginSucceeded(
  storage: SyncStorage,
  gate: Extract<LoginGate, { ok: true }>,
): Promise<void> {
  await storage.forgetLoginAttempt(gate.attemptId);
  await storage.clearLoginAttempts(gate.key);
}
