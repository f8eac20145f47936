import { afterEach, describe, expect, it } from 'vitest';
import {
  publishedRulesVersionSchema,
  rulesResponseSchema,
  rulesVersionId,
} from '../../src/domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../src/domain/eligibility/shipped-rules';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { RulesVersionStore } from '../../src/server/storage/rules-versions';
import {
  openRulesVersionStore,
  withCachedCurrentId,
} from '../../src/server/storage/rules-versions';
import { withBijstandsnormen } from '../fixtures/rules-versions';
import { STORES, loginAs, makeServer, openStore, post, type App } from './helpers';

const T1 = '2026-11-30T09:00:00.000Z';
const T2 = '2026-11-30T10:00:00.000Z';
const T3 = '2026-11-30T11:00:00.000Z';

describe.each(STORES)('rules versions on %s', (kind) => {
  const opened: KyselySyncStorage[] = [];
  async function store() {
    const { storage } = await openStore(kind);
    opened.push(storage);
    const rules = openRulesVersionStore(storage.dialect, storage.db);
    await rules.migrate();
    return { storage, rules };
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('stores a version once, makes the newest publication current, and can go back to an older one', async () => {
    const { rules } = await store();
    await rules.migrate(); // idempotent
    expect(await rules.current()).toBeUndefined();
    expect(await rules.currentId()).toBeUndefined();

    expect(await rules.publish('a', 'versie a', '{"a":1}', 'bea', T1)).toBe(true);
    expect(await rules.publish('a', 'versie a', '{"a":1}', 'bea', T2)).toBe(false);
    expect(await rules.current()).toEqual({
      id: 'a',
      label: 'versie a',
      body: '{"a":1}',
      publishedAt: T1,
    });
    expect(await rules.publish('b', 'versie b', '{"b":2}', 'bea', T2)).toBe(true);
    expect(await rules.currentId()).toBe('b');
    // Undo: publishing a earlier version again makes it current, with its original body.
    expect(await rules.publish('a', 'versie a', '{"a":1}', 'bea', T3)).toBe(true);
    expect(await rules.current()).toEqual({
      id: 'a',
      label: 'versie a',
      body: '{"a":1}',
      publishedAt: T3,
    });
  });

  it('lets exactly one of two simultaneous publications of the same version count', async () => {
    const { rules } = await store();
    const results = await Promise.all([
      rules.publish('c', 'versie c', '{}', 'bea', T1),
      rules.publish('c', 'versie c', '{}', 'bea', T1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await rules.currentId()).toBe('c');
  });

  describe('over the API', () => {
    let app: App;
    async function server() {
      const { storage } = await openStore(kind);
      opened.push(storage);
      app = await makeServer(storage);
      return app;
    }

    it('publishes a valid version for a beheerder only, refuses an invalid one, and names it in every pull', async () => {
      await server();
      const none = rulesResponseSchema.parse(await (await app.request('/api/rules')).json());
      expect(none.current).toBeNull();

      const version = withBijstandsnormen('2026-07-01', { 'alleenstaande-21-aow': 1420 });
      const vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', 'device-rules-vera');
      expect((await post(app, '/api/rules', version, vera.token)).status).toBe(403);
      expect((await post(app, '/api/rules', version)).status).toBe(401);

      const bea = await loginAs(app, 'beheerder@demo.dichtbij', 'device-rules-bea');
      const broken = structuredClone(version) as { norms: { aowAge: { years: unknown } } };
      broken.norms.aowAge.years = 'zevenenzestig';
      const refused = await post(app, '/api/rules', broken, bea.token);
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { error: string; details: string[] };
      expect(body.error).toBe('rulesInvalid');
      expect(body.details).toEqual([expect.stringMatching(/^norms\.aowAge\.years: /)]);
      expect(
        rulesResponseSchema.parse(await (await app.request('/api/rules')).json()).current,
      ).toBeNull();

      const published = await post(app, '/api/rules', version, bea.token);
      expect(published.status).toBe(201);
      const answer = (await published.json()) as { id: string; created: boolean };
      expect(answer).toMatchObject({ id: rulesVersionId(version), created: true });
      const again = await post(app, '/api/rules', version, bea.token);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ created: false });

      const served = rulesResponseSchema.parse(await (await app.request('/api/rules')).json());
      const current = publishedRulesVersionSchema.parse(served.current);
      expect(current.id).toBe(answer.id);
      // What a device receives hashes to the id it is served under.
      expect(rulesVersionId(current.version)).toBe(current.id);
      expect(current.version.norms.bijstandsnormen.records).toContainEqual(
        expect.objectContaining({ validFrom: '2026-07-01', amount: 1420 }),
      );

      const pull = await post(
        app,
        '/api/sync/pull',
        { protocolVersion: PROTOCOL_VERSION, deviceId: vera.deviceId, cursor: null },
        vera.token,
      );
      expect(await pull.json()).toMatchObject({ rulesVersion: answer.id });
    });

    it('takes the shipped bundle itself as a version', async () => {
      await server();
      const bea = await loginAs(app, 'beheerder@demo.dichtbij', 'device-rules-bea2');
      const res = await post(app, '/api/rules', shippedRulesVersion.version, bea.token);
      expect(await res.json()).toMatchObject({ id: shippedRulesVersion.id });
    });
  });
});

describe('the current rules id kept per instance', () => {
  function fakeStore() {
    let current: string | undefined = 'r1';
    let reads = 0;
    const store: RulesVersionStore = {
      migrate: () => Promise.resolve(),
      current: () => Promise.resolve(undefined),
      currentId: () => {
        reads += 1;
        return Promise.resolve(current);
      },
      publish: (id) => {
        current = id;
        return Promise.resolve(true);
      },
    };
    return {
      store,
      reads: () => reads,
      publishElsewhere: (id: string) => {
        current = id;
      },
    };
  }

  it('reads the id once per period, names a publication through it at once and one elsewhere after the period', async () => {
    let clock = 0;
    const backing = fakeStore();
    const cached = withCachedCurrentId(backing.store, 5_000, () => clock);
    expect(await cached.currentId()).toBe('r1');
    expect(await cached.currentId()).toBe('r1');
    expect(backing.reads()).toBe(1);

    await cached.publish('r2', 'label', '{}', 'demo-beheerder', '2026-12-01T09:00:00.000Z');
    expect(await cached.currentId()).toBe('r2');

    backing.publishElsewhere('r3');
    clock = 4_999;
    expect(await cached.currentId()).toBe('r2');
    clock = 7_000;
    expect(await cached.currentId()).toBe('r3');
  });
});
