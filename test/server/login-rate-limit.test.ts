import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { PASSWORDS, STORES, openStore } from './helpers';

const EMAIL = 'wijkteam@demo.dichtbij';

function login(app: App, email: string, password: string, address = '198.51.100.1') {
  return app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, deviceId: 'rate-limit-device' }),
    },
    // What @hono/node-server passes: the client's socket.
    { incoming: { socket: { remoteAddress: address } } },
  );
}

describe.each(STORES)('login rate limit on %s', (kind) => {
  const opened: KyselySyncStorage[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });

  async function server(clock: () => number) {
    const { storage, url } = await openStore(kind);
    opened.push(storage);
    await seedDemoUsers(storage);
    const jwtSecret = await jwtSecretFor(storage, undefined);
    const app = createApp({ storage, jwtSecret, distDir: null, now: () => new Date(clock()) });
    return { storage, url, app, jwtSecret };
  }

  it('answers the 6th failure within 15 minutes with 429 and Retry-After, and lets in after the window', async () => {
    let clock = Date.parse('2026-11-23T10:00:00.000Z');
    const { app } = await server(() => clock);
    for (let i = 0; i < 5; i += 1) {
      const res = await login(app, EMAIL, 'wrong-password');
      expect(res.status).toBe(401);
      clock += 60_000;
    }
    const sixth = await login(app, EMAIL, 'wrong-password');
    expect(sixth.status).toBe(429);
    const body = (await sixth.json()) as { error: string; message: string; retryAfter: number };
    expect(body.error).toBe('tooManyAttempts');
    expect(body.message).toMatch(/Try again in \d+ minute/);
    // The first failure (10:00) leaves the window at 10:15; it is 10:05 now.
    expect(body.retryAfter).toBe(10 * 60);
    expect(sixth.headers.get('retry-after')).toBe('600');
    // The right password does not get through either while the account is blocked.
    expect((await login(app, EMAIL, PASSWORDS[EMAIL]!)).status).toBe(429);
    // Hammering during the wait does not extend it.
    clock = Date.parse('2026-11-23T10:15:00.001Z');
    expect((await login(app, EMAIL, PASSWORDS[EMAIL]!)).status).toBe(200);
    // A success starts the account afresh.
    for (let i = 0; i < 5; i += 1)
      expect((await login(app, EMAIL, 'wrong-password')).status).toBe(401);
  });

  it('limits one address to 20 failures over many accounts, and unknown accounts count too', async () => {
    const clock = Date.parse('2026-11-23T12:00:00.000Z');
    const { app } = await server(() => clock);
    for (let i = 0; i < 20; i += 1) {
      const res = await login(app, `nobody-${i}@demo.dichtbij`, 'guess', '203.0.113.9');
      expect(res.status).toBe(401);
    }
    const next = await login(app, 'vrijwilliger@demo.dichtbij', 'guess', '203.0.113.9');
    expect(next.status).toBe(429);
    expect(await next.json()).toMatchObject({ error: 'tooManyAttempts' });
    // Another address is not affected.
    expect(
      (await login(app, 'vrijwilliger@demo.dichtbij', PASSWORDS['vrijwilliger@demo.dichtbij']!))
        .status,
    ).toBe(200);
  });

  it('keeps no e-mail or IP address in the attempts table', async () => {
    const clock = Date.parse('2026-11-23T13:00:00.000Z');
    const { app, storage } = await server(() => clock);
    await login(app, EMAIL, 'wrong-password', '192.0.2.77');
    const rows = await storage.db.selectFrom('login_attempts').selectAll().execute();
    expect(rows).toHaveLength(2);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('wijkteam');
    expect(dump).not.toContain('192.0.2.77');
  });

  it('lets a parallel burst through no further than the limit', async () => {
    const clock = Date.parse('2026-11-23T14:00:00.000Z');
    const { app } = await server(() => clock);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login(app, EMAIL, 'wrong-password')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });

  if (kind === 'postgres') {
    it('shares the count between two instances on one PostgreSQL', async () => {
      let clock = Date.parse('2026-11-23T15:00:00.000Z');
      const first = await server(() => clock);
      const otherStorage = openPostgresStorage(first.url, 5);
      opened.push(otherStorage);
      const second = createApp({
        storage: otherStorage,
        jwtSecret: await jwtSecretFor(otherStorage, undefined),
        distDir: null,
        now: () => new Date(clock),
      });
      for (let i = 0; i < 5; i += 1) {
        const app = i % 2 === 0 ? first.app : second;
        expect((await login(app, EMAIL, 'wrong-password')).status).toBe(401);
      }
      expect((await login(second, EMAIL, 'wrong-password')).status).toBe(429);
      expect((await login(first.app, EMAIL, 'wrong-password')).status).toBe(429);
      clock += 15 * 60 * 1000 + 1;
      expect((await login(second, EMAIL, PASSWORDS[EMAIL]!)).status).toBe(200);
    });
  }
});
