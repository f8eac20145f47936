import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../src/build/precompress';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { loginAs, mutation, openStore } from './helpers';

/** Synthetic, compressible script text, big enough to be worth compressing. */
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const line${i} = 'tekst ${i}';`).join(
  '\n',
);
const INDEX = `<!doctype html><html lang="nl"><head><title>Dichtbij</title></head><body>${'<p>x</p>'.repeat(200)}</body></html>`;

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('compressed answers', () => {
  let storage: KyselySyncStorage;
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ storage } = await openStore('sqlite'));
    await seedDemoUsers(storage);
    const jwtSecret = await jwtSecretFor(storage, undefined);
    dist = mkdtempSync(join(tmpdir(), 'dichtbij-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'sw.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'tiny-XyZ.js'), 'export {};');
    writeFileSync(join(dist, 'assets', 'icon-Q1.png'), Buffer.alloc(4096, 7));
    await precompressDir(dist);
    app = createApp({ storage, jwtSecret, distDir: dist });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('writes brotli and gzip copies at build time, only where they are smaller and worth it', () => {
    const original = readFileSync(join(dist, 'assets', 'index-AbC123.js'));
    const br = readFileSync(join(dist, 'assets', 'index-AbC123.js.br'));
    const gz = readFileSync(join(dist, 'assets', 'index-AbC123.js.gz'));
    expect(brotliDecompressSync(br).equals(original)).toBe(true);
    expect(gunzipSync(gz).equals(original)).toBe(true);
    expect(br.length).toBeLessThan(original.length / 3);
    expect(() => readFileSync(join(dist, 'assets', 'tiny-XyZ.js.br'))).toThrow();
    expect(() => readFileSync(join(dist, 'assets', 'icon-Q1.png.gz'))).toThrow();
  });

  it('serves a hashed asset as brotli, gzip or plain by Accept-Encoding, immutable, with Vary', async () => {
    const path = '/assets/index-AbC123.js';
    const br = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(SCRIPT);

    const gz = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(SCRIPT);

    const refusedBr = await app.request(path, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(refusedBr.headers.get('content-encoding')).toBe('gzip');

    const plain = await app.request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(SCRIPT);
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(SCRIPT)));
  });

  it('keeps index.html, app routes and sw.js revalidated, compressed too', async () => {
    for (const path of ['/', '/index.html', '/regelingen', '/sw.js']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(res.headers.get('vary'), path).toBe('Accept-Encoding');
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      const body = brotliDecompressSync(await bytes(res)).toString();
      expect(body, path).toBe(path === '/sw.js' ? SCRIPT : INDEX);
    }
  });

  it('sends small or binary files as they are, and never a .br copy by its own name as a script', async () => {
    const tiny = await app.request('/assets/tiny-XyZ.js', { headers: { 'accept-encoding': 'br' } });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {};');
    const png = await app.request('/assets/icon-Q1.png', { headers: { 'accept-encoding': 'br' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
    const raw = await app.request('/assets/index-AbC123.js.br');
    expect(raw.headers.get('content-type')).not.toMatch(/javascript/);
  });

  it('compresses API answers above the threshold and leaves small ones alone', async () => {
    const admin = await loginAs(app, 'beheerder@demo.dichtbij', 'compress-admin');
    const headers = { authorization: `Bearer ${admin.token}` };
    const plainUsers = await app.request('/api/admin/users', { headers });
    const plainText = await plainUsers.text();
    expect(plainText.length).toBeGreaterThan(1024);
    expect(plainUsers.headers.get('content-encoding')).toBeNull();

    const br = await app.request('/api/admin/users', {
      headers: { ...headers, 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('no-store');
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    const brBody = await bytes(br);
    expect(br.headers.get('content-length')).toBe(String(brBody.length));
    expect(brBody.length).toBeLessThan(plainText.length);
    expect(JSON.parse(brotliDecompressSync(brBody).toString())).toEqual(JSON.parse(plainText));

    const gz = await app.request('/api/admin/users', {
      headers: { ...headers, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString())).toEqual(JSON.parse(plainText));

    const health = await app.request('/api/health', { headers: { 'accept-encoding': 'br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(health.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await health.json()) as unknown).toMatchObject({ ok: true });
  });

  it('compresses a sync pull above the threshold in the route itself, and sends a small push answer as it is', async () => {
    const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', 'compress-sync');
    const auth = { authorization: `Bearer ${vera.token}`, 'content-type': 'application/json' };
    const pushed = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...auth, 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId: vera.deviceId,
        mutations: Array.from({ length: 8 }, (_, i) =>
          mutation({ entityId: `compress-${i}`, op: 'put', payload: { data: { n: i } } }),
        ),
      }),
    });
    expect(pushed.status).toBe(200);
    const pushedText = await pushed.text();
    expect(pushedText.length).toBeLessThan(1024);
    expect(pushed.headers.get('content-encoding')).toBeNull();
    expect(pushed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(JSON.parse(pushedText)).toMatchObject({ results: expect.any(Array) as unknown });

    const pull = (encoding?: string) =>
      app.request('/api/sync/pull', {
        method: 'POST',
        headers: { ...auth, ...(encoding ? { 'accept-encoding': encoding } : {}) },
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          deviceId: vera.deviceId,
          cursor: null,
        }),
      });
    const plain = await pull();
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(1024);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);

    const br = await pull('gzip, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('no-store');
    const brBody = await bytes(br);
    expect(brBody.length).toBeLessThan(plainText.length);
    // Compressed once: the middleware did not pack the route's bytes a second time.
    expect(JSON.parse(brotliDecompressSync(brBody).toString())).toEqual(JSON.parse(plainText));
    const gz = await pull('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString())).toEqual(JSON.parse(plainText));
  });
});
