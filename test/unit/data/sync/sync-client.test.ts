import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { openRecord, sealRecord } from '../../../../src/data/crypto/record-crypto';
import { DichtbijDb } from '../../../../src/data/db';
import { OfflineError } from '../../../../src/data/http';
import { appendEvent, writeRecords } from '../../../../src/data/repositories/records';
import { openConflict } from '../../../../src/data/sync/apply';
import { login, logout } from '../../../../src/data/sync/session';
import { currentSession } from '../../../../src/data/sync/session-store';
import { SyncError } from '../../../../src/data/sync/sync-error';
import type { Transport } from '../../../../src/data/sync/sync-error';
import { syncNow } from '../../../../src/data/sync/sync-runner';
import { resetVault } from '../../../../src/data/crypto/vault';
import type { PublicUser } from '../../../../src/domain/sync/roles';
import { unlockVaultFor } from '../../helpers/unlocked-vault';
import { fakeServer, loginAnswer, pulledSignal, signalRecord } from './fixtures';

let database: DichtbijDb;
let n = 0;
beforeEach(async () => {
  database = new DichtbijDb(`sync-client-${n++}`);
  await unlockVaultFor(database);
});
afterEach(async () => {
  resetVault();
  await database.delete();
});

const user: PublicUser = {
  id: 'demo-wijkteam',
  email: 'wijkteam@demo.dichtbij',
  name: 'Wim',
  role: 'wijkteam',
  teamId: 't',
  organisationId: null,
  wijken: ['wielwijk'],
};
const tokens = loginAnswer(user);

const emptyPull = {
  changes: [],
  cursor: 0,
  hasMore: false,
  reset: false,
  scopeVersion: 0,
  catalogueVersion: null,
};

