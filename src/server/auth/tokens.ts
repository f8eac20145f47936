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

export async function verifyAccessToken(
  token: string,
  secret: Uint8Array,
  now: Date,
): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
    });
    const { sub, did, gen } = payload;
    if (typeof sub !== 'string' || typeof did !== 'string' || !Number.isSafeInteger(gen)) {
      return { ok: false, reason: 'unauthorized' };
    }
    return { ok: true, claims: { userId: sub, deviceId: did, generation: Number(gen) } };
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
