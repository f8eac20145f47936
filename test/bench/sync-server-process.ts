import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { keepConnectionsAlive } from '../../src/server/http/keep-alive';
import { createApp } from '../../src/server/app';
import { jwtSecretFor } from '../../src/server/seed';
import { openStorageFromEnv } from '../../src/server/storage/open-storage';
import { openRulesVersionStore } from '../../src/server/storage/rules-versions';

/**
 * One server instance for the sync bench, as its own process (so two PostgreSQL instances
 * really run side by side). The bench seeds the store first; this only serves it on a free
 * loopback port and prints `PORT <n>`. Stops on SIGTERM.
 */
process.env.LOG_LEVEL ??= 'warn';
const storage = openStorageFromEnv();
const jwtSecret = await jwtSecretFor(storage, undefined);
// As src/server/main.ts: with the rules store, so every pull names the current rules version.
const rulesVersions = openRulesVersionStore(storage.dialect, storage.db);
await rulesVersions.migrate();
const app = createApp({ storage, jwtSecret, distDir: null, rulesVersions });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`PORT ${info.port}\n`);
});
keepConnectionsAlive(server as Server);
// The soak bench follows memory: `MEM <rss MB> <heap used MB>` every BENCH_MEMORY_EVERY_MS.
const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 0);
if (every > 0) {
  setInterval(() => {
    const m = process.memoryUsage();
    process.stdout.write(
      `MEM ${(m.rss / 2 ** 20).toFixed(1)} ${(m.heapUsed / 2 ** 20).toFixed(1)}\n`,
    );
  }, every).unref();
}
process.on('SIGTERM', () => {
  server.close(() => {
    void storage.close().then(() => process.exit(0));
  });
});