describe('sync client', () => {
  it('keeps the outbox when offline and reports the code', async () => {
    const { transport } = fakeServer({ '/api/auth/login': () => tokens });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    await writeRecords(
      [{ record: signalRecord('a', { x: 1 }), op: 'put', payload: { x: 1 } }],
      database,
    );
    const offline: Transport = async () => {
      throw new OfflineError();
    };
    const outcome = await syncNow(database, { transport: offline, catalogue: false });
    expect(outcome).toEqual({ ok: false, code: 'offline' });
    expect(await database.outbox.count()).toBe(1);
    expect((await currentSession(database))?.user.email).toBe('wijkteam@demo.dichtbij');
  });

  it('sends decrypted payloads, drops applied entries and keeps rejected ones and sealed conflicts', async () => {
    const { transport, calls } = fakeServer({
      '/api/auth/login': () => tokens,
      '/api/sync/push': (body) => {
        const [a, b, c] = body.mutations as { mutationId: string; seq: number }[];
        return {
          lastSeq: 3,
          results: [
            { mutationId: a!.mutationId, seq: a!.seq, status: 'applied', duplicate: false },
            {
              mutationId: b!.mutationId,
              seq: b!.seq,
              status: 'rejected',
              duplicate: false,
              reason: 'forbidden',
              message: 'no',
              record: null,
            },
            {
              mutationId: c!.mutationId,
              seq: c!.seq,
              status: 'conflict',
              duplicate: true,
              conflicts: [
                {
                  id: `${c!.mutationId}:data.x`,
                  entityType: 'signal',
                  entityId: 'a',
                  field: 'data.x',
                  serverValue: 5,
                  clientValue: 2,
                  mutationId: c!.mutationId,
                  serverVersion: 7,
                  createdAt: '2026-11-23T10:00:00.000Z',
                },
              ],
              record: {
                kind: 'record',
                entityType: 'signal',
                id: 'a',
                version: 7,
                deleted: false,
                ownerId: 'demo-wijkteam',
                teamId: 't',
                wijk: 'wielwijk',
                status: null,
                assignedToUser: null,
                assignedToTeam: null,
                createdAt: '2026-11-23T10:00:00.000Z',
                updatedAt: '2026-11-23T10:00:00.000Z',
                data: { x: 5 },
              },
            },
          ],
        };
      },
      '/api/sync/pull': () => emptyPull,
    });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    await writeRecords(
      [{ record: signalRecord('a', { x: 1 }), op: 'put', payload: { x: 1 } }],
      database,
    );
    await writeRecords(
      [{ record: signalRecord('b', { y: 1 }), op: 'put', payload: { y: 1 } }],
      database,
    );
    await writeRecords(
      [{ record: signalRecord('a', { x: 2 }), op: 'patch', payload: { x: 2 } }],
      database,
    );
    const outcome = await syncNow(database, { transport, catalogue: false });
    expect(outcome.ok).toBe(true);
    const sent = calls.find((c) => c.path === '/api/sync/push')!.body.mutations as {
      payload: unknown;
    }[];
    expect(sent[0]!.payload).toEqual({
      wijk: 'wielwijk',
      status: null,
      assignedToUser: null,
      assignedToTeam: null,
      data: { x: 1 },
    });
    expect(await database.outbox.count()).toBe(0);
    expect((await database.rejected.toArray()).map((r) => r.reason)).toEqual(['forbidden']);
    // The refused record is not shown as if it were saved; its write is kept in `rejected`.
    expect(await database.signals.get('b')).toBeUndefined();
    const [stored] = await database.conflicts.toArray();
    expect(JSON.stringify(stored)).not.toContain('"clientValue"');
    expect(await openConflict(stored!)).toMatchObject({
      field: 'data.x',
      serverValue: 5,
      clientValue: 2,
    });
    const a = await openRecord((await database.signals.get('a'))!);
    expect(a).toMatchObject({ version: 7, data: { x: 5 } });
  });

  it('replays unsynced local writes on top of pulled records and stores the cursor with the page', async () => {
    const { transport } = fakeServer({
      '/api/auth/login': () => tokens,
      '/api/sync/push': () => {
        throw new OfflineError();
      },
    });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    await writeRecords(
      [
        {
          record: { ...signalRecord('a', { x: 1, y: 1 }), version: 3 },
          op: 'put',
          payload: { x: 1, y: 1 },
        },
      ],
      database,
    );
    // As if that first write had been synced: only the patch and the event below are pending.
    await database.outbox.clear();
    await writeRecords(
      [
        {
          record: { ...signalRecord('a', { x: 9, y: 1 }), version: 3 },
          op: 'patch',
          payload: { x: 9 },
        },
      ],
      database,
    );
    await appendEvent('signal', 'a', { kind: 'status', status: 'gesloten' }, database);
    const { applyPullPage } = await import('../../../../src/data/sync/apply-pull');
    await applyPullPage(database, {
      ...emptyPull,
      cursor: 12,
      changes: [pulledSignal('a', 12, { x: 1, y: 4 })],
    });
    const a = await openRecord((await database.signals.get('a'))!);
    expect(a).toMatchObject({ version: 12, status: 'gesloten', data: { x: 9, y: 4 } });
    expect((await database.meta.get('sync.cursor'))?.value).toEqual({
      cursor: 12,
      scopeVersion: 0,
    });
  });

  it('keeps a write made while the previous page commits, when the next page brings its record', async () => {
    const { transport } = fakeServer({
      '/api/auth/login': () => tokens,
      '/api/sync/pull': async (body) => {
        if (body.cursor === 3) {
          // The worker edits b while page 1 is being committed: after the outbox snapshot that
          // page 2 is prepared against, before page 2's own transaction.
          await writeRecords(
            [
              {
                record: { ...signalRecord('b', { x: 9, y: 1 }), version: 3 },
                op: 'patch',
                payload: { x: 9 },
              },
            ],
            database,
          );
          return { ...emptyPull, cursor: 12, changes: [pulledSignal('b', 12, { x: 1, y: 4 })] };
        }
        return {
          ...emptyPull,
          cursor: 3,
          hasMore: true,
          changes: [pulledSignal('a', 3, { x: 2 })],
        };
      },
    });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    await database.signals.put(
      await sealRecord({ ...signalRecord('b', { x: 1, y: 1 }), version: 3 }),
    );
    const { pullChanges } = await import('../../../../src/data/sync/sync-engine');
    const result = await pullChanges(database, transport);
    expect(result.pulled).toBe(2);
    // The server's y and the worker's x: her edit is replayed on top and still waits to be sent.
    const b = await openRecord((await database.signals.get('b'))!);
    expect(b).toMatchObject({ version: 12, data: { x: 9, y: 4 } });
    expect(await database.outbox.count()).toBe(1);
    expect((await database.meta.get('sync.cursor'))?.value).toEqual({
      cursor: 12,
      scopeVersion: 0,
    });
  });

  it('refuses to sign out while changes are pending, and clears personal data when it does', async () => {
    const { transport } = fakeServer({
      '/api/auth/login': () => tokens,
      '/api/auth/logout': () => ({ ok: true }),
    });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    await writeRecords(
      [{ record: signalRecord('a', { x: 1 }), op: 'put', payload: { x: 1 } }],
      database,
    );
    await expect(logout({}, database, transport)).rejects.toBeInstanceOf(SyncError);
    await logout({ discardPending: true }, database, transport);
    expect(await database.signals.count()).toBe(0);
    expect(await currentSession(database)).toBeNull();
  });
});

describe('retention after a sync', () => {
  it('removes closed records the server holds once the retention period has passed', async () => {
    const { transport } = fakeServer({
      '/api/auth/login': () => tokens,
      '/api/sync/push': () => ({ results: [], lastSeq: 0 }),
      '/api/sync/pull': () => emptyPull,
    });
    await login('wijkteam@demo.dichtbij', 'pw', database, transport);
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const closed = (id: string, updatedAt: string): PlainRecord => ({
      ...signalRecord(id, { x: 1 }),
      version: 3,
      status: 'afgerond',
      updatedAt,
    });
    await database.signals.bulkPut([
      await sealRecord(closed('old', daysAgo(40))),
      await sealRecord(closed('recent', daysAgo(5))),
      await sealRecord({ ...closed('open', daysAgo(40)), status: 'opgepakt' }),
    ]);
    const outcome = await syncNow(database, { transport, catalogue: false });
    expect(outcome.ok).toBe(true);
    expect((await database.signals.toCollection().primaryKeys()).sort()).toEqual([
      'open',
      'recent',
    ]);
  });
});
