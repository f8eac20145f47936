import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScopeUser } from '../../src/domain/sync/roles';
import { canRead } from '../../src/domain/sync/scope';
import { DichtbijDb } from '../../src/data/db';
import type { MetaEntry } from '../../src/data/db';
import type { PlainRecord } from '../../src/data/crypto/record-crypto';
import { openRecord } from '../../src/data/crypto/record-crypto';
import { KEYRING_META_KEY, resetVault, setUpPin, unlock } from '../../src/data/crypto/vault';
import { HttpError, OfflineError } from '../../src/data/http';
import type { HttpOptions } from '../../src/data/http';
import { appendEvent, writeRecords } from '../../src/data/repositories/records';
import { login } from '../../src/data/sync/session';
import type { Transport } from '../../src/data/sync/sync-error';
import { syncNow } from '../../src/data/sync/sync-runner';
import { createApp } from '../../src/server/app';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import type { StoreKind } from './helpers';
import { PASSWORDS, pgAdminUrl } from './helpers';
import { freshDatabase } from './postgres';

/**
 * Many devices write offline, sync through a lossy network against one or two server
 * instances that restart, and must end up holding exactly what the server holds: no write
 * lost, none applied twice, every lost field kept as a conflict and every refusal kept.
 * The devices run the real client (Dexie over fake-indexeddb); the server is the real Hono app.
 */

type Fault = 'ok' | 'drop' | 'lose' | 'twice' | 'restart';

const DEVICES = [
  { email: 'wijkteam@demo.dichtbij', wijken: ['wielwijk', 'crabbehof', 'krispijn'] },
  { email: 'wijkteam2@demo.dichtbij', wijken: ['wielwijk', 'crabbehof'] },
  { email: 'wijkteam@demo.dichtbij', wijken: ['crabbehof'] },
  { email: 'vrijwilliger@demo.dichtbij', wijken: ['wielwijk'] },
  { email: 'toekomstmakelaar@demo.dichtbij', wijken: ['krispijn'] },
] as const;

type Cmd =
  | {
      t: 'create';
      d: number;
      entityType: 'check' | 'signal';
      wijk: number;
      assign: boolean;
      value: number;
    }
  | { t: 'patch' | 'put'; d: number; pick: number; field: 'a' | 'b' | 'c'; value: number }
  | { t: 'delete'; d: number; pick: number }
  | { t: 'event'; d: number; pick: number; status: string | null }
  | { t: 'sync'; d: number; faults: Fault[] }
  | { t: 'restart'; i: number };

const device = fc.nat({ max: DEVICES.length - 1 });
const fault = fc.constantFrom<Fault>('ok', 'ok', 'ok', 'drop', 'lose', 'twice', 'restart');
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('create' as const),
      d: device,
      entityType: fc.constantFrom('check' as const, 'signal' as const),
      wijk: fc.nat(2),
      assign: fc.boolean(),
      value: fc.nat(9),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constantFrom('patch' as const, 'put' as const),
      d: device,
      pick: fc.nat(20),
      field: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
      value: fc.nat(9),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('delete' as const), d: device, pick: fc.nat(20) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('event' as const),
      d: device,
      pick: fc.nat(20),
      // Statuses the server knows (it refuses others, issue 10): checks' and signals' own below.
      status: fc.constantFrom(null, 'open', 'afgerond'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('sync' as const),
      d: device,
      faults: fc.array(fault, { maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restart' as const), i: fc.nat(1) }) },
);

interface Instance {
  storage: KyselySyncStorage;
  app: ReturnType<typeof createApp>;
}

/** One or two server instances over one store; `restart` replaces an instance with a fresh process-like one. */
class Cluster {
  instances: Instance[] = [];
  private turn = 0;
  constructor(
    private readonly open: () => KyselySyncStorage,
    private readonly size: number,
  ) {}

  async start(): Promise<void> {
    for (let i = 0; i < this.size; i += 1) this.instances.push(await this.boot());
  }

  private async boot(): Promise<Instance> {
    const storage = this.open();
    await storage.migrate();
    await seedDemoUsers(storage);
    const jwtSecret = await jwtSecretFor(storage, undefined);
    return { storage, app: createApp({ storage, jwtSecret, distDir: null }) };
  }

  async restart(i: number): Promise<void> {
    const index = i % this.instances.length;
    const old = this.instances[index]!;
    await old.storage.close();
    this.instances[index] = await this.boot();
  }

  /** A load balancer: requests alternate between instances. */
  next(): Instance {
    this.turn += 1;
    return this.instances[this.turn % this.instances.length]!;
  }

  async stop(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.storage.close()));
  }
}

