import {
  catalogueResponseSchema,
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
} from '../../domain/sync/protocol';
import type { DichtbijDb, OutboxEntry, RejectedEntry } from '../db';
import { rulesResponseSchema } from '../../domain/eligibility/rules-version';
import { installCatalogue } from '../catalogue/catalogue-store';
import { installRulesVersion, installedRulesId } from '../rules/rules-store';
import { openOutboxEntry } from '../crypto/record-crypto';
import { requestJson } from '../http';
import type { PushTally } from './apply';
import type { CursorState } from './apply';
import { applyPushResults, readCursor, toWireMutation } from './apply';
import type { PreparedPullPage } from './apply-pull';
import { commitWithRetry, preparePullPage } from './apply-pull';
import { authorizedRequest, sessionDeviceId } from './session';
import type { Transport } from './sync-error';

export interface SyncOptions {
  transport?: Transport;
  /** Mutations per push request (at most 200, the server's limit). */
  batchSize?: number;
  /** Changes per pull page. */
  pullLimit?: number;
  /** Also fetch a newer catalogue version a beheerder published (default true). */
  catalogue?: boolean;
}

export interface SyncReport extends PushTally {
  pushed: number;
  pulled: number;
  reset: boolean;
  catalogueUpdated: boolean;
  /** A new norms/rules version was installed. */
  rulesUpdated: boolean;
}

/** Entries that can never be valid stay on the device, in `rejected`, instead of blocking the queue. */
async function setAsideInvalid(
  database: DichtbijDb,
  invalid: readonly { entry: OutboxEntry; message: string }[],
) {
  if (invalid.length === 0) return;
  const now = new Date().toISOString();
  await database.transaction('rw', database.outbox, database.rejected, async () => {
    for (const { entry, message } of invalid) {
      const rejected: RejectedEntry = {
        mutationId: entry.mutationId,
        entityType: entry.entityType,
        entityId: entry.entityId,
        entry,
        reason: 'invalidPayload',
        message,
        rejectedAt: now,
      };
      await database.rejected.put(rejected);
      if (entry.seq !== undefined) await database.outbox.delete(entry.seq);
    }
  });
}

/** Sends the outbox in order, batch by batch, until it is empty or the server makes no progress. */
export async function pushOutbox(
  database: DichtbijDb,
  transport: Transport,
  batchSize = MAX_PUSH_BATCH,
): Promise<PushTally & { pushed: number }> {
  const deviceId = await sessionDeviceId(database);
  const total = { pushed: 0, applied: 0, conflicts: 0, rejected: 0 };
  for (;;) {
    const entries = await database.outbox
      .orderBy('seq')
      .limit(Math.min(batchSize, MAX_PUSH_BATCH))
      .toArray();
    if (entries.length === 0) break;
    const invalid: { entry: OutboxEntry; message: string }[] = [];
    const mutations = [];
    const sent: OutboxEntry[] = [];
    for (const entry of entries) {
      let opened: OutboxEntry;
      try {
        opened = await openOutboxEntry(entry, database);
      } catch (e) {
        // Locked: stop and keep everything. Undecryptable: set aside, never silently dropped.
        if (e instanceof Error && e.name === 'LockedError') throw e;
        invalid.push({ entry, message: 'undecryptable' });
        continue;
      }
      const wire = toWireMutation(opened);
      if (wire.ok) {
        mutations.push(wire.mutation);
        sent.push(entry);
      } else {
        invalid.push({ entry, message: wire.message });
      }
    }
    await setAsideInvalid(database, invalid);
    if (mutations.length === 0) continue;
    const body = await authorizedRequest(database, transport, '/api/sync/push', {
      body: { protocolVersion: PROTOCOL_VERSION, deviceId, mutations },
    });
    const response = pushResponseSchema.parse(body);
    const tally = await applyPushResults(database, sent, response);
    total.pushed += mutations.length;
    total.applied += tally.applied;
    total.conflicts += tally.conflicts;
    total.rejected += tally.rejected;
    // The server answers every mutation it was sent; anything less would loop forever.
    if (response.results.length === 0) break;
  }
  return total;
}

