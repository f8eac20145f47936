import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DichtbijDb } from '../../src/data/db';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import { openRecord } from '../../src/data/crypto/record-crypto';
import { writeRecords } from '../../src/data/repositories/records';
import { login } from '../../src/data/sync/session';
import type { Transport } from '../../src/data/sync/sync-error';
import { inProcessTransport } from '../helpers/in-process-transport';
import { syncNow } from '../../src/data/sync/sync-runner';
import type { Change } from '../../src/domain/sync/protocol';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { PASSWORDS, STORES, loginAs, makeServer, mutation, openStore, post, push } from './helpers';

/**
 * Per-record eviction (issue 10): when a record leaves a worker's scope (reassigned, handed to
 * another team, moved to a wijk outside hers), her next incremental pull carries an `evict`
 * for it, and her device drops it. Unsynced edits to it are kept as refusals, never lost.
 */
async function pullFrom(app: App, client: Client, cursor: number | null) {
  const res = await post(
    app,
    '/api/sync/pull',
    { protocolVersion: PROTOCOL_VERSION, deviceId: client.deviceId, cursor, limit: 50 },
    client.token,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { changes: Change[]; cursor: number; hasMore: boolean };
}

const evicted = (changes: Change[]) => changes.filter((c) => c.kind === 'evict').map((c) => c.id);

function transportFor(app: App): Transport {
  return inProcessTransport(() => app);
}

describe.each(STORES)('per-record eviction on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage);
    c.vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `ev-${kind}-vera`);
    c.tara = await loginAs(app, 'toekomstmakelaar@demo.dichtbij', `ev-${kind}-tara`);
    c.wim = await loginAs(app, 'wijkteam@demo.dichtbij', `ev-${kind}-wim`);
    c.wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `ev-${kind}-wendy`);
  });
  afterAll(async () => storage.close());

  it('tells the worker a referral was handed to someone else, and no one else', async () => {
    await push(app, c.vera!, [
      mutation({
        entityId: `ref-${kind}`,
        op: 'put',
        payload: { wijk: 'wielwijk', assignedToUser: 'demo-toekomstmakelaar', data: { x: 1 } },
      }),
      mutation({
        entityId: `team-ref-${kind}`,
        op: 'put',
        payload: { wijk: 'wielwijk', assignedToTeam: 'team-toekomstmakelaars', data: { x: 2 } },
      }),
    ]);
    const tara = await pullFrom(app, c.tara!, null);
    expect(tara.changes.map((ch) => ch.id).sort()).toEqual([`ref-${kind}`, `team-ref-${kind}`]);
    const vera = await pullFrom(app, c.vera!, null);

    // Reassigned away from Tara, and handed back from her team.
    const moved = await push(app, c.vera!, [
      mutation({ entityId: `ref-${kind}`, op: 'patch', payload: { assignedToUser: null } }),
      mutation({ entityId: `team-ref-${kind}`, op: 'patch', payload: { assignedToTeam: null } }),
    ]);
    expect(moved.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const next = await pullFrom(app, c.tara!, tara.cursor);
    expect(evicted(next.changes).sort()).toEqual([`ref-${kind}`, `team-ref-${kind}`]);
    expect(next.changes.filter((ch) => ch.kind !== 'evict')).toEqual([]);
    // The owner still reads both: she gets the new state, not an eviction.
    const owner = await pullFrom(app, c.vera!, vera.cursor);
    expect(evicted(owner.changes)).toEqual([]);
    expect(owner.changes.map((ch) => ch.id).sort()).toEqual([`ref-${kind}`, `team-ref-${kind}`]);
    // Nothing is evicted twice.
    expect(evicted((await pullFrom(app, c.tara!, next.cursor)).changes)).toEqual([]);
  });

  it('evicts a team record moved to a wijk outside a colleague’s wijken', async () => {
    // Wendy covers only Wielwijk now (a scope change: her next pull is a reset).
    await storage.updateUserScope('demo-wijkteam-2', {
      role: 'wijkteam',
      teamId: 'team-wijkteam-west',
      wijken: ['wielwijk'],
    });
    c.wendy = await loginAs(app, 'wijkteam2@demo.dichtbij', `ev-${kind}-wendy`, {
      keys: c.wendy!.keys,
    });
    await push(app, c.wim!, [
      mutation({
        entityId: `wijk-${kind}`,
        op: 'put',
        payload: { wijk: 'wielwijk', data: { y: 1 } },
      }),
    ]);
    const wendy = await pullFrom(app, c.wendy!, null);
    expect(wendy.changes.map((ch) => ch.id)).toContain(`wijk-${kind}`);
    await push(app, c.wim!, [
      mutation({ entityId: `wijk-${kind}`, op: 'patch', payload: { wijk: 'crabbehof' } }),
    ]);
    const next = await pullFrom(app, c.wendy!, wendy.cursor);
    expect(evicted(next.changes)).toEqual([`wijk-${kind}`]);
    // Moved back: she gets the record again, not an eviction.
    await push(app, c.wim!, [
      mutation({ entityId: `wijk-${kind}`, op: 'patch', payload: { wijk: 'wielwijk' } }),
    ]);
    const back = await pullFrom(app, c.wendy!, next.cursor);
    expect(back.changes.map((ch) => [ch.kind, ch.id])).toEqual([['record', `wijk-${kind}`]]);
  });

  it('the device drops the record on its next sync and keeps an unsynced edit as a refusal', async () => {
    const database = new DichtbijDb(`evict-device-${kind}`);
    resetVault();
    await setUpPin('246810', database);
    const transport = transportFor(app);
    try {
      await login(
        'toekomstmakelaar@demo.dichtbij',
        PASSWORDS['toekomstmakelaar@demo.dichtbij']!,
        database,
        transport,
      );
      await push(app, c.vera!, [
        mutation({
          entityId: `dev-a-${kind}`,
          op: 'put',
          payload: { wijk: 'wielwijk', assignedToUser: 'demo-toekomstmakelaar', data: { x: 1 } },
        }),
        mutation({
          entityId: `dev-b-${kind}`,
          op: 'put',
          payload: { wijk: 'wielwijk', assignedToUser: 'demo-toekomstmakelaar', data: { x: 2 } },
        }),
      ]);
      expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
      expect(await database.signals.get(`dev-a-${kind}`)).toBeDefined();
      expect(await database.signals.get(`dev-b-${kind}`)).toBeDefined();

      // Tara edits b offline; meanwhile Vera takes both referrals back.
      const b = await openRecord((await database.signals.get(`dev-b-${kind}`))!);
      await writeRecords(
        [{ record: { ...b, data: { x: 99 } }, op: 'patch', payload: { x: 99 } }],
        database,
      );
      await push(app, c.vera!, [
        mutation({ entityId: `dev-a-${kind}`, op: 'patch', payload: { assignedToUser: null } }),
        mutation({ entityId: `dev-b-${kind}`, op: 'patch', payload: { assignedToUser: null } }),
      ]);
      expect((await syncNow(database, { transport, catalogue: false })).ok).toBe(true);
      expect(await database.signals.get(`dev-a-${kind}`)).toBeUndefined();
      expect(await database.signals.get(`dev-b-${kind}`)).toBeUndefined();
      // Her edit is not lost: it is kept, with the reason, for her to see.
      const refused = await database.rejected.toArray();
      expect(refused.map((r) => [r.entityId, r.reason])).toEqual([[`dev-b-${kind}`, 'forbidden']]);
      expect(await database.outbox.count()).toBe(0);
    } finally {
      database.close();
      await database.delete();
    }
  });
});
