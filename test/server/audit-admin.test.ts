import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/domain/sync/audit';
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  applyAuditRetention,
  auditRetentionDays,
} from '../../src/server/audit-retention';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App, Client } from './helpers';
import { STORES, loginAs, makeServer, openStore, post } from './helpers';

describe('audit retention setting', () => {
  it('defaults, accepts whole days and refuses anything else', () => {
    expect(auditRetentionDays(undefined)).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    expect(auditRetentionDays('')).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    expect(auditRetentionDays('90')).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'ninety', '1e400'])
      expect(() => auditRetentionDays(bad)).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});

describe.each(STORES)('administrative audit on %s', (kind) => {
  let storage: KyselySyncStorage;
  let app: App;
  let bea: Client;
  const clock = Date.parse('2026-11-25T10:00:00.000Z');

  beforeAll(async () => {
    ({ storage } = await openStore(kind));
    app = await makeServer(storage, () => new Date(clock));
    bea = await loginAs(app, 'beheerder@demo.dichtbij', `adm-audit-${kind}-bea`);
  });
  afterAll(async () => storage.close());

  async function audit(query: Record<string, string>): Promise<AuditPage> {
    const res = await app.request(`/api/admin/audit?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${bea.token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AuditPage;
  }

  it('logs who created an account and who changed its role, team or wijken', async () => {
    const created = await post(
      app,
      '/api/admin/users',
      {
        email: `nieuw-${kind}@demo.dichtbij`,
        name: 'Nieuwe Collega (demo)',
        role: 'vrijwilliger',
        teamId: null,
        organisationId: null,
        wijken: ['wielwijk'],
        password: 'een-lang-wachtwoord-2026',
      },
      bea.token,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const changed = await fetchPatch(id, {
      role: 'wijkteam',
      teamId: 'team-wijkteam-west',
      wijken: ['crabbehof'],
    });
    expect(changed.status).toBe(200);

    const page = await audit({ entityType: 'user', entityId: id });
    expect(page.entries.map((e) => e.action)).toEqual(['update', 'create']);
    for (const e of page.entries) {
      expect(e).toMatchObject({
        userId: 'demo-beheerder',
        role: 'beheerder',
        deviceId: bea.deviceId,
      });
    }
    // Never the password, name or e-mail address.
    const dump = JSON.stringify(page);
    expect(dump).not.toContain('een-lang-wachtwoord');
    expect(dump).not.toContain('Nieuwe Collega');
    expect(dump).not.toContain(`nieuw-${kind}@`);
  });

  it('logs nothing for a refused creation', async () => {
    const before = (await audit({ entityType: 'user', action: 'create' })).entries.length;
    const dup = await post(
      app,
      '/api/admin/users',
      {
        email: 'vrijwilliger@demo.dichtbij',
        name: 'Dubbel',
        role: 'vrijwilliger',
        teamId: null,
        organisationId: null,
        wijken: [],
        password: 'een-lang-wachtwoord-2026',
      },
      bea.token,
    );
    expect(dup.status).toBe(409);
    expect((await audit({ entityType: 'user', action: 'create' })).entries.length).toBe(before);
  });

  it('removes entries past the retention period and logs the removal', async () => {
    const old = { userId: 'demo-vrijwilliger', role: 'vrijwilliger' as const, deviceId: 'd-old' };
    await storage.appendAudit([
      {
        ...old,
        at: '2025-01-01T00:00:00.000Z',
        entityType: 'signal',
        entityId: 'r-old-1',
        action: 'read',
      },
      {
        ...old,
        at: '2025-06-01T00:00:00.000Z',
        entityType: 'signal',
        entityId: 'r-old-2',
        action: 'create',
      },
      {
        ...old,
        at: '2026-11-01T00:00:00.000Z',
        entityType: 'signal',
        entityId: 'r-new',
        action: 'read',
      },
    ]);
    const removed = await applyAuditRetention(storage, 180, new Date(clock));
    expect(removed).toBe(2);
    const left = (await storage.listAudit({ limit: 1000 })).entries;
    expect(left.map((e) => e.entityId)).not.toContain('r-old-1');
    expect(left.map((e) => e.entityId)).not.toContain('r-old-2');
    expect(left.map((e) => e.entityId)).toContain('r-new');
    const purge = (await audit({ action: 'purge' })).entries;
    expect(purge).toHaveLength(1);
    expect(purge[0]).toMatchObject({
      userId: 'system',
      role: 'system',
      entityType: 'auditLog',
      entityId: new Date(clock - 180 * 24 * 60 * 60 * 1000).toISOString(),
    });
    // Nothing left to remove: no new entry.
    expect(await applyAuditRetention(storage, 180, new Date(clock))).toBe(0);
    expect((await audit({ action: 'purge' })).entries).toHaveLength(1);
  });

  function fetchPatch(id: string, body: unknown) {
    return app.request(`/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bea.token}` },
      body: JSON.stringify(body),
    });
  }
});
