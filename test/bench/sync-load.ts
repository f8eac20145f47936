import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Mutation } from '../../src/domain/sync/protocol';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { signAccessToken } from '../../src/server/auth/tokens';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { Actor } from '../../src/server/storage/sync-storage';

/**
 * Open-loop sync load on loopback (issue 11): each simulated device pushes 1–10 mutations and
 * then pulls, on its own timer, whether or not the server kept up. Latency is measured from
 * the moment a request was DUE, so a server that falls behind shows it (no coordinated
 * omission). The servers run as separate processes; the load comes from this one.
 */

export const TARGET_P95_MS = 100;
const USERS = ['demo-vrijwilliger', 'demo-vrijwilliger-2', 'demo-wijkteam', 'demo-wijkteam-2'];

export interface StepFigures {
  rate: number;
  achieved: number;
  errors: number;
  pushP50: number;
  pushP95: number;
  pushP99: number;
  pullP50: number;
  pullP95: number;
  pullP99: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

function mutationsFor(device: Device, count: number): Mutation[] {
  return Array.from({ length: count }, () => {
    device.seq += 1;
    const n = device.seq;
    // Two in three create a record, the rest change one of the device's own earlier ones.
    const own = device.records.length > 0 && n % 3 === 0;
    const entityId = own ? device.records[n % device.records.length]! : `${device.id}-r${n}`;
    if (!own) device.records.push(entityId);
    return {
      mutationId: `${device.id}-m${n}`,
      seq: n,
      entityType: 'signal',
      entityId,
      op: own ? 'patch' : 'put',
      baseVersion: 0,
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      payload: own
        ? { data: { bedrag: n } }
        : {
            wijk: 'wielwijk',
            status: 'open',
            data: { onderwerp: 'energie', bedrag: n, notitie: 'fictief' },
          },
    } as Mutation;
  });
}

interface Device {
  id: string;
  token: string;
  seq: number;
  cursor: number | null;
  records: string[];
}

/** Seeds users and devices in the store and mints their tokens (no scrypt logins). */
export async function prepareDevices(
  storage: KyselySyncStorage,
  count: number,
  prefix: string,
): Promise<Device[]> {
  await storage.migrate();
  await seedDemoUsers(storage);
  const secret = await jwtSecretFor(storage, undefined);
  const now = new Date().toISOString();
  const devices: Device[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `bench-device-${prefix}-${i}`;
    const userId = USERS[i % USERS.length]!;
    const bound = await storage.saveDeviceLogin(id, userId, 'x', '2099-01-01T00:00:00.000Z', now);
    if (!bound.ok) throw new Error(`bench device ${id} was not bound: ${bound.reason}`);
    const { token } = await signAccessToken(
      { userId, deviceId: id, generation: bound.generation },
      secret,
      new Date(),
      6 * 3600,
    );
    devices.push({ id, token, seq: 0, cursor: null, records: [] });
  }
  return devices;
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** The last `MEM` line the process printed (when started with BENCH_MEMORY_EVERY_MS). */
  memory?: { rssMb: number; heapMb: number };
}

/** Starts one server process over the store named by `env` and waits for its port. */
export function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(import.meta.dirname, 'sync-server-process.ts')], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    let server: ServerProcess | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /PORT (\d+)/.exec(out);
      if (port && !server) {
        server = { base: `http://127.0.0.1:${port[1]}`, child };
        resolve(server);
      }
      const mem = [...out.matchAll(/MEM ([\d.]+) ([\d.]+)/g)].at(-1);
      if (server && mem) server.memory = { rssMb: Number(mem[1]), heapMb: Number(mem[2]) };
      out = out.slice(out.lastIndexOf('\n') + 1);
    });
  });
}

export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/**
 * The load generator shares the machine's two cores with the servers and the database, so its
 * own cost per request counts against what they can reach: plain `node:http` on kept-alive
 * connections costs about half of what `fetch` does. It asks for compressed answers as a
 * browser does (the server compresses above 1 KB) and unpacks them.
 */
const agent = new http.Agent({ keepAlive: true });