function transportFor(cluster: Cluster, faults: Fault[]): Transport {
  return async (path: string, options: HttpOptions) => {
    const fault = path.startsWith('/api/sync/') ? (faults.shift() ?? 'ok') : 'ok';
    if (fault === 'restart') await cluster.restart(faults.length);
    if (fault === 'drop') throw new OfflineError();
    const init: RequestInit = {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    };
    const call = async () => {
      const res = await cluster.next().app.request(path, init);
      const text = await res.text();
      return { status: res.status, ok: res.ok, body: text ? (JSON.parse(text) as unknown) : null };
    };
    let out = await call();
    if (fault === 'twice') out = await call();
    if (fault === 'lose') throw new OfflineError();
    if (!out.ok) throw new HttpError(out.status, out.body);
    return out.body;
  };
}

interface Device {
  db: DichtbijDb;
  faults: Fault[];
  transport: Transport;
  userId: string;
  user: ScopeUser;
}

async function liveRecords(database: DichtbijDb): Promise<PlainRecord[]> {
  const [a, b] = await Promise.all([database.checks.toArray(), database.signals.toArray()]);
  const live = [...a, ...b].filter((r) => !r.deleted).sort((x, y) => x.id.localeCompare(y.id));
  return Promise.all(live.map((r) => openRecord(r)));
}

let runNo = 0;
/** Over all runs: the scenarios must really reach conflicts, refusals and duplicates. */
const seen = { conflict: 0, rejected: 0, applied: 0 };

