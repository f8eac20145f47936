import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, post, pullAll, push } from './helpers';

/** `depth` arrays inside each other around `inner`, as raw JSON text. */
function nested(depth: number, inner = '1'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/** Issue 10: bad input is refused per request or per mutation with a reason, never a 500. */
describe.each(STORES)('hostile input on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let vera: Client;
  let vincent: Client;
  let bea: Client;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `input-${kind}-vera`);
    vincent = await loginAs(app, 'vrijwilliger2@demo.dichtbij', `input-${kind}-vincent`);
    bea = await loginAs(app, 'beheerder@demo.dichtbij', `input-${kind}-bea`);
  });
  afterAll(async () => storage.close());

  function rawPush(client: Client, mutationsJson: string) {
    return post(
      app,
      '/api/sync/push',
      `{"protocolVersion":${PROTOCOL_VERSION},"deviceId":"${client.deviceId}","mutations":[${mutationsJson}]}`,
      client.token,
    );
  }

  it('refuses record data nested 2,000 levels deep with 400 before validating it', async () => {
    const before = await storage.countRecords();
    const m = mutation({ entityId: `deep-${kind}`, op: 'put', payload: { wijk: 'wielwijk' } });
    const json = JSON.stringify(m).replace(
      '"payload":{"wijk":"wielwijk"}',
      `"payload":{"wijk":"wielwijk","data":{"x":${nested(2000)}}}`,
    );
    expect(json.length).toBeLessThan(5000);
    const res = await rawPush(vera, json);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'badRequest', message: /nested deeper/ });
    expect(await storage.countRecords()).toBe(before);
  });

  it('refuses an event body nested 2,000 levels deep, and deep login and refresh bodies', async () => {
    const m = mutation({ entityId: `deep-ev-${kind}`, op: 'event', payload: { kind: 'note' } });
    const json = JSON.stringify(m).replace(
      '"payload":{"kind":"note"}',
      `"payload":{"kind":"note","body":${nested(2000, '{}')}}`,
    );
    expect((await rawPush(vera, json)).status).toBe(400);
    for (const path of ['/api/auth/login', '/api/auth/refresh']) {
      const res = await post(app, path, `{"email":${nested(5000, '"a"')}}`);
      expect(res.status).toBe(400);
    }
    // Brackets inside strings do not count as nesting.
    const text = mutation({
      entityId: `brackets-${kind}`,
      op: 'put',
      payload: { wijk: 'wielwijk', data: { note: '[[[[{{{{'.repeat(100) } },
    });
    expect((await push(app, vera, [text])).body.results[0]?.status).toBe('applied');
  });

  it('keeps ordinary nesting working', async () => {
    const res = await push(app, vera, [
      mutation({
        entityId: `nest-ok-${kind}`,
        op: 'put',
        payload: { wijk: 'wielwijk', data: { a: JSON.parse(nested(20)) as unknown } },
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results[0]?.status).toBe('applied');
  });

  it('refuses a wijk, status, category, urgency, team or user the server does not know, per mutation', async () => {
    const id = (n: string) => `fields-${kind}-${n}`;
    const res = await push(app, vera, [
      mutation({ entityId: id('wijk'), op: 'put', payload: { wijk: '<script>x', data: {} } }),
      mutation({
        entityId: id('status'),
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'gehackt', data: {} },
      }),
      mutation({
        entityId: id('cat'),
        op: 'put',
        payload: { wijk: 'wielwijk', data: { category: 'iets-anders' } },
      }),
      mutation({
        entityId: id('urg'),
        op: 'put',
        payload: { wijk: 'wielwijk', data: { urgency: 'morgen' } },
      }),
      mutation({
        entityId: id('team'),
        op: 'put',
        payload: { wijk: 'wielwijk', assignedToTeam: 'team-bestaat-niet', data: {} },
      }),
      mutation({
        entityId: id('user'),
        op: 'put',
        payload: { wijk: 'wielwijk', assignedToUser: 'u-bestaat-niet', data: {} },
      }),
      mutation({
        entityType: 'check',
        entityId: id('check'),
        op: 'put',
        payload: { wijk: 'wielwijk', status: 'nieuw', data: {} },
      }),
      // Known values pass.
      mutation({
        entityId: id('ok'),
        op: 'put',
        payload: {
          wijk: 'wielwijk',
          status: 'nieuw',
          assignedToTeam: 'team-wijkteam-west',
          data: { category: 'geldzorgen-schulden', urgency: 'hoog' },
        },
      }),
    ]);
    expect(res.status).toBe(200);
    const results = res.body.results as { status: string; reason?: string; message?: string }[];
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    for (const r of results.slice(0, 7)) expect(r.reason).toBe('invalidPayload');
    expect(results[0]?.message).toMatch(/wijk .* not a wijk in the catalogue/);
    expect(results[1]?.message).toMatch(/status "gehackt" is not a signal status/);
    expect(results[6]?.message).toMatch(/not a check status/);
    const ids = (await pullAll(app, vera)).changes.map((c) => c.id);
    expect(ids).toContain(id('ok'));
    expect(ids).not.toContain(id('wijk'));
  });

  it('refuses a status event outside the lifecycle and a patch to an unknown wijk', async () => {
    const id = `lifecycle-${kind}`;
    await push(app, vera, [
      mutation({ entityId: id, op: 'put', payload: { wijk: 'wielwijk', data: {} } }),
    ]);
    const res = await push(app, vera, [
      mutation({ entityId: id, op: 'event', payload: { kind: 'status', status: 'weg' } }),
      mutation({ entityId: id, op: 'event', payload: { kind: 'gossip' } }),
      mutation({ entityId: id, op: 'patch', baseVersion: 1, payload: { wijk: 'atlantis' } }),
      mutation({ entityId: id, op: 'event', payload: { kind: 'status', status: 'opgepakt' } }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    const cells = await storage.aggregates(1);
    expect(cells.map((c) => c.wijk)).not.toContain('atlantis');
    expect(cells.map((c) => c.status)).not.toContain('weg');
  });

  it('answers an unknown record and someone else’s record alike', async () => {
    const own = `private-${kind}`;
    await push(app, vera, [
      mutation({ entityId: own, op: 'put', payload: { wijk: 'wielwijk', data: { x: 1 } } }),
    ]);
    const probe = async (entityId: string) =>
      (
        await push(app, vincent, [
          mutation({ entityId, op: 'patch', payload: { data: { x: 2 } } }),
          mutation({ entityId, op: 'delete', payload: {} }),
          mutation({ entityId, op: 'event', payload: { kind: 'note' } }),
          // Also when the payload is wrong: the check comes after the existence answer.
          mutation({ entityId, op: 'patch', payload: { wijk: 'atlantis' } }),
        ])
      ).body.results.map((r) => ({ status: r.status, reason: r.reason, message: r.message }));
    const existing = await probe(own);
    const missing = await probe(`never-${kind}`);
    expect(existing).toEqual(missing);
    expect(existing.every((r) => r.status === 'rejected' && r.reason === 'forbidden')).toBe(true);
  });

  it('names status events so no client mutation id can collide with them', async () => {
    const id = `collide-${kind}`;
    await push(app, vera, [
      mutation({ entityId: id, op: 'put', payload: { wijk: 'wielwijk', data: {} } }),
    ]);
    // Another user's event whose id is what the old server named the status event of "X".
    const victimMutation = `victim-${kind}`;
    const own = `own-${kind}`;
    await push(app, vincent, [
      mutation({ entityId: own, op: 'put', payload: { wijk: 'wielwijk', data: {} } }),
    ]);
    const attack = await push(app, vincent, [
      mutation({
        mutationId: `${victimMutation}-status`,
        entityId: own,
        op: 'event',
        payload: { kind: 'note' },
      }),
    ]);
    expect(attack.body.results[0]?.status).toBe('applied');
    // A ':' as the new separator is not a valid client id.
    const colon = await push(app, vincent, [
      mutation({
        mutationId: `${victimMutation}:status`,
        entityId: own,
        op: 'event',
        payload: { kind: 'note' },
      }),
    ]);
    expect(colon.status).toBe(400);
    const res = await push(app, vera, [
      mutation({
        mutationId: victimMutation,
        entityId: id,
        op: 'patch',
        baseVersion: 1,
        payload: { status: 'opgepakt' },
      }),
      mutation({ entityId: id, op: 'event', payload: { kind: 'note' } }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const events = (await pullAll(app, vera)).changes.filter((c) => c.kind === 'event');
    expect(events.map((e) => e.id)).toContain(`${victimMutation}:status`);
  });

  it('refuses an event whose id an older event already holds, per mutation and without a 500', async () => {
    const id = `legacy-${kind}`;
    await push(app, vera, [
      mutation({ entityId: id, op: 'put', payload: { wijk: 'wielwijk', data: {} } }),
    ]);
    // An event stored before status events were namespaced, under the old name.
    await storage.db
      .insertInto('events')
      .values({
        id: `old-${kind}-status`,
        entity_type: 'signal',
        entity_id: id,
        kind: 'status',
        status: 'opgepakt',
        body: null,
        created_at: '2026-11-20T10:00:00.000Z',
        created_by: 'demo-vrijwilliger',
        device_id: vera.deviceId,
        version: 9_000_000 + (kind === 'sqlite' ? 1 : 2),
      })
      .execute();
    const res = await push(app, vincent, [
      mutation({
        mutationId: `old-${kind}-status`,
        entityId: `own-${kind}`,
        op: 'event',
        payload: { kind: 'note' },
      }),
      mutation({ entityId: `own-${kind}`, op: 'event', payload: { kind: 'note' } }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(res.body.results[0]).toMatchObject({ reason: 'badRequest' });
  });

  it('refuses to publish a catalogue with empty lists, naming each', async () => {
    const empty = {
      fundamenten: [],
      programmes: [],
      regelingen: [],
      organisations: [],
      wijken: [],
      indicators: [],
    };
    const res = await post(app, '/api/catalogue', empty, bea.token);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: string[] };
    expect(body.error).toBe('catalogueInvalid');
    for (const file of ['regelingen.json', 'wijken.json', 'organisations.json', 'fundamenten.json'])
      expect(body.details.some((d) => d.startsWith(`${file}: the list is empty`))).toBe(true);
    expect(await storage.currentCatalogue()).toBeUndefined();
  });
});
