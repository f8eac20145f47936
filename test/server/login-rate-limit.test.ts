import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { LOGIN_LIMITS, backoffSeconds } from '../../src/server/auth/login-rate-limit';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { PASSWORDS, STORES, openStore } from './helpers';

const EMAIL = 'wijkteam@demo.dichtbij';
const HOME = '198.51.100.1';
const ATTACKER = '203.0.113.9';

let devices = 0;
function login(app: App, email: string, password: string, address = HOME) {
  devices += 1;
  return app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A device id per attempt: a success must not collide with another user's device.
      body: JSON.stringify({ email, password, deviceId: `rate-limit-device-${devices}` }),
    },
    // What @hono/node-server passes: the client's socket.
    { incoming: { socket: { remoteAddress: address } } },
  );
}

describe('login backoff', () => {
  it('is free for the first failures, then doubles up to the cap', () => {
    const waits = Array.from({ length: 12 }, (_, n) => backoffSeconds(n, LOGIN_LIMITS));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5, 10)).toEqual([30, 60, 120, 240, 480]);
    expect(waits[10]).toBe(900);
    expect(backoffSeconds(10_000, LOGIN_LIMITS)).toBe(900);
  });
});

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

  it('slows an account on one address with a doubling wait and Retry-After', async () => {
    let clock = Date.parse('2026-11-23T10:00:00.000Z');
    const { app } = await server(() => clock);
    for (let i = 0; i < 5; i += 1) {
      expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(401);
      clock += 1000;
    }
    const sixth = await login(app, EMAIL, 'wrong-password', ATTACKER);
    expect(sixth.status).toBe(429);
    const body = (await sixth.json()) as { error: string; message: string; retryAfter: number };
    expect(body.error).toBe('tooManyAttempts');
    expect(body.message).toMatch(/Try again in \d+ seconds/);
    // The fifth failure was at 10:00:04; 30 s after it, it is 10:00:05 now.
    expect(body.retryAfter).toBe(29);
    expect(sixth.headers.get('retry-after')).toBe('29');
    // Hammering during the wait does not extend it.
    for (let i = 0; i < 3; i += 1)
      expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(429);
    clock += 29_000;
    expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(401);
    // The next wait is twice as long.
    clock += 59_000;
    expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(429);
    clock += 1_000;
    expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(401);
  });

  it('does not lock the owner out: her own address is not slowed by failures elsewhere', async () => {
    let clock = Date.parse('2026-11-23T11:00:00.000Z');
    const { app } = await server(() => clock);
    for (let i = 0; i < 30; i += 1) {
      await login(app, EMAIL, 'wrong-password', ATTACKER);
      clock += 100;
    }
    expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(429);
    // The owner, from the buurthuis, signs in at once.
    expect((await login(app, EMAIL, PASSWORDS[EMAIL]!, HOME)).status).toBe(200);
  });

  it('slows an address spraying many accounts per account, not the colleagues behind it', async () => {
    let clock = Date.parse('2026-11-23T12:00:00.000Z');
    const { app } = await server(() => clock);
    // 21 accounts, one guess each, from the shared address: all answered normally (the old
    // per-address limit locked everyone behind it out after 20).
    for (let i = 0; i < 21; i += 1) {
      const res = await login(app, `nobody-${i}@demo.dichtbij`, 'guess', HOME);
      expect(res.status).toBe(401);
      clock += 100;
    }
    // A colleague behind the same address still signs in.
    const vera = 'vrijwilliger@demo.dichtbij';
    expect((await login(app, vera, PASSWORDS[vera]!, HOME)).status).toBe(200);
    // And one of the sprayed accounts is slowed only after its own free failures.
    for (let i = 0; i < 4; i += 1)
      expect((await login(app, 'nobody-0@demo.dichtbij', 'guess', HOME)).status).toBe(401);
    expect((await login(app, 'nobody-0@demo.dichtbij', 'guess', HOME)).status).toBe(429);
  });

  it('clears the count of an account on an address after a successful sign-in there', async () => {
    let clock = Date.parse('2026-11-23T12:30:00.000Z');
    const { app } = await server(() => clock);
    for (let i = 0; i < 5; i += 1) await login(app, EMAIL, 'typo', HOME);
    expect((await login(app, EMAIL, 'typo', HOME)).status).toBe(429);
    clock += 30_000;
    expect((await login(app, EMAIL, PASSWORDS[EMAIL]!, HOME)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await login(app, EMAIL, 'typo', HOME)).status).toBe(401);
  });

  it('keeps no e-mail or IP address in the attempts table', async () => {
    const clock = Date.parse('2026-11-23T13:00:00.000Z');
    const { app, storage } = await server(() => clock);
    await login(app, EMAIL, 'wrong-password', '192.0.2.77');
    const rows = await storage.db.selectFrom('login_attempts').selectAll().execute();
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('wijkteam');
    expect(dump).not.toContain('192.0.2.77');
  });

  it('lets a parallel burst through no further than the free failures', async () => {
    const clock = Date.parse('2026-11-23T14:00:00.000Z');
    const { app } = await server(() => clock);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login(app, EMAIL, 'wrong-password', ATTACKER)),
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
        expect((await login(app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(401);
      }
      expect((await login(second, EMAIL, 'wrong-password', ATTACKER)).status).toBe(429);
      expect((await login(first.app, EMAIL, 'wrong-password', ATTACKER)).status).toBe(429);
      clock += 30_000;
      expect((await login(second, EMAIL, PASSWORDS[EMAIL]!, ATTACKER)).status).toBe(200);
    });
  }
});
