// @vitest-environment node
// The sync server runs in-process here, and its login fails under jsdom's globals.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlainRecord } from '../../../../src/data/crypto/record-crypto';
import { decryptPayload, openRecord } from '../../../../src/data/crypto/record-crypto';
import {
  KEYRING_META_KEY,
  canSync,
  getVaultStatus,
  resetVault,
  setUpPin,
} from '../../../../src/data/crypto/vault';
import type { DichtbijDb } from '../../../../src/data/db';
import { db, dropHandle, useDb, workerDb } from '../../../../src/data/db';
import {
  MAX_WRONG_PINS,
  attemptUnlock,
  readUnlockState,
} from '../../../../src/data/lock/unlock-attempts';
import { writeRecords } from '../../../../src/data/repositories/records';
import { login, logout } from '../../../../src/data/sync/session';
import { META_SESSION } from '../../../../src/data/sync/session-store';
import type { Transport } from '../../../../src/data/sync/sync-error';
import { syncAllWorkers } from '../../../../src/data/sync/sync-runner';
import { deleteDeviceRegistry, listWorkers } from '../../../../src/data/workers/registry';
import { signInOtherWorker, switchToWorker } from '../../../../src/data/workers/switch';
import { createApp } from '../../../../src/server/app';
import { jwtSecretFor, seedDemoUsers } from '../../../../src/server/seed';
import type { KyselySyncStorage } from '../../../../src/server/storage/kysely-storage';
import { openSqliteStorage } from '../../../../src/server/storage/kysely-storage';
import { inProcessTransport } from '../../../helpers/in-process-transport';

/*
 * Issue 16, item 1: several workers on one shared tablet, each with her own database and vault.
 * The real sync server runs in-process on SQLite in memory.
 */

const PIN_A = '481537';
const PIN_B = '902614';
const A = { email: 'vrijwilliger@demo.dichtbij', password: 'demo-vrijwilliger-2026' };
const B = { email: 'vrijwilliger2@demo.dichtbij', password: 'demo-vrijwilliger2-2026' };

let storage: KyselySyncStorage;
let app: ReturnType<typeof createApp>;
/** Which access token each request carried, by path, to check whose token pushed what. */
const seen: { path: string; token: string | undefined }[] = [];

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  await storage.migrate();
  await seedDemoUsers(storage);
  app = createApp({ storage, jwtSecret: await jwtSecretFor(storage, undefined), distDir: null });
  // Hashing the demo passwords takes a while on a busy machine.
}, 60_000);
afterAll(async () => {
  await storage.close();
});

const transport: Transport = inProcessTransport(
  () => app,
  (path, options) => seen.push({ path, token: options.token }),
);

let n = 0;
let first: DichtbijDb;
const made: string[] = [];

beforeEach(() => {
  n += 1;
  seen.length = 0;
  // The first worker's database, active as `dichtbij` is on a device with one worker.
  first = workerDb(`multi-worker-a-${n}`);
  useDb(first);
  made.push(first.name);
});
afterEach(async () => {
  resetVault();
  for (const name of [...made, ...(await listWorkers()).map((w) => w.dbName)]) {
    const handle = workerDb(name);
    handle.close();
    dropHandle(name);
    await handle.delete().catch(() => undefined);
  }
  made.length = 0;
  await deleteDeviceRegistry();
});

function signal(id: string, createdBy: string, note: string): PlainRecord {
  const at = new Date().toISOString();
  return {
    id,
    entityType: 'signal',
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy,
    wijk: 'wielwijk',
    status: 'nieuw',
    category: 'eenzaamheid',
    data: {
      category: 'eenzaamheid',
      urgency: 'normaal',
      consent: 'gegeven',
      residentName: `Bewoner ${note} (fictief)`,
      contactWay: 'telefoon',
      contactValue: '0612345678',
      dueAt: '2026-12-01',
      note,
    },
  };
}

async function write(database: DichtbijDb, record: PlainRecord): Promise<void> {
  await writeRecords([{ record, op: 'put', payload: record.data }], database);
}

/** A signs in and sets her PIN on `first`; B signs in through "Andere medewerker aanmelden". */
async function twoWorkers(): Promise<{ a: DichtbijDb; b: DichtbijDb; aId: string; bId: string }> {
  const sa = await login(A.email, A.password, first, transport);
  await setUpPin(PIN_A, first);
  const sb = await signInOtherWorker(B.email, B.password, transport);
  const b = db();
  made.push(b.name);
  await setUpPin(PIN_B, b);
  return { a: first, b, aId: sa.user.id, bId: sb.user.id };
}

