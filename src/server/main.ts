import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { auditRetentionDays, scheduleAuditRetention } from './audit-retention';
import { scheduleVroegRetention, vroegRetentionMonths } from './vroeg-retention';
import { announce, log } from './log';
import { demoLogins, jwtSecretFor, seedCatalogue, seedDemoRecords, seedDemoUsers } from './seed';
import { openStorageFromEnv } from './storage/open-storage';
import { openRulesVersionStore } from './storage/rules-versions';
import { openVroegStore } from './storage/vroeg-store';
import type { Server } from 'node:http';
import { keepConnectionsAlive } from './http/keep-alive';

/** `npm start`: one process serves the built app and the API on one port. */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');

const storage = openStorageFromEnv();
await storage.migrate();
// Norms and rules live in their own tables on the same database.
const rulesVersions = openRulesVersionStore(storage.dialect, storage.db);
await rulesVersions.migrate();
// Creditors' arrears reports: their own bookkeeping tables on the same database.
const vroegsignalen = openVroegStore(storage.dialect, storage.db);
await vroegsignalen.migrate();
const jwtSecret = await jwtSecretFor(storage, process.env.JWT_SECRET);
await seedDemoUsers(storage);
await seedCatalogue(storage, resolve(distDir, 'catalogue.json'));
if (process.env.SEED_DEMO_DATA !== '0') await seedDemoRecords(storage);
// At start and daily: entries past the retention period go, and that is logged in the log too.
const retention = scheduleAuditRetention(
  storage,
  auditRetentionDays(process.env.AUDIT_RETENTION_DAYS),
);
await retention.first;
// At start and daily: vroegsignalen past their retention period without help accepted are erased.
const vroegRetention = scheduleVroegRetention(
  { storage, vroeg: vroegsignalen },
  vroegRetentionMonths(process.env.VROEGSIGNAAL_RETENTION_MONTHS),
);
await vroegRetention.first;

// Behind a reverse proxy that terminates TLS: believe its X-Forwarded-Proto/-For (HSTS, rate limits).
const trustProxy = ['1', 'true', 'yes'].includes((process.env.TRUST_PROXY ?? '').toLowerCase());
const app = createApp({ storage, jwtSecret, distDir, trustProxy, rulesVersions, vroegsignalen });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}/`;
  log.info('server.started', { port: info.port, storage: storage.dialect });
  announce([
    '',
    `Dichtbij runs at ${url}  (storage: ${storage.dialect})`,
    'Demo logins (synthetic accounts, demo data only):',
    ...demoLogins().map((l) => `  ${l.role.padEnd(17)} ${l.email.padEnd(32)} ${l.password}`),
    '',
  ]);
});
keepConnectionsAlive(server as Server);

function shutdown(): void {
  retention.stop();
  vroegRetention.stop();
  const http = server as Server;
  server.close(() => {
    void storage.close().then(() => process.exit(0));
  });
  // Connections are kept alive for 65 s: close the idle ones now, and give requests under way
  // 2 s to finish, so a stop takes seconds, not a minute.
  http.closeIdleConnections();
  setTimeout(() => http.closeAllConnections(), 2_000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