/** Pulls pages after the stored cursor until the server has no more. */
export async function pullChanges(
  database: DichtbijDb,
  transport: Transport,
  limit?: number,
): Promise<{
  pulled: number;
  reset: boolean;
  catalogueVersion: string | null;
  rulesVersion: string | null;
}> {
  const deviceId = await sessionDeviceId(database);
  const fetchPage = async (cursor: CursorState) =>
    pullResponseSchema.parse(
      await authorizedRequest(database, transport, '/api/sync/pull', {
        body: {
          protocolVersion: PROTOCOL_VERSION,
          deviceId,
          cursor: cursor.cursor,
          scopeVersion: cursor.scopeVersion,
          ...(limit ? { limit } : {}),
        },
      }),
    );
  const start = await readCursor(database);
  let pulled = 0;
  let reset = false;
  let catalogueVersion: string | null | undefined;
  let rulesVersion: string | null | undefined;
  let previousCursor = start.cursor;
  let next: Promise<PreparedPullPage> | null = fetchPage(start).then((page) =>
    preparePullPage(database, page),
  );
  while (next) {
    const prepared: PreparedPullPage = await next;
    const { page } = prepared;
    // Fetch and seal the next page while this one's transaction runs: sealing is WebCrypto work
    // off the main thread, the transaction is the browser's, so the two overlap. The cursor on
    // the device moves only when a page is committed, so an interrupted sync asks again. The
    // next page is prepared against this page's outbox snapshot (see preparePullPage).
    next = page.hasMore
      ? fetchPage({ cursor: page.cursor, scopeVersion: page.scopeVersion }).then((p) =>
          preparePullPage(database, p, prepared.before),
        )
      : null;
    // If this commit fails the next page is never used; keep its failure from going unhandled.
    next?.catch(() => undefined);
    await commitWithRetry(database, prepared);
    pulled += page.changes.length;
    reset ||= page.reset && previousCursor !== null;
    previousCursor = page.cursor;
    catalogueVersion = page.catalogueVersion;
    rulesVersion = page.rulesVersion;
  }
  return {
    pulled,
    reset,
    catalogueVersion: catalogueVersion ?? null,
    rulesVersion: rulesVersion ?? null,
  };
}

/** Installs the server's catalogue when it differs from the one on the device. */
async function updateCatalogue(
  database: DichtbijDb,
  transport: Transport,
  serverVersion: string | null,
): Promise<boolean> {
  if (serverVersion === null) return false;
  const meta = (await database.meta.get('catalogue'))?.value as
    { version?: string; shippedVersion?: string } | undefined;
  if (meta?.version === serverVersion) return false;
  const response = catalogueResponseSchema.parse(
    await transport('/api/catalogue', { method: 'GET' }),
  );
  if (!response.catalogue) return false;
  await installCatalogue(
    response.catalogue,
    'server',
    meta?.shippedVersion ?? response.catalogue.version,
    database,
  );
  return true;
}

/**
 * Installs the server's norms and rules when its current version is not the device's. The pull
 * names only the id, so the body is fetched once per new version, not on every sync.
 */
async function updateRules(
  database: DichtbijDb,
  transport: Transport,
  serverVersion: string | null,
): Promise<boolean> {
  if (serverVersion === null) return false;
  if ((await installedRulesId(database)) === serverVersion) return false;
  const response = rulesResponseSchema.parse(await transport('/api/rules', { method: 'GET' }));
  if (!response.current) return false;
  await installRulesVersion(response.current, database);
  return true;
}

/**
 * One sync: push first (so the pull that follows already reflects this device's writes), then
 * pull. Every step is idempotent, so a sync cut off anywhere is simply run again.
 */
export async function runSync(
  database: DichtbijDb,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const transport = options.transport ?? requestJson;
  const push = await pushOutbox(database, transport, options.batchSize);
  const pull = await pullChanges(database, transport, options.pullLimit);
  const catalogueUpdated =
    options.catalogue === false
      ? false
      : await updateCatalogue(database, transport, pull.catalogueVersion);
  const rulesUpdated = await updateRules(database, transport, pull.rulesVersion);
  return { ...push, pulled: pull.pulled, reset: pull.reset, catalogueUpdated, rulesUpdated };
}
