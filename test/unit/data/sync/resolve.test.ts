// @vitest-environment node
// The sync server runs in-process here, and its login fails under jsdom's globals.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { openOutboxEntry, openRecord } from '../../../../src/data/crypto/record-crypto';
import { KEYRING_META_KEY, resetVault, unlock } from '../../../../src/data/crypto/vault';
import { DichtbijDb } from '../../../../src/data/db';
import { writeRecords } from '../../../../src/data/repositories/records';
import {
  discardRejected,
  listDifferences,
  resolveConflict,
  retryRejected,
} from '../../../../src/data/sync/resolve';
import { login } from '../../../../src/data/sync/session';
import type { Transport } from '../../../../src/data/sync/sync-error';
import { syncNow } from '../../../../src/data/sync/sync-runner';
import { createApp } from '../../../../src/server/app';
import { jwtSecretFor, seedDemoUsers } from '../../../../src/server/seed';
import type { KyselySyncStorage } from '../../../../src/server/storage/kysely-storage';
import { openSqliteStorage } from '../../../../src/server/storage/kysely-storage';
import { TEST_PIN, unlockVaultFor } from '../../helpers/unlocked-vault';
import { inProcessTransport } from '../../../helpers/in-process-transport';

/*
 * Conflicts and refusals made the real way: two devices against the real sync server, run
 * in-process on SQLite in memory, each with its own device database.
 */

let storage: KyselySyncStorage;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  await storage.migrate();
  await seedDemoUsers(storage);
  app = createApp({ storage, jwtSecret: await jwtSecretFor(storage, undefined), distDir: null });
});
afterAll(async () => {
  await storage.close();
});

const transport: Transport = inProcessTransport(() => app);

let n = 0;
let a: DichtbijDb;
let b: DichtbijDb;
beforeEach(async () => {
  n += 1;
  a = new DichtbijDb(`resolve-a-${n}`);
  b = new DichtbijDb(`resolve-b-${n}`);
  // Two simulated devices with one data key: each database has its own vault (issue 16), so b
  // gets a copy of a's keyring and both are unlocked; the UI path uses the current one (a).
  await unlockVaultFor(a);
  const keyring = await a.meta.get(KEYRING_META_KEY);
  if (keyring) await b.meta.put(keyring);
  await unlock(TEST_PIN, b);
  await unlock(TEST_PIN, a);
  await login('wijkteam@demo.dichtbij', 'demo-wijkteam-2026', a, transport);
  await login('wijkteam2@demo.dichtbij', 'demo-wijkteam2-2026', b, transport);
});
afterEach(async () => {
  resetVault();
  await a.delete();
  await b.delete();
});

async function sync(database: DichtbijDb): Promise<void> {
  const outcome = await syncNow(database, { transport, catalogue: false });
  expect(outcome.ok).toBe(true);
}

function signal(id: string, wijk = 'wielwijk'): PlainRecord {
  const at = new Date().toISOString();
  return {
    id,
    entityType: 'signal',
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy: 'demo-wijkteam',
    wijk,
    status: 'nieuw',
    category: 'eenzaamheid',
    data: {
      category: 'eenzaamheid',
      urgency: 'normaal',
      consent: 'gegeven',
      residentName: 'Mevrouw K (fictief)',
      contactWay: 'telefoon',
      contactValue: '0612345678',
      dueAt: '2026-12-01',
      note: 'eerste',
    },
  };
}

async function patchNote(database: DichtbijDb, id: string, note: string): Promise<void> {
  const current = await openRecord((await database.signals.get(id))!);
  const data = { ...(current.data as Record<string, unknown>), note };
  await writeRecords([{ record: { ...current, data }, op: 'patch', payload: { note } }], database);
}

async function noteOn(database: DichtbijDb, id: string): Promise<unknown> {
  const stored = await database.signals.get(id);
  return (stored ? ((await openRecord(stored)).data as Record<string, unknown>) : {}).note;
}

