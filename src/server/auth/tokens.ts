import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 30 * 24 * 60 * 60;
const ISSUER = 'dichtbij';
const AUDIENCE = 'dichtbij-api';

export interface AccessClaims {
  userId: string;
  deviceId: string;
}

export async function signAccessToken(
  claims: AccessClaims,
  secret: Uint8Array,
  now: Date,
  ttlSeconds = ACCESS_TTL_SECONDS,
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ did: claims.deviceId })
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
    if (typeof payload.sub !== 'string' || typeof payload.did !== 'string') {
      return { ok: false, reason: 'unauthorized' };
    }
    return { ok: true, claims: { userId: payload.sub, deviceId: payload.did } };
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