function call(base: string, path: string, token: string, body: unknown): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      base + path,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          'accept-encoding': 'br, gzip',
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            const text = (
              encoding === 'br'
                ? brotliDecompressSync(raw)
                : encoding === 'gzip'
                  ? gunzipSync(raw)
                  : raw
            ).toString('utf8');
            const json = JSON.parse(text) as unknown;
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(new Error(`${path} ${status} ${text.slice(0, 200)}`));
            } else resolve(json);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * One step: `rate` mutations per second in total for `seconds`, spread over the devices; each
 * device's timer fires every `devices × 5.5 / rate` seconds (5.5 = mean batch of 1–10), with
 * a random phase so the devices do not fire together. Servers are used round-robin.
 */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 8);
const WARM_UP_RATE = 250;

/**
 * Not a measurement: connection pools, JIT and the database's caches warm up first, or the first
 * figures measure start-up (the first step missed the target at 250/s on both stores, and the
 * PostgreSQL soak's first minute had push p95 736 ms at 1,267/s, for that reason). Returns the
 * line the figures keep, so a reader sees what came before them.
 */
export async function warmUp(
  servers: readonly ServerProcess[],
  devices: Device[],
): Promise<string> {
  const warm = await openLoopStep(servers, devices, WARM_UP_RATE, WARM_UP_SECONDS);
  return `${WARM_UP_SECONDS} s at ${WARM_UP_RATE}/s: push p95 ${warm.pushP95} ms, errors ${warm.errors}`;
}