describe('two workers on one tablet', () => {
  it('each has her own database, and signing in B locks A with her key kept for sync only', async () => {
    const { a, b, aId, bId } = await twoWorkers();
    expect(b.name).not.toBe(a.name);
    expect(db()).toBe(b);
    expect(getVaultStatus(a)).toBe('locked');
    expect(canSync(a)).toBe(true);
    expect(getVaultStatus(b)).toBe('unlocked');
    const workers = await listWorkers();
    expect(workers.map((w) => w.userId).sort()).toEqual([aId, bId].sort());
    // Public facts only: nothing that opens anything.
    expect(JSON.stringify(workers)).not.toMatch(/token|password|pin|key/i);
    expect((await b.meta.get(META_SESSION))?.value).toMatchObject({ user: { id: bId } });
    expect((await a.meta.get(META_SESSION))?.value).toMatchObject({ user: { id: aId } });
  });

  it("neither can decrypt the other's records, with her key or through her database", async () => {
    const { a, b, aId, bId } = await twoWorkers();
    // B at the screen writes; A's record was written before, under A's key.
    await write(b, signal('sig-b', bId, 'van B'));
    expect(await switchToWorker({ dbName: a.name }, PIN_A)).toEqual({ outcome: 'unlocked' });
    await write(a, signal('sig-a', aId, 'van A'));
    const storedA = (await a.signals.get('sig-a'))!;
    const storedB = (await b.signals.get('sig-b'))!;
    // A at the screen: her own record opens, B's (even copied next to hers) does not.
    expect((await openRecord(storedA)).data).toMatchObject({ note: 'van A' });
    await expect(openRecord(storedB)).rejects.toMatchObject({ name: 'UndecryptableError' });
    // The sync client with A's key on B's outbox, and with B's kept key on A's outbox.
    const [outboxB] = await b.outbox.toArray();
    const [outboxA] = await a.outbox.toArray();
    await expect(decryptPayload(outboxB!, a)).rejects.toMatchObject({ name: 'UndecryptableError' });
    await expect(decryptPayload(outboxA!, b)).rejects.toMatchObject({ name: 'UndecryptableError' });
    expect(await decryptPayload(outboxB!, b)).toMatchObject({ note: 'van B' });
    // Each list holds only her own records.
    expect(await a.signals.get('sig-b')).toBeUndefined();
    expect(await b.signals.get('sig-a')).toBeUndefined();
  });

  it('a wrong PIN for B does not count against A', async () => {
    const { a, b } = await twoWorkers();
    await switchToWorker({ dbName: a.name }, PIN_A);
    const wrong = await switchToWorker({ dbName: b.name }, '135799');
    expect(wrong.outcome).toBe('wrong-pin');
    // A stays at the screen, unlocked; the strike is B's.
    expect(db()).toBe(a);
    expect(getVaultStatus(a)).toBe('unlocked');
    expect((await readUnlockState(b)).failedAttempts).toBe(1);
    expect((await readUnlockState(a)).failedAttempts).toBe(0);
    // A's own wrong PIN counts for A only.
    await attemptUnlock('135799', { database: a });
    expect((await readUnlockState(a)).failedAttempts).toBe(1);
    expect((await readUnlockState(b)).failedAttempts).toBe(1);
  });

  it("ten wrong PINs for B wipe B's data only; A keeps her records, keyring and key", async () => {
    const { a, b, aId, bId } = await twoWorkers();
    await write(b, signal('sig-b', bId, 'van B'));
    await switchToWorker({ dbName: a.name }, PIN_A);
    await write(a, signal('sig-a', aId, 'van A'));
    let t = Date.now();
    let last;
    for (let i = 0; i < MAX_WRONG_PINS; i++) {
      // Past each waiting time, so every try counts.
      t += 10 * 60_000;
      last = await attemptUnlock('135799', { database: b, now: () => t, isOnline: () => false });
    }
    expect(last).toMatchObject({ outcome: 'wiped', lostChanges: 1 });
    expect(await b.signals.count()).toBe(0);
    expect(await b.meta.get(KEYRING_META_KEY)).toBeUndefined();
    expect(await b.meta.get(META_SESSION)).toBeUndefined();
    // A: everything stays, her vault too.
    expect(getVaultStatus(a)).toBe('unlocked');
    expect(await a.meta.get(KEYRING_META_KEY)).toBeDefined();
    expect((await openRecord((await a.signals.get('sig-a'))!)).data).toMatchObject({
      note: 'van A',
    });
    expect((await listWorkers()).map((w) => w.userId)).toEqual([aId]);
  });

  it("B's logout removes B's data only", async () => {
    const { a, b, aId, bId } = await twoWorkers();
    await write(b, signal('sig-b', bId, 'van B'));
    await switchToWorker({ dbName: a.name }, PIN_A);
    await write(a, signal('sig-a', aId, 'van A'));
    await switchToWorker({ dbName: b.name }, PIN_B);
    await logout({ discardPending: true }, b, transport);
    expect(await b.signals.count()).toBe(0);
    expect(await b.meta.get(KEYRING_META_KEY)).toBeUndefined();
    expect(await a.signals.count()).toBe(1);
    expect(await a.outbox.count()).toBe(1);
    expect(await a.meta.get(KEYRING_META_KEY)).toBeDefined();
    // A's key is still kept for her sync, and her PIN still opens her vault.
    expect(canSync(a)).toBe(true);
    expect((await switchToWorker({ dbName: a.name }, PIN_A)).outcome).toBe('unlocked');
    expect((await listWorkers()).map((w) => w.userId)).toEqual([aId]);
  });
});

