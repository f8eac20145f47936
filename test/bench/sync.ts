import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Mutation, PullResponse, RecordChange } from '../../src/domain/sync/protocol';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { DichtbijDb } from '../../src/data/db';
import type { StoredRecord } from '../../src/data/db';
import { resetVault, setUpPin } from '../../src/data/crypto/vault';
import { applyPullPage } from '../../src/data/sync/apply';
import { createApp } from '../../src/server/app';
import { signAccessToken } from '../../src/server/auth/tokens';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { freshDatabase, startPostgres } from '../server/postgres';

/**
 * Sync throughput on loopback: 200 simulated devices push and pull concurrently against a real
 * listening server (SQLite, then PostgreSQL), and the client's apply rate for 10,000 pulled
 * records against a plain Dexie bulkPut. IndexedDB here is fake-indexeddb in Node, so the
 * apply figures are relative, not what a tablet's Chromium does.
 */
const DEVICES = 200;
const BATCHES_PER_DEVICE = 2;
const BATCH = 50;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

async function pool<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => fn(item)));
}

async function loadTest(storage: KyselySyncStorage): Promise<Record<string, number>> {
  await storage.migrate();
  await seedDemoUsers(storage);
  const secret = await jwtSecretFor(storage, undefined);
  const app = createApp({ storage, jwtSecret: secret, distDir: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Tokens minted directly: 200 scrypt logins would measure the password hash, not sync.
    const users = [
      'demo-vrijwilliger',
      'demo-vrijwilliger-2',
      'demo-wijkteam',
      'demo-wijkteam-2',
      'demo-toekomstmakelaar',
    ];
    const devices = await Promise.all(
      Array.from({ length: DEVICES }, async (_, i) => {
        const deviceId = `bench-device-${i}`;
        const userId = users[i % users.length]!;
        await storage.saveDeviceLogin(
          deviceId,
          userId,
          'x',
          '2099-01-01T00:00:00.000Z',
          new Date().toISOString(),
        );
        const { token } = await signAccessToken({ userId, deviceId }, secret, new Date(), 3600);
        return { deviceId, token, i };
      }),
    );
    const call = async (path: string, token: string, body: unknown) => {
      const started = performance.now();
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as {
        changes?: unknown[];
        hasMore?: boolean;
        cursor?: number;
      };
      if (!res.ok) throw new Error(`${path} ${res.status}`);
      return { ms: performance.now() - started, json };
    };

    const pushLatencies: number[] = [];
    const pushStart = performance.now();
    await pool(devices, async (d) => {
      for (let b = 0; b < BATCHES_PER_DEVICE; b += 1) {
        const mutations: Mutation[] = Array.from({ length: BATCH }, (_, k) => {
          const n = b * BATCH + k;
          return {
            mutationId: `bench-${d.i}-${n}`,
            seq: n + 1,
            entityType: 'signal',
            entityId: `bench-rec-${d.i}-${n}`,
            op: 'put',
            baseVersion: 0,
            schemaVersion: 1,
            createdAt: new Date().toISOString(),
            payload: {
              wijk: 'wielwijk',
              status: 'open',
              data: { onderwerp: 'energie', bedrag: n, notitie: 'fictief' },
            },
          };
        });
        const { ms } = await call('/api/sync/push', d.token, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: d.deviceId,
          mutations,
        });
        pushLatencies.push(ms);
      }
    });
    const pushSeconds = (performance.now() - pushStart) / 1000;
    const pushed = DEVICES * BATCHES_PER_DEVICE * BATCH;

    const pullLatencies: number[] = [];
    let pulled = 0;
    const pullStart = performance.now();
    await pool(devices, async (d) => {
      let cursor: number | null = null;
      for (let page = 0; page < 2; page += 1) {
        const { ms, json } = await call('/api/sync/pull', d.token, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: d.deviceId,
          cursor,
          limit: 500,
        });
        pullLatencies.push(ms);
        pulled += json.changes?.length ?? 0;
        cursor = json.cursor ?? null;
        if (!json.hasMore) break;
      }
    });
    const pullSeconds = (performance.now() - pullStart) / 1000;
    return {
      pushRecordsPerSec: Math.round(pushed / pushSeconds),
      pushP95Ms: Math.round(p95(pushLatencies)),
      pullRecordsPerSec: Math.round(pulled / pullSeconds),
      pullP95Ms: Math.round(p95(pullLatencies)),
      pulledRecords: pulled,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await storage.close();
  }
}

async function applyRate(): Promise<Record<string, number>> {
  const COUNT = 10_000;
  const now = new Date().toISOString();
  const changes: RecordChange[] = Array.from({ length: COUNT }, (_, i) => ({
    kind: 'record',
    entityType: 'signal',
    id: `apply-${i}`,
    version: i + 1,
    deleted: false,
    ownerId: 'demo-wijkteam',
    teamId: 'team-wijkteam-west',
    wijk: 'wielwijk',
    status: 'open',
    assignedToUser: null,
    assignedToTeam: null,
    createdAt: now,
    updatedAt: now,
    data: { onderwerp: 'energie', bedrag: i, notitie: 'fictief huishouden' },
  }));
  const plain: StoredRecord[] = changes.map((c) => ({
    id: c.id,
    entityType: c.entityType,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    createdBy: c.ownerId,
    wijk: 'wielwijk',
    status: 'open',
    data: c.data,
  }));
  const plainDb = new DichtbijDb(`bench-plain-${Date.now()}`);
  await plainDb.open();
  const plainStart = performance.now();
  await plainDb.signals.bulkPut(plain);
  const plainMs = performance.now() - plainStart;
  await plainDb.delete();

  const syncDb = new DichtbijDb(`bench-apply-${Date.now()}`);
  resetVault();
  await setUpPin('246810', syncDb);
  const page: PullResponse = {
    changes,
    cursor: COUNT,
    hasMore: false,
    reset: false,
    scopeVersion: 0,
    catalogueVersion: null,
  };
  const applyStart = performance.now();
  await applyPullPage(syncDb, page);
  const applyMs = performance.now() - applyStart;
  await syncDb.delete();
  resetVault();
  return {
    plainBulkPutRecordsPerSec: Math.round(COUNT / (plainMs / 1000)),
    clientApplyRecordsPerSec: Math.round(COUNT / (applyMs / 1000)),
    clientApplyRatio: Math.round((plainMs / applyMs) * 100) / 100,
  };
}

export async function run(): Promise<Record<string, number>> {
  // One log line per request would drown the figures.
  process.env.LOG_LEVEL ??= 'warn';
  const out: Record<string, number> = {};
  const tmp = mkdtempSync(join(tmpdir(), 'dichtbij-bench-'));
  try {
    const sqlite = await loadTest(openSqliteStorage(join(tmp, 'bench.sqlite')));
    for (const [k, v] of Object.entries(sqlite)) out[`sqlite_${k}`] = v;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const pg = await startPostgres();
  try {
    const url = await freshDatabase(pg.url, 'bench');
    const postgres = await loadTest(openPostgresStorage(url, 10));
    for (const [k, v] of Object.entries(postgres)) out[`postgres_${k}`] = v;
  } finally {
    pg.stop();
  }
  for (const [k, v] of Object.entries(await applyRate())) out[k] = v;
  return out;
}
