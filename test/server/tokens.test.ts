import { describe, expect, it } from 'vitest';
import {
  ACCESS_TTL_SECONDS,
  signAccessToken,
  verifyAccessToken,
} from '../../src/server/auth/tokens';

/** The verified-token cache must not change a single answer of the verification itself. */
describe('access token verification', () => {
  const secret = new TextEncoder().encode('a'.repeat(43));
  const other = new TextEncoder().encode('b'.repeat(43));
  const issued = new Date('2026-11-30T09:00:00.000Z');
  const claims = { userId: 'u1', deviceId: 'd1', generation: 3 };

  it('answers the same from the cache: valid until expiry, then expired', async () => {
    const { token } = await signAccessToken(claims, secret, issued);
    expect(await verifyAccessToken(token, secret, issued)).toEqual({ ok: true, claims });
    const later = new Date(issued.getTime() + (ACCESS_TTL_SECONDS - 1) * 1000);
    expect(await verifyAccessToken(token, secret, later)).toEqual({ ok: true, claims });
    const expired = new Date(issued.getTime() + ACCESS_TTL_SECONDS * 1000);
    expect(await verifyAccessToken(token, secret, expired)).toEqual({
      ok: false,
      reason: 'tokenExpired',
    });
  });

  it('never accepts a token verified under one secret under another', async () => {
    const { token } = await signAccessToken(claims, secret, issued);
    expect((await verifyAccessToken(token, secret, issued)).ok).toBe(true);
    expect(await verifyAccessToken(token, other, issued)).toEqual({
      ok: false,
      reason: 'unauthorized',
    });
  });

  it('refuses a token with a changed payload even when the original was cached', async () => {
    const { token } = await signAccessToken(claims, secret, issued);
    expect((await verifyAccessToken(token, secret, issued)).ok).toBe(true);
    const [header, payload, signature] = token.split('.');
    const changed = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        sub: 'someone-else',
      }),
    ).toString('base64url');
    expect(await verifyAccessToken(`${header}.${changed}.${signature}`, secret, issued)).toEqual({
      ok: false,
      reason: 'unauthorized',
    });
  });
});