async function runScenario(kind: StoreKind, cmds: Cmd[], tmp: string): Promise<void> {
  runNo += 1;
  let open: () => KyselySyncStorage;
  if (kind === 'sqlite') {
    const file = join(tmp, `run-${runNo}.sqlite`);
    open = () => openSqliteStorage(file);
  } else {
    const url = await freshDatabase(pgAdminUrl(), 'prop');
    open = () => openPostgresStorage(url, 3);
  }
  const cluster = new Cluster(open, kind === 'postgres' ? 2 : 1);
  await cluster.start();
  const devices: Device[] = [];
  const written = new Set<string>();
  const eventIds = new Set<string>();
  let keyring: MetaEntry | undefined;
  try {
    for (const [i, spec] of DEVICES.entries()) {
      const database = new DichtbijDb(`prop-${kind}-${runNo}-${i}`);
      // One data key for every simulated device. Each database has its own vault (issue 16),
      // so the others get a copy of the first one's keyring and are unlocked with the same PIN.
      if (i === 0) {
        resetVault();
        await setUpPin('246810', database);
        keyring = await database.meta.get(KEYRING_META_KEY);
      } else if (keyring) {
        await database.meta.put(keyring);
        await unlock('246810', database);
      }
      const faults: Fault[] = [];
      const transport = transportFor(cluster, faults);
      const session = await login(spec.email, PASSWORDS[spec.email]!, database, transport);
      devices.push({
        db: database,
        faults,
        transport,
        userId: session.user.id,
        user: session.user,
      });
    }
    const log: string[] = [];
    for (const c of cmds) {
      log.push(JSON.stringify(c));
      if (c.t === 'restart') {
        await cluster.restart(c.i);
        continue;
      }
      const dev = devices[c.d]!;
      if (c.t === 'sync') {
        dev.faults.splice(0, dev.faults.length, ...c.faults);
        await syncNow(dev.db, { transport: dev.transport, catalogue: false });
        dev.faults.length = 0;
        continue;
      }
      const now = new Date().toISOString();
      if (c.t === 'create') {
        const spec = DEVICES[c.d]!;
        const id = `r-${runNo}-${log.length}`;
        const record: PlainRecord = {
          id,
          entityType: c.entityType,
          version: 0,
          createdAt: now,
          updatedAt: now,
          createdBy: dev.userId,
          wijk: spec.wijken[c.wijk % spec.wijken.length]!,
          data: { a: c.value },
        };
        if (c.assign && dev.user.role === 'vrijwilliger')
          record.assignedToUser = 'demo-toekomstmakelaar';
        await writeRecords([{ record, op: 'put', payload: record.data }], dev.db);
      } else {
        const mine = await liveRecords(dev.db);
        const target = mine[c.pick % Math.max(1, mine.length)];
        if (!target) continue;
        const data = { ...(target.data as Record<string, unknown>) };
        if (c.t === 'patch') {
          await writeRecords(
            [
              {
                record: { ...target, data: { ...data, [c.field]: c.value }, updatedAt: now },
                op: 'patch',
                payload: { [c.field]: c.value },
              },
            ],
            dev.db,
          );
        } else if (c.t === 'put') {
          const next = { ...data, [c.field]: c.value };
          await writeRecords(
            [{ record: { ...target, data: next, updatedAt: now }, op: 'put', payload: next }],
            dev.db,
          );
        } else if (c.t === 'delete') {
          await writeRecords(
            [{ record: { ...target, deleted: true, updatedAt: now }, op: 'delete', payload: {} }],
            dev.db,
          );
        } else if (c.t === 'event') {
          const id = await appendEvent(
            target.entityType,
            target.id,
            c.status
              ? {
                  kind: 'status',
                  status:
                    target.entityType === 'signal' && c.status === 'open' ? 'opgepakt' : c.status,
                }
              : { kind: 'note', body: { text: 'notitie' } },
            dev.db,
          );
          eventIds.add(id);
        }
      }
      for (const e of await dev.db.outbox.toArray()) written.add(e.mutationId);
    }

    // Back online for good: sync until every outbox is empty, then once more so all have pulled.
    for (let round = 0; round < 6; round += 1) {
      for (const dev of devices) {
        const outcome = await syncNow(dev.db, { transport: dev.transport, catalogue: false });
        expect(outcome.ok, `sync failed: ${JSON.stringify(outcome)}\n${log.join('\n')}`).toBe(true);
      }
      const pending = await Promise.all(devices.map((d) => d.db.outbox.count()));
      if (pending.every((p) => p === 0)) break;
    }
    for (const dev of devices)
      await syncNow(dev.db, { transport: dev.transport, catalogue: false });

    const db = cluster.instances[0]!.storage.db;
    const mutations = await db
      .selectFrom('mutations')
      .select(['id', 'status', 'device_id'])
      .where('device_id', 'not like', 'seed-%')
      .execute();
    const context = `\ncommands:\n${log.join('\n')}`;
    for (const m of mutations) seen[m.status as keyof typeof seen] += 1;
    // No write lost, none invented, none applied twice (ids are unique on the server).
    expect(new Set(mutations.map((m) => m.id)), context).toEqual(written);
    expect(mutations.length, context).toBe(written.size);

    const records = await db.selectFrom('records').selectAll().execute();
    const events = await db.selectFrom('events').selectAll().execute();
    const appliedEvents = new Set(
      mutations.filter((m) => m.status === 'applied' && eventIds.has(m.id)).map((m) => m.id),
    );
    expect(new Set(events.filter((e) => eventIds.has(e.id)).map((e) => e.id)), context).toEqual(
      appliedEvents,
    );

    for (const [i, dev] of devices.entries()) {
      expect(await dev.db.outbox.count(), context).toBe(0);
      // Every refusal and every lost field is on the device that made the write.
      const deviceId = (await dev.db.meta.get('sync.deviceId'))?.value as string;
      const mine = mutations.filter((m) => m.device_id === deviceId);
      const rejected = new Set(await dev.db.rejected.toCollection().primaryKeys());
      expect(rejected, context).toEqual(
        new Set(mine.filter((m) => m.status === 'rejected').map((m) => m.id)),
      );
      const conflicted = new Set((await dev.db.conflicts.toArray()).map((c) => c.mutationId));
      expect(conflicted, context).toEqual(
        new Set(mine.filter((m) => m.status === 'conflict').map((m) => m.id)),
      );

      const expected = records
        .filter((r) => r.deleted === 0 || Number(r.deleted) === 0)
        .filter((r) =>
          canRead(dev.user, {
            ownerId: r.owner_id,
            teamId: r.team_id,
            wijk: r.wijk,
            assignedToUser: r.assigned_user,
            assignedToTeam: r.assigned_team,
          }),
        )
        .map((r) => ({
          id: r.id,
          version: Number(r.version),
          status: r.status ?? undefined,
          wijk: r.wijk ?? undefined,
          data: JSON.parse(r.data) as unknown,
        }))
        .sort((x, y) => x.id.localeCompare(y.id));
      const local = (await liveRecords(dev.db)).map((r) => ({
        id: r.id,
        version: r.version,
        status: r.status,
        wijk: r.wijk,
        data: r.data,
      }));
      expect(local, `device ${i}${context}`).toEqual(expected);
      const readable = new Set(expected.map((r) => r.id));
      const expectedEvents = events
        .filter((e) => readable.has(e.entity_id))
        .map((e) => e.id)
        .sort();
      const localEvents = (await dev.db.events.toArray())
        .filter((e) => readable.has(e.entityId))
        .map((e) => e.id)
        .sort();
      expect(localEvents, `device ${i} events${context}`).toEqual(expectedEvents);
    }
  } finally {
    await cluster.stop();
    for (const d of devices) {
      d.db.close();
      await d.db.delete();
    }
  }
}

describe('sync converges under faults (property)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dichtbij-prop-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const scenarios = fc.array(cmd, { minLength: 10, maxLength: 45 });
  // Generous limits: on a loaded 2-core machine 20 runs take minutes (the old storage needed
  // 109 s for 4 runs there, the current one 125 s); the figures are not what is tested.

  it('on SQLite, one instance restarting', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, (cmds) => runScenario('sqlite', cmds, tmp)),
      { numRuns: 20, seed: 20261123, endOnFailure: true },
    );
    expect(seen.conflict).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  }, 900_000);

  it('on PostgreSQL, two instances sharing one database', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, (cmds) => runScenario('postgres', cmds, tmp)),
      { numRuns: 12, seed: 20261124, endOnFailure: true },
    );
  }, 900_000);
});