describe('sync on a shared tablet', () => {
  it("pushes each worker's outbox with her own token, A's while B is at the screen", async () => {
    const { a, b, aId, bId } = await twoWorkers();
    await write(b, signal('sig-b', bId, 'van B'));
    await switchToWorker({ dbName: a.name }, PIN_A);
    await write(a, signal('sig-a', aId, 'van A'));
    await switchToWorker({ dbName: b.name }, PIN_B);
    seen.length = 0;

    const results = await syncAllWorkers({ transport, catalogue: false });
    expect(results.map((r) => [r.dbName, r.outcome.ok]).sort()).toEqual(
      [
        [a.name, true],
        [b.name, true],
      ].sort(),
    );
    expect(await a.outbox.count()).toBe(0);
    expect(await b.outbox.count()).toBe(0);
    // On the server: A's record by A, B's by B.
    const rows = await storage.db
      .selectFrom('records')
      .select(['id', 'owner_id'])
      .where('id', 'in', ['sig-a', 'sig-b'])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.owner_id]))).toEqual({
      'sig-a': aId,
      'sig-b': bId,
    });
    // Two different tokens pushed.
    const pushTokens = new Set(seen.filter((s) => s.path.includes('push')).map((s) => s.token));
    expect(pushTokens.size).toBe(2);
    // Neither pulled the other's record into her database.
    expect(await a.signals.get('sig-b')).toBeUndefined();
    expect(await b.signals.get('sig-a')).toBeUndefined();
  });

  it("a worker whose sync fails does not hold up the other's", async () => {
    const { a, b, aId, bId } = await twoWorkers();
    await write(b, signal('sig-b2', bId, 'van B'));
    await switchToWorker({ dbName: a.name }, PIN_A);
    await write(a, signal('sig-a2', aId, 'van A'));
    // A's session was refused by the server: she must sign in again before she syncs.
    const session = (await a.meta.get(META_SESSION))!.value as Record<string, unknown>;
    await a.meta.put({ key: META_SESSION, value: { ...session, needsLogin: true } });
    await switchToWorker({ dbName: b.name }, PIN_B);

    const results = Object.fromEntries(
      (await syncAllWorkers({ transport, catalogue: false })).map((r) => [r.dbName, r.outcome]),
    );
    expect(results[a.name]).toEqual({ ok: false, code: 'sessionExpired' });
    expect(results[b.name]?.ok).toBe(true);
    expect(await b.outbox.count()).toBe(0);
    expect(await a.outbox.count()).toBe(1);
  });

  it('does not sync a worker whose key is gone (hard lock)', async () => {
    const { a } = await twoWorkers();
    resetVault(a);
    const results = await syncAllWorkers({ transport, catalogue: false });
    expect(results.map((r) => r.dbName)).not.toContain(a.name);
  });
});
