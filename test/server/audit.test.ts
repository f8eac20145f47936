import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/domain/sync/audit';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, mutation, openStore, post, pullAll, push } from './helpers';

/** Values that must never reach the audit log: a name, a note, an amount. */
const SECRETS = ['Jansen-Audit', 'schulden bij de energieleverancier', '1234.56', 'Noot-Geheim'];

describe.each(STORES)('audit log on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let clock = Date.parse('2026-11-23T10:00:00.000Z');
  let vera: Client;
  let bea: Client;

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => new Date(clock));
    vera = await loginAs(app, 'vrijwilliger@demo.dichtbij', `audit-${kind}-vera`);
    bea = await loginAs(app, 'beheerder@demo.dichtbij', `audit-${kind}-bea`);
  });
  afterAll(async () => storage.close());

  async function readAudit(client: Client, query: Record<string, string> = {}) {
    const qs = new URLSearchParams(query).toString();
    return app.request(`/api/admin/audit${qs ? `?${qs}` : ''}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
  }

  it('writes who, what and when for every change and read, and never the contents', async () => {
    const id = `audit-${kind}-rec`;
    const created = await push(app, vera, [
      mutation({
        entityId: id,
        op: 'put',
        payload: { wijk: 'wielwijk', data: { name: SECRETS[0], problem: SECRETS[1] } },
      }),
    ]);
    expect(created.body.results[0]?.status).toBe('applied');
    clock += 60_000;
    const changed = await push(app, vera, [
      mutation({
        entityId: id,
        op: 'patch',
        baseVersion: 1,
        payload: { data: { amount: Number(SECRETS[2]) } },
      }),
      mutation({
        entityId: id,
        op: 'event',
        payload: { kind: 'note', body: { text: SECRETS[3] } },
      }),
      // An invalid payload is refused, and the attempt is logged too.
      mutation({ entityId: `${id}-bad`, op: 'put', payload: { data: 'not an object' } }),
    ]);
    expect(changed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    clock += 60_000;
    const pulled = await pullAll(app, vera);
    expect(pulled.changes.length).toBeGreaterThan(0);

    const rows = await storage.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const mine = rows.filter((r) => r.entity_id === id || r.entity_id === `${id}-bad`);
    expect(mine.map((r) => [r.action, r.entity_id])).toEqual([
      ['create', id],
      ['update', id],
      ['event', id],
      ['rejected', `${id}-bad`],
      // The record and its event in one pull page are one read.
      ['read', id],
    ]);
    for (const r of mine) {
      expect(r).toMatchObject({
        user_id: 'demo-vrijwilliger',
        role: 'vrijwilliger',
        device_id: vera.deviceId,
        entity_type: 'signal',
      });
    }
    expect(mine[0]?.at).toBe('2026-11-23T10:00:00.000Z');
    expect(mine.at(-1)?.at).toBe('2026-11-23T10:02:00.000Z');
    // No value of the record appears anywhere in the audit table.
    const dump = JSON.stringify(rows);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });

  it('logs a conflict and a refused change, and a delete', async () => {
    const id = `audit-${kind}-conflict`;
    const other = await loginAs(app, 'vrijwilliger@demo.dichtbij', `audit-${kind}-vera2`);
    await push(app, vera, [
      mutation({ entityId: id, op: 'put', payload: { wijk: 'wielwijk', data: { a: 1 } } }),
    ]);
    const base = (await pullAll(app, vera)).changes.find((c) => c.id === id)?.version ?? 0;
    await push(app, vera, [
      mutation({ entityId: id, op: 'patch', baseVersion: base, payload: { data: { a: 2 } } }),
    ]);
    const conflict = await push(app, other, [
      mutation({ entityId: id, op: 'patch', baseVersion: base, payload: { data: { a: 3 } } }),
    ]);
    expect(conflict.body.results[0]?.status).toBe('conflict');
    const willem = await loginAs(app, 'wijkteam@demo.dichtbij', `audit-${kind}-willem`);
    const refused = await push(app, willem, [
      mutation({ entityId: id, op: 'patch', baseVersion: 0, payload: { data: { a: 4 } } }),
    ]);
    expect(refused.body.results[0]?.status).toBe('rejected');
    await push(app, vera, [mutation({ entityId: id, op: 'delete', baseVersion: 99, payload: {} })]);
    const rows = await storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '!=', 'read')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, r.user_id, r.device_id])).toEqual([
      ['create', 'demo-vrijwilliger', vera.deviceId],
      ['update', 'demo-vrijwilliger', vera.deviceId],
      ['conflict', 'demo-vrijwilliger', other.deviceId],
      ['rejected', 'demo-wijkteam', willem.deviceId],
      ['delete', 'demo-vrijwilliger', vera.deviceId],
    ]);
  });

  it('lets only a beheerder read the log, filtered and paged', async () => {
    const coordinator = await loginAs(app, 'coordinator@demo.dichtbij', `audit-${kind}-coco`);
    expect((await readAudit(coordinator)).status).toBe(403);
    expect((await readAudit(vera)).status).toBe(403);
    expect((await app.request('/api/admin/audit')).status).toBe(401);

    const all = (await (await readAudit(bea, { userId: 'demo-vrijwilliger' })).json()) as AuditPage;
    expect(all.entries.length).toBeGreaterThan(3);
    expect(all.entries.every((e) => e.userId === 'demo-vrijwilliger')).toBe(true);
    // Newest first.
    const ids = all.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const id = `audit-${kind}-rec`;
    const byEntity = (await (
      await readAudit(bea, { entityType: 'signal', entityId: id })
    ).json()) as AuditPage;
    // Two reads: the pulls in this test and the one before.
    expect(byEntity.entries.map((e) => e.action).reverse()).toEqual([
      'create',
      'update',
      'event',
      'read',
      'read',
    ]);

    const inRange = (await (
      await readAudit(bea, {
        entityId: id,
        from: '2026-11-23T10:01:00Z',
        to: '2026-11-23T10:02:00Z',
      })
    ).json()) as AuditPage;
    expect(inRange.entries.map((e) => e.action).sort()).toEqual(['event', 'update']);

    const pages: number[][] = [];
    let before: number | null = null;
    for (;;) {
      const query: Record<string, string> = { userId: 'demo-vrijwilliger', limit: '2' };
      if (before !== null) query.before = String(before);
      const page = (await (await readAudit(bea, query)).json()) as AuditPage;
      pages.push(page.entries.map((e) => e.id));
      before = page.nextBefore;
      if (before === null) break;
    }
    expect(pages.flat()).toEqual(ids);
    expect(pages.length).toBe(Math.ceil(ids.length / 2));

    const bad = await readAudit(bea, { from: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'badRequest' });
  });

  it('does not log a resent change twice, and logs no reads for roles without records', async () => {
    const m = mutation({
      entityId: `audit-${kind}-resent`,
      op: 'put',
      payload: { wijk: 'wielwijk', data: { a: 1 } },
    });
    await push(app, vera, [m]);
    await push(app, vera, [m]);
    const rows = await storage.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', m.entityId)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create']);
    const before = await storage.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(
      app,
      '/api/sync/pull',
      { protocolVersion: 1, deviceId: bea.deviceId, cursor: null },
      bea.token,
    );
    expect(res.status).toBe(200);
    const after = await storage.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