/** Both devices have the signal; then each changes its note, B first: A's note loses. */
async function conflictOnNote(id: string): Promise<void> {
  await writeRecords([{ record: signal(id), op: 'put', payload: signal(id).data }], a);
  await sync(a);
  await sync(b);
  await patchNote(b, id, 'van B');
  await sync(b);
  await patchNote(a, id, 'van A');
  await sync(a);
}

describe('conflicts', () => {
  it('lists a real conflict readably, with the record it belongs to', async () => {
    await conflictOnNote('sig-list');
    const groups = await listDifferences(a);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      entityType: 'signal',
      entityId: 'sig-list',
      onDevice: true,
      label: { category: 'eenzaamheid', residentName: 'Mevrouw K (fictief)', status: 'nieuw' },
      rejected: [],
    });
    expect(groups[0]!.conflicts).toEqual([
      expect.objectContaining({
        field: 'data.note',
        serverValue: 'van B',
        clientValue: 'van A',
        readable: true,
      }),
    ]);
    // The device shows the server's value until a person chooses.
    expect(await noteOn(a, 'sig-list')).toBe('van B');
  });

  it('"use my value" writes exactly one patch with that value and removes the conflict', async () => {
    await conflictOnNote('sig-mine');
    expect(await a.outbox.count()).toBe(0);
    const [conflict] = await a.conflicts.toArray();
    expect(await resolveConflict(conflict!.id, 'useMine', a)).toEqual({ ok: true });

    const outbox = await a.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const entry = await openOutboxEntry(outbox[0]!);
    expect(entry).toMatchObject({ op: 'patch', entityId: 'sig-mine', payload: { note: 'van A' } });
    const record = await a.signals.get('sig-mine');
    expect(entry.baseVersion).toBe(record!.version);
    expect(await a.conflicts.count()).toBe(0);
    expect(await noteOn(a, 'sig-mine')).toBe('van A');

    // On the current base the server takes it without a new conflict, and B gets it.
    await sync(a);
    expect(await a.conflicts.count()).toBe(0);
    expect(await a.outbox.count()).toBe(0);
    await sync(b);
    expect(await noteOn(b, 'sig-mine')).toBe('van A');
  });

  it('"keep the server value" removes only the conflict', async () => {
    await conflictOnNote('sig-keep');
    const [conflict] = await a.conflicts.toArray();
    const before = await a.signals.get('sig-keep');
    expect(await resolveConflict(conflict!.id, 'keepServer', a)).toEqual({ ok: true });
    expect(await a.conflicts.count()).toBe(0);
    expect(await a.outbox.count()).toBe(0);
    expect(await a.signals.get('sig-keep')).toEqual(before);
    expect(await noteOn(a, 'sig-keep')).toBe('van B');
    expect(await listDifferences(a)).toEqual([]);
  });

  it("repeats a delete that lost against a colleague's edit only when the worker says so", async () => {
    await writeRecords(
      [{ record: signal('sig-del'), op: 'put', payload: signal('sig-del').data }],
      a,
    );
    await sync(a);
    await sync(b);
    await patchNote(b, 'sig-del', 'van B');
    await sync(b);
    const current = await openRecord((await a.signals.get('sig-del'))!);
    await writeRecords([{ record: { ...current, deleted: true }, op: 'delete', payload: {} }], a);
    await sync(a);
    const [group] = await listDifferences(a);
    expect(group!.conflicts).toEqual([
      expect.objectContaining({ field: '$deleted', serverValue: false, clientValue: true }),
    ]);
    // The edit won: the record is on the device again.
    expect(group!.onDevice).toBe(true);
    expect(await resolveConflict(group!.conflicts[0]!.id, 'useMine', a)).toEqual({ ok: true });
    const outbox = await a.outbox.toArray();
    expect(outbox.map((e) => e.op)).toEqual(['delete']);
    await sync(a);
    expect(await a.conflicts.count()).toBe(0);
    await sync(b);
    expect(await b.signals.get('sig-del')).toBeUndefined();
  });

  it('answers notFound for a conflict that is already settled', async () => {
    expect(await resolveConflict('nope', 'keepServer', a)).toEqual({
      ok: false,
      problem: 'notFound',
    });
  });
});