export async function openLoopStep(
  servers: readonly ServerProcess[],
  devices: Device[],
  rate: number,
  seconds: number,
  onTick?: (seconds: number, step: StepFigures) => void,
  tickMs = 60_000,
): Promise<StepFigures> {
  const interval = (devices.length * 5.5 * 1000) / rate;
  const start = performance.now();
  const end = start + seconds * 1000;
  const push: number[] = [];
  const pull: number[] = [];
  let mutations = 0;
  let errors = 0;
  let turn = 0;
  const inFlight = new Set<Promise<void>>();
  let tickStart = start;
  let tickPush: number[] = [];
  let tickPull: number[] = [];
  let tickMutations = 0;

  const fire = (device: Device, due: number): void => {
    const server = servers[turn++ % servers.length]!;
    const batch = mutationsFor(device, 1 + Math.floor(Math.random() * 10));
    const job = (async () => {
      try {
        await call(server.base, '/api/sync/push', device.token, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: device.id,
          mutations: batch,
        });
        const pushed = performance.now();
        push.push(pushed - due);
        tickPush.push(pushed - due);
        mutations += batch.length;
        tickMutations += batch.length;
        const page = (await call(server.base, '/api/sync/pull', device.token, {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: device.id,
          cursor: device.cursor,
          limit: 500,
        })) as { cursor: number };
        device.cursor = page.cursor;
        pull.push(performance.now() - pushed);
        tickPull.push(performance.now() - pushed);
      } catch (e) {
        if (errors === 0) console.error('first error in step', rate, e);
        errors += 1;
      }
    })();
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  // A schedule per device: due times fixed in advance, never moved by slow answers.
  const next = devices.map(() => start + Math.random() * interval);
  while (performance.now() < end) {
    const now = performance.now();
    for (const [i, device] of devices.entries()) {
      while (next[i]! <= now && next[i]! < end) {
        fire(device, next[i]!);
        next[i]! += interval;
      }
    }
    if (onTick && now - tickStart >= tickMs) {
      onTick(
        Math.round((now - start) / 1000),
        summary(
          rate,
          Math.round(tickMutations / ((now - tickStart) / 1000)),
          errors,
          [...tickPush].sort((a, b) => a - b),
          [...tickPull].sort((a, b) => a - b),
        ),
      );
      tickPush = [];
      tickPull = [];
      tickMutations = 0;
      tickStart = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all([...inFlight]);
  const elapsed = (performance.now() - start) / 1000;
  return summary(
    rate,
    Math.round(mutations / elapsed),
    errors,
    [...push].sort((a, b) => a - b),
    [...pull].sort((a, b) => a - b),
  );
}

function summary(
  rate: number,
  achieved: number,
  errors: number,
  push: readonly number[],
  pull: readonly number[],
): StepFigures {
  return {
    rate,
    achieved,
    errors,
    pushP50: quantile(push, 0.5),
    pushP95: quantile(push, 0.95),
    pushP99: quantile(push, 0.99),
    pullP50: quantile(pull, 0.5),
    pullP95: quantile(pull, 0.95),
    pullP99: quantile(pull, 0.99),
  };
}

export function meetsTarget(s: StepFigures): boolean {
  return (
    s.errors === 0 &&
    s.pushP95 <= TARGET_P95_MS &&
    s.pullP95 <= TARGET_P95_MS &&
    s.achieved >= s.rate * 0.9
  );
}

/**
 * The store's own ceiling: the same `push` (same SQL) called in-process, `parallel` batches at
 * a time (1 on SQLite: one connection), mean batch 5.5, for `seconds`.
 *
 * It is one Node process's ceiling: on PostgreSQL the two server instances spread the same
 * JavaScript over two processes, so the servers (which also answer a pull after every push)
 * can pass it on a quiet machine; a ratio above 1 says the database was not the limit.
 */
export async function storeCeiling(
  storage: KyselySyncStorage,
  devices: Device[],
  parallel: number,
  seconds: number,
): Promise<number> {
  const actors: Actor[] = [];
  for (const d of devices.slice(0, parallel)) {
    const device = await storage.getDevice(d.id);
    const user = device ? await storage.getUser(device.userId) : undefined;
    if (!user) throw new Error('bench device without user');
    actors.push({ user, deviceId: d.id });
  }
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let count = 0;
  await Promise.all(
    actors.map(async (actor, i) => {
      const device = devices[i]!;
      while (performance.now() < end) {
        const batch = mutationsFor(device, 1 + Math.floor(Math.random() * 10));
        await storage.push(actor, batch, new Date().toISOString());
        count += batch.length;
      }
    }),
  );
  return Math.round(count / ((performance.now() - start) / 1000));
}

/**
 * An empty pull (cursor at the head) by a worker with `n` records in scope, in ms: the cost
 * every idle device pays on each sync. The records are pushed through `push` in batches.
 */
export async function emptyPullCost(
  storage: KyselySyncStorage,
  sizes: readonly number[],
): Promise<Record<string, number>> {
  const user = await storage.getUser('demo-wijkteam');
  if (!user) throw new Error('no demo-wijkteam');
  const actor: Actor = { user, deviceId: 'bench-empty-pull' };
  const volunteer = await storage.getUser('demo-vrijwilliger');
  if (!volunteer) throw new Error('no demo-vrijwilliger');
  const other: Actor = { user: volunteer, deviceId: 'bench-empty-other' };
  const out: Record<string, number> = {};
  let have = 0;
  let seq = 0;
  for (const size of sizes) {
    while (have < size) {
      const batch: Mutation[] = Array.from({ length: Math.min(200, size - have) }, () => {
        seq += 1;
        return {
          mutationId: `empty-m${seq}`,
          seq,
          entityType: 'signal',
          entityId: `empty-r${seq}`,
          op: 'put',
          baseVersion: 0,
          schemaVersion: 1,
          createdAt: new Date().toISOString(),
          payload: { wijk: 'wielwijk', data: { bedrag: seq } },
        } as Mutation;
      });
      await storage.push(actor, batch, new Date().toISOString());
      have += batch.length;
    }
    let cursor: number | null = null;
    for (;;) {
      const page = await storage.pull(actor, cursor, 1000);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const timed = async (from: number | null): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const t = performance.now();
        await storage.pull(actor, from, 500);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return Math.round((times[100] ?? NaN) * 100) / 100;
    };
    out[`emptyPull_${size}_atHead_p50Ms`] = await timed(cursor);
    // Behind by someone else's change outside this scope: the queries run and find nothing.
    seq += 1;
    await storage.push(
      other,
      [
        {
          mutationId: `empty-other-m${seq}`,
          seq,
          entityType: 'signal',
          entityId: `empty-other-r${seq}`,
          op: 'put',
          baseVersion: 0,
          schemaVersion: 1,
          createdAt: new Date().toISOString(),
          payload: { wijk: 'wielwijk', data: { bedrag: seq } },
        } as Mutation,
      ],
      new Date().toISOString(),
    );
    out[`emptyPull_${size}_behindOutOfScope_p50Ms`] = await timed(cursor);
  }
  return out;
}
