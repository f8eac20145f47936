import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 30 * 24 * 60 * 60;
/**
 * How long a replaced refresh token is accepted once more: long enough for a device whose
 * refresh answer got lost on a bad connection to retry, short enough that a stolen copy used
 * later revokes the device instead.
 */
export const REFRESH_REUSE_SECONDS = 60;
const ISSUER = 'dichtbij';
const AUDIENCE = 'dichtbij-api';

export interface AccessClaims {
  userId: string;
  deviceId: string;
  /** The device's sign-in generation: a token from an earlier session no longer matches. */
  generation: number;
}

export async function signAccessToken(
  claims: AccessClaims,
  secret: Uint8Array,
  now: Date,
  ttlSeconds = ACCESS_TTL_SECONDS,
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ did: claims.deviceId, gen: claims.generation })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export type VerifyResult =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'tokenExpired' | 'unauthorized' };

/**
 * Tokens whose signature and claims were verified, per secret. HS256 through WebCrypto costs
 * more CPU than the rest of a small sync request, and a device sends the same token for its
 * whole 15 minutes. The signature of a given text never changes, so only the expiry needs
 * checking again; revocation is checked per request elsewhere (generation, device row).
 */
const VERIFIED_CACHE_SIZE = 10_000;
const verifiedBySecret = new WeakMap<
  Uint8Array,
  Map<string, { claims: AccessClaims; exp: number }>
>();

function verifiedCache(secret: Uint8Array) {
  let cache = verifiedBySecret.get(secret);
  if (!cache) verifiedBySecret.set(secret, (cache = new Map()));
  return cache;
}

export async function verifyAccessToken(
  token: string,
  secret: Uint8Array,
  now: Date,
): Promise<VerifyResult> {
  const cache = verifiedCache(secret);
  const known = cache.get(token);
  if (known) {
    // As jose decides it: expired once `exp` is not after the current second.
    if (known.exp <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'tokenExpired' };
    return { ok: true, claims: known.claims };
  }
  const result = await verifyUncached(token, secret, now);
  if (result.ok) {
    // Oldest first out: a Map iterates in insertion order.
    const oldest = cache.size >= VERIFIED_CACHE_SIZE ? cache.keys().next().value : undefined;
    if (oldest !== undefined) cache.delete(oldest);
    cache.set(token, { claims: result.claims, exp: result.exp });
  }
  return result.ok ? { ok: true, claims: result.claims } : result;
}

async function verifyUncached(
  token: string,
  secret: Uint8Array,
  now: Date,
): Promise<
  | { ok: true; claims: AccessClaims; exp: number }
  | { ok: false; reason: 'tokenExpired' | 'unauthorized' }
> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
    });
    const { sub, did, gen } = payload;
    const { exp } = payload;
    if (
      typeof sub !== 'string' ||
      typeof did !== 'string' ||
      !Number.isSafeInteger(gen) ||
      typeof exp !== 'number'
    ) {
      return { ok: false, reason: 'unauthorized' };
    }
    return { ok: true, claims: { userId: sub, deviceId: did, generation: Number(gen) }, exp };
  } catch (e) {
    return { ok: false, reason: e instanceof errors.JWTExpired ? 'tokenExpired' : 'unauthorized' };
  }
}

/** Refresh tokens are random and stored only as a hash, so a database leak does not hand out sessions. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The refresh token that follows `token`: derived with the server secret rather than drawn at
 * random, so a retried refresh inside the reuse window gets the same successor although only
 * hashes are stored.
 */
export function successorRefreshToken(token: string, secret: Uint8Array): string {
  return createHmac('sha256', secret).update(`refresh-successor:${token}`).digest('base64url');
}