describe('refused writes', () => {
  /** A wijkteam worker may only create records in her own wijken: krispijn is refused. */
  async function refusedSignal(id: string): Promise<string> {
    await writeRecords(
      [{ record: signal(id, 'krispijn'), op: 'put', payload: signal(id).data }],
      a,
    );
    await sync(a);
    const [rejected] = await a.rejected.toArray();
    expect(rejected).toMatchObject({ entityId: id, reason: 'forbidden' });
    return rejected!.mutationId;
  }

  it('lists the refusal with its reason and the values the worker wrote', async () => {
    await refusedSignal('sig-refused');
    const [group] = await listDifferences(a);
    expect(group).toMatchObject({
      entityId: 'sig-refused',
      onDevice: false,
      label: { category: 'eenzaamheid', residentName: 'Mevrouw K (fictief)' },
    });
    expect(group!.rejected).toEqual([
      expect.objectContaining({
        op: 'put',
        reason: 'forbidden',
        readable: true,
        values: expect.objectContaining({ note: 'eerste', wijk: 'krispijn' }),
      }),
    ]);
  });

  it('"try again" requeues it through the repository, and a second refusal is kept again', async () => {
    const mutationId = await refusedSignal('sig-retry');
    expect(await a.signals.get('sig-retry')).toBeUndefined();
    expect(await retryRejected(mutationId, a)).toEqual({ ok: true });

    expect(await a.rejected.count()).toBe(0);
    const outbox = await a.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.mutationId).not.toBe(mutationId);
    expect(await openOutboxEntry(outbox[0]!)).toMatchObject({
      op: 'put',
      entityId: 'sig-retry',
      payload: { note: 'eerste' },
      meta: { wijk: 'krispijn' },
    });
    // The worker sees her record again while it waits.
    expect(await noteOn(a, 'sig-retry')).toBe('eerste');

    await sync(a);
    const again = await a.rejected.toArray();
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ entityId: 'sig-retry', reason: 'forbidden' });
  });

  it('retries a refused change of a record on the device on its current version', async () => {
    await writeRecords(
      [{ record: signal('sig-gone'), op: 'put', payload: signal('sig-gone').data }],
      a,
    );
    await sync(a);
    // Stored as the sync client stores a refusal, for a record still on the device.
    await patchNote(a, 'sig-gone', 'later');
    const [entry] = await a.outbox.toArray();
    await a.transaction('rw', a.outbox, a.rejected, async () => {
      await a.outbox.clear();
      await a.rejected.put({
        mutationId: entry!.mutationId,
        entityType: 'signal',
        entityId: 'sig-gone',
        entry: entry!,
        reason: 'seqReused',
        rejectedAt: new Date().toISOString(),
      });
    });
    expect(await retryRejected(entry!.mutationId, a)).toEqual({ ok: true });
    const [copy] = await a.outbox.toArray();
    const record = await a.signals.get('sig-gone');
    expect(await openOutboxEntry(copy!)).toMatchObject({
      op: 'patch',
      baseVersion: record!.version,
      payload: { note: 'later' },
    });
    await sync(a);
    await sync(b);
    expect(await noteOn(b, 'sig-gone')).toBe('later');
  });

  it('discards only after an explicit confirmation', async () => {
    const mutationId = await refusedSignal('sig-discard');
    expect(await discardRejected(mutationId, { confirmed: false }, a)).toEqual({
      ok: false,
      problem: 'needsConfirmation',
    });
    expect(await a.rejected.count()).toBe(1);
    expect(await discardRejected(mutationId, { confirmed: true }, a)).toEqual({ ok: true });
    expect(await a.rejected.count()).toBe(0);
    expect(await a.outbox.count()).toBe(0);
  });
});
