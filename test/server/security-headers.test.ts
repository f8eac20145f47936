import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { addressKey } from '../../src/server/request-origin';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { loginAs, openStore, post } from './helpers';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; " +
  "base-uri 'self'; form-action 'self'; object-src 'none'";

/** Headers do not depend on the store; SQLite is enough here. */
describe('security headers', () => {
  let storage: KyselySyncStorage;
  let dist: string;
  let app: ReturnType<typeof createApp>;
  let proxied: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ storage } = await openStore('sqlite'));
    await seedDemoUsers(storage);
    const jwtSecret = await jwtSecretFor(storage, undefined);
    dist = mkdtempSync(join(tmpdir(), 'dichtbij-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    app = createApp({ storage, jwtSecret, distDir: dist });
    proxied = createApp({ storage, jwtSecret, distDir: dist, trustProxy: true });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dist, { recursive: true, force: true });
  });

  function expectBaseHeaders(res: Response) {
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  }

  it('sends the strict CSP and no-store on every API answer, errors included', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(CSP);
    const health = await app.request('/api/health');
    expectBaseHeaders(health);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const unknown = await app.request('/api/nope');
    expect(unknown.status).toBe(404);
    expectBaseHeaders(unknown);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const unauthorized = await post(app, '/api/sync/pull', {});
    expect(unauthorized.status).toBe(401);
    expectBaseHeaders(unauthorized);
    expect(unauthorized.headers.get('cache-control')).toBe('no-store');
    const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', 'headers-vera');
    const pulled = await post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: vera.deviceId, cursor: null },
      vera.token,
    );
    expect(pulled.status).toBe(200);
    expect(pulled.headers.get('cache-control')).toBe('no-store');
    expect(pulled.headers.get('clear-site-data')).toBeNull();
  });

  it('sends the CSP with the app itself, which keeps its own cache rules', async () => {
    const page = await app.request('/signalen');
    expect(page.status).toBe(200);
    expectBaseHeaders(page);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends HSTS only over TLS: a TLS socket, or https from a trusted proxy', async () => {
    expect((await app.request('/api/health')).headers.get('strict-transport-security')).toBeNull();
    const tls = await app.request('/api/health', {}, { incoming: { socket: { encrypted: true } } });
    const hsts = tls.headers.get('strict-transport-security') ?? '';
    expect(hsts).toMatch(/includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    // Anyone can send the header; only a configured proxy is believed.
    expect(
      (await app.request('/api/health', forwarded)).headers.get('strict-transport-security'),
    ).toBeNull();
    expect(
      (await proxied.request('/api/health', forwarded)).headers.get('strict-transport-security'),
    ).toBe(hsts);
    expect(
      (
        await proxied.request('/api/health', { headers: { 'x-forwarded-proto': 'http' } })
      ).headers.get('strict-transport-security'),
    ).toBeNull();
  });

  it('counts IPv6 clients per /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2::5')).toBe(addressKey('2001:0db8:0001:0002:ffff::9'));
    expect(addressKey('2001:db8:1:2::5')).not.toBe(addressKey('2001:db8:1:3::5'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('not an address')).toBe('unknown');
  });
});
