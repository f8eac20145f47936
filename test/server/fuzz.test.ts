import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { loginAs, makeServer, mutation, openStore, post, push } from './helpers';

/**
 * Fuzzing the real Hono app in-process (`app.request`) over the protocol and auth schemas:
 * hostile and near-valid bodies alike must never get a 5xx, and a refused request (4xx) must
 * leave the database exactly as it was (a digest of every table before and after). Failed
 * sign-ins are the one refusal that writes by design (the backoff counts them), so the
 * login-attempts table is left out of the digest.
 */

const TABLES = [
  'settings',
  'counters',
  'users',
  'devices',
  'records',
  'events',
  'mutations',
  'conflicts',
  'catalogue_versions',
  'audit_log',
] as const;

const RUNS = {
  push: 4600,
  pull: 2000,
  refresh: 1200,
  admin: 1200,
  catalogue: 800,
  raw: 800,
  login: 60,
};

/**
 * Hostile JSON as query text. `String()` throws on some of it (an array holding
 * `{"toString": ""}` cannot be turned into a primitive), which failed the test itself, not the
 * server; JSON text never throws.
 */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

describe('fuzzing the API on sqlite', () => {
  let storage: KyselySyncStorage;
  let app: App;
  let vera: Client;
  let wim: Client;
  let bea: Client;
  let total = 0;

  beforeAll(async () => {
    ({ storage } = await openStore('sqlite'));
    app = await makeServer(storage);
    vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', 'fuzz-vera-0001');
    wim = await loginAs(app, 'wijkteam@demo.dichtbij', 'fuzz-wim-0001');
    bea = await loginAs(app, 'beheerder@demo.dichtbij', 'fuzz-bea-0001');
    await push(app, vera, [
      mutation({ entityId: 'fz-vera', op: 'put', payload: { wijk: 'wielwijk', data: { a: 1 } } }),
    ]);
    await push(app, wim, [
      mutation({ entityId: 'fz-wim', op: 'put', payload: { wijk: 'wielwijk', data: { b: 1 } } }),
    ]);
  });
  afterAll(async () => {
    await storage.close();
    // The brief: at least 10,000 requests per run.
    expect(total).toBeGreaterThanOrEqual(10_000);
  });

  async function digest(): Promise<string> {
    const hash = createHash('sha256');
    for (const table of TABLES) {
      const rows = await sql`select * from ${sql.table(table)} order by rowid`.execute(storage.db);
      hash.update(`${table}:${JSON.stringify(rows.rows)}`);
    }
    return hash.digest('hex');
  }

  /** Rows inserted, updated or deleted on the store's one connection since it opened. */
  async function changes(): Promise<number> {
    const result = await sql<{ n: number }>`select total_changes() as n`.execute(storage.db);
    return Number(result.rows[0]?.n);
  }

  /**
   * Sends one request; no 5xx, and a refusal changes nothing: no row written at all (SQLite's
   * change counter, which also counts a write of equal values), and for every 25th request and
   * every sign-in, where failures are counted by design, the digest of all other tables.
   */
  async function probe(send: () => Promise<Response>, full = total % 25 === 0): Promise<void> {
    total += 1;
    const before = full ? await digest() : '';
    const counted = await changes();
    const res = await send();
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${res.status}: ${text.slice(0, 300)}`);
    if (res.status >= 400) {
      if (!full && (await changes()) !== counted)
        throw new Error(`refused with ${res.status} but rows were written`);
      if (full && (await digest()) !== before)
        throw new Error(`refused with ${res.status} but the database changed`);
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      expect(typeof body.error).toBe('string');
      expect(typeof body.message).toBe('string');
    }
  }

  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const nasty = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('', ' ', '\u0000', 'a:status', '../x', '<script>', 'x'.repeat(100), '😀'),
  );
  const clientId = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/),
    fc.constantFrom('fz-vera', 'fz-wim', 'fz-missing'),
    nasty,
  );
  const wijk = fc.oneof(
    fc.constantFrom('wielwijk', 'crabbehof', 'krispijn', 'centrum', null),
    nasty,
  );
  const status = fc.oneof(
    fc.constantFrom('nieuw', 'opgepakt', 'afgerond', 'open', 'weg', null),
    nasty,
  );
  const data = fc.oneof(
    fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/), anyJson, { maxKeys: 4 }),
    fc.record({
      category: fc.oneof(fc.constantFrom('geldzorgen-schulden', 'x'), anyJson),
      urgency: fc.oneof(fc.constantFrom('normaal', 'spoed', 'later'), anyJson),
    }),
    anyJson,
  );
  const payload = fc.oneof(
    fc.record(
      {
        wijk,
        status,
        assignedToUser: fc.oneof(fc.constantFrom('demo-wijkteam', 'nobody', null), nasty),
        assignedToTeam: fc.oneof(fc.constantFrom('team-wijkteam-west', 'team-x', null), nasty),
        data,
        changed: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    fc.record(
      {
        kind: fc.oneof(fc.constantFrom('status', 'note', 'handover', 'Bad kind'), nasty),
        status,
        body: fc.oneof(
          anyJson,
          fc.record({
            message: fc.string({ maxLength: 20 }),
            target: fc.record({
              kind: fc.constantFrom('team', 'organisation', 'x'),
              id: fc.oneof(fc.constantFrom('team-wijkteam-west', 'geldpraatje'), nasty),
            }),
          }),
        ),
      },
      { requiredKeys: [] },
    ),
    anyJson,
  );
  const mutationArb = fc.record(
    {
      mutationId: clientId,
      seq: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(2 ** 53), anyJson),
      entityType: fc.oneof(fc.constantFrom('check', 'signal', 'user'), anyJson),
      entityId: clientId,
      op: fc.oneof(fc.constantFrom('put', 'patch', 'delete', 'event', 'merge'), anyJson),
      baseVersion: fc.oneof(fc.integer({ min: -1, max: 20 }), anyJson),
      schemaVersion: fc.oneof(fc.constantFrom(0, 1, 2), anyJson),
      createdAt: fc.oneof(fc.constantFrom('2026-11-20T10:00:00.000Z', 'gisteren'), anyJson),
      payload,
    },
    { requiredKeys: ['mutationId', 'seq', 'entityType', 'entityId', 'op', 'payload'] },
  );
  const who = fc.constantFrom<'vera' | 'wim'>('vera', 'wim');
  const client = (name: 'vera' | 'wim') => (name === 'vera' ? vera : wim);
  const deviceIdFor = (c: Client) =>
    fc.oneof(fc.constant(c.deviceId), fc.constant(c.deviceId), fc.constant('fuzz-bea-0001'), nasty);

  it('push: no 5xx, and a refused batch changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        who,
        fc.constantFrom(PROTOCOL_VERSION, PROTOCOL_VERSION, 0, 99),
        fc.array(mutationArb, { maxLength: 4 }),
        fc.boolean(),
        async (name, protocolVersion, mutations, extraKey) => {
          const c = client(name);
          const body: Record<string, unknown> = {
            protocolVersion,
            deviceId: c.deviceId,
            mutations,
          };
          if (extraKey) body.extra = true;
          await probe(() => post(app, '/api/sync/push', body, c.token));
        },
      ),
      { numRuns: RUNS.push },
    );
  }, 300_000);

  it('pull: no 5xx, and a refused pull changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        who.chain((name) =>
          fc.tuple(
            fc.constant(name),
            fc.record(
              {
                protocolVersion: fc.oneof(fc.constantFrom(1, 0, 7), anyJson),
                deviceId: deviceIdFor(client(name)),
                cursor: fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.constant(null), anyJson),
                scopeVersion: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(null), anyJson),
                limit: fc.oneof(fc.integer({ min: -1, max: 2000 }), anyJson),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        async ([name, body]) => {
          await probe(() => post(app, '/api/sync/pull', body, client(name).token));
        },
      ),
      { numRuns: RUNS.pull },
    );
  }, 300_000);

  it('refresh and logout: forged tokens change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            deviceId: fc.oneof(
              fc.constantFrom('fuzz-vera-0001', 'fuzz-wim-0001', 'unknown-device'),
              nasty,
            ),
            refreshToken: fc.oneof(fc.string({ minLength: 20, maxLength: 60 }), nasty, anyJson),
            // Device proofs: near-valid shapes (any timestamp, base64url-ish signature) and junk.
            proof: fc.oneof(
              fc.record({
                timestamp: fc.oneof(fc.integer(), fc.double(), fc.constant(Date.now())),
                nonce: fc.string({ maxLength: 40 }),
                signature: fc.base64String({ maxLength: 120 }),
              }),
              nasty,
              anyJson,
            ),
          },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 200 })),
        async (body, bearer) => {
          await probe(() => post(app, '/api/auth/refresh', body));
          // The offline logout's signed revocation takes the same device id and proof.
          await probe(() =>
            post(app, '/api/auth/revoke', { deviceId: body.deviceId, proof: body.proof }),
          );
          if (bearer !== undefined) await probe(() => post(app, '/api/auth/logout', {}, bearer));
        },
      ),
      { numRuns: RUNS.refresh / 2 },
    );
  }, 300_000);

  it('admin: user, device and audit requests with hostile input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('createUser', 'patchUser', 'revoke', 'lost', 'audit'),
        anyJson,
        fc.oneof(fc.constantFrom('demo-vrijwilliger', 'nobody'), fc.webSegment()),
        fc.boolean(),
        async (kind, body, id, asVolunteer) => {
          const token = asVolunteer ? vera.token : bea.token;
          if (kind === 'createUser') {
            // Near-valid bodies without a valid password: never reaches scrypt or storage.
            const near =
              body !== null && typeof body === 'object' && !Array.isArray(body)
                ? { ...body, password: 'short' }
                : body;
            return probe(() => post(app, '/api/admin/users', near, token));
          }
          if (kind === 'patchUser') {
            return probe(async () =>
              app.request(`/api/admin/users/${encodeURIComponent(id)}`, {
                method: 'PATCH',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify(body),
              }),
            );
          }
          if (kind === 'audit') {
            const query =
              body !== null && typeof body === 'object' && !Array.isArray(body)
                ? new URLSearchParams(
                    Object.entries(body).map(([k, v]) => [k, asText(v)] as [string, string]),
                  ).toString()
                : `entityId=${encodeURIComponent(asText(body))}`;
            return probe(async () =>
              app.request(`/api/admin/audit?${query}`, {
                headers: { authorization: `Bearer ${token}` },
              }),
            );
          }
          // Revoke or mark lost only ids that are no real device, or as a volunteer.
          const target = asVolunteer ? vera.deviceId : `no-such-${id}`;
          return probe(() =>
            post(app, `/api/admin/devices/${encodeURIComponent(target)}/${kind}`, body, token),
          );
        },
      ),
      { numRuns: RUNS.admin },
    );
  }, 300_000);

  it('catalogue: broken catalogues are refused without publishing anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson,
          fc.record(
            {
              fundamenten: fc.array(anyJson, { maxLength: 2 }),
              programmes: fc.array(anyJson, { maxLength: 2 }),
              regelingen: fc.array(anyJson, { maxLength: 2 }),
              organisations: fc.array(anyJson, { maxLength: 2 }),
              wijken: fc.array(anyJson, { maxLength: 2 }),
              indicators: fc.array(anyJson, { maxLength: 2 }),
            },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          await probe(() => post(app, '/api/catalogue', body, bea.token));
        },
      ),
      { numRuns: RUNS.catalogue },
    );
  }, 300_000);

  it('raw bodies: not JSON, deep nesting, wrong types', async () => {
    const paths = ['/api/sync/push', '/api/sync/pull', '/api/auth/refresh', '/api/auth/login'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.nat(3000).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
          fc.nat(3000).map((d) => `{"mutations":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`),
          fc.nat(100).map((d) => `${'['.repeat(d)}`),
        ),
        async (path, raw) => {
          await probe(() => post(app, path, raw, vera.token));
        },
      ),
      { numRuns: RUNS.raw },
    );
  }, 300_000);

  it('login: malformed and wrong sign-ins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            email: fc.oneof(fc.constantFrom('vrijwilliger@demo.dichtbij', 'x@y.z'), nasty),
            password: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), anyJson),
            deviceId: fc.oneof(fc.constantFrom('fuzz-vera-0001', 'fuzz-login-0001'), nasty),
            protocolVersion: fc.oneof(fc.constantFrom(1, 0, 5), anyJson),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          await probe(() => post(app, '/api/auth/login', body), true);
        },
      ),
      { numRuns: RUNS.login },
    );
  }, 300_000);
});
