import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  getVaultStatus,
  loadVaultStatus,
  lock,
  resetPinWithRecovery,
  resetVault,
  setUpPin,
  unlock,
} from '../../src/data/crypto/vault';
import { openRecord } from '../../src/data/crypto/record-crypto';
import { DichtbijDb } from '../../src/data/db';
import { OfflineError } from '../../src/data/http';
import { writeRecords } from '../../src/data/repositories/records';
import { META_DEVICE_KEY } from '../../src/data/sync/device-key';
import { flushRevocations, pendingRevocations } from '../../src/data/sync/revocations';
import { login, logout } from '../../src/data/sync/session';
import { META_SECRETS } from '../../src/data/sync/session-secrets';
import type { Transport } from '../../src/data/sync/sync-error';
import { inProcessTransport } from '../helpers/in-process-transport';
import { syncNow } from '../../src/data/sync/sync-runner';
import { refreshProofMessage } from '../../src/domain/sync/device-proof';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { App } from './helpers';
import { PASSWORDS, makeServer, newDeviceKeys, openStore, post, signProof } from './helpers';

/**
 * The device's session code against the real server (issue 10): what a copy of the disk holds
 * is not enough to talk to the server; an offline logout ends the session once the server is
 * reachable; a forgotten PIN is recovered by a password sign-in without losing unsynced work.
 */

const EMAIL = 'vrijwilliger@demo.dichtbij';
const PIN = '135792';

let storage: KyselySyncStorage;
let app: App;
let offline = false;
/** Every token the server handed out, as an attacker on the disk would hope to find them. */
const issued: string[] = [];

const server = inProcessTransport(() => app);
const transport: Transport = async (path, options) => {
  if (offline) throw new OfflineError();
  const body = await server(path, options);
  if (body && typeof body === 'object' && 'refreshToken' in body) {
    const tokens = body as { refreshToken: string; accessToken: string };
    issued.push(tokens.refreshToken, tokens.accessToken);
  }
  return body;
};

let n = 0;
let database: DichtbijDb;

beforeAll(async () => {
  ({ storage } = await openStore('sqlite'));
  app = await makeServer(storage);
});
afterAll(async () => storage.close());
afterEach(async () => {
  offline = false;
  resetVault();
  database.close();
  await database.delete();
});

/** Everything in `meta` as text: strings as they are, bytes as latin1. */
async function metaText(db: DichtbijDb): Promise<string> {
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('latin1'));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const row of await db.meta.toArray()) visit(row.value);
  return parts.join('\n');
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    Object.values(value).forEach((v) => strings(v, out));
  return out;
}

async function signedInDevice(): Promise<DichtbijDb> {
  database = new DichtbijDb(`device-session-${n++}`);
  await loadVaultStatus(database);
  await login(EMAIL, PASSWORDS[EMAIL]!, database, transport);
  await setUpPin(PIN, database);
  return database;
}

describe('a device-bound session', () => {
  it('stores no usable token: a copy of the disk, without the PIN, gets nothing from the server', async () => {
    const device = await signedInDevice();
    expect((await syncNow(device, { transport, catalogue: false })).ok).toBe(true);
    const text = await metaText(device);
    expect(issued.length).toBeGreaterThan(0);
    for (const token of issued) expect(text).not.toContain(token);
    expect(await device.meta.get(META_SECRETS)).toBeDefined();

    // The thief's copy: same database, nothing in memory, vault locked.
    resetVault();
    const copy = new DichtbijDb(device.name);
    await loadVaultStatus(copy);
    expect(getVaultStatus()).toBe('locked');
    const sent: string[] = [];
    const spy: Transport = async (path, options) => {
      sent.push(path);
      return transport(path, options);
    };
    expect(await syncNow(copy, { transport: spy, catalogue: false })).toEqual({
      ok: false,
      code: 'locked',
    });
    expect(sent).toEqual([]);

    // Calling the API directly with whatever the disk holds, signed with the device's own key.
    const keys = (await copy.meta.get(META_DEVICE_KEY))?.value as CryptoKeyPair;
    const deviceId = (await copy.meta.get('sync.deviceId'))?.value as string;
    const values = strings((await copy.meta.toArray()).map((r) => r.value));
    for (const candidate of values) {
      const refreshToken = candidate.slice(0, 200).padEnd(20, 'x');
      const res = await post(app, '/api/auth/refresh', {
        deviceId,
        refreshToken,
        proof: await signProof(keys, (p) => refreshProofMessage(deviceId, refreshToken, p)),
      });
      expect(res.status).toBe(401);
      const pull = await post(
        app,
        '/api/sync/pull',
        { protocolVersion: 1, deviceId, cursor: null },
        candidate,
      );
      expect(pull.status).toBe(401);
    }

    // With the PIN the same copy syncs again: the sealed token opens and is refreshed.
    expect(await unlock(PIN, copy)).toBe(true);
    expect((await syncNow(copy, { transport, catalogue: false })).ok).toBe(true);
    copy.close();
  });

  it('ends the session on the server after an offline logout, once the server is reachable', async () => {
    const device = await signedInDevice();
    expect((await syncNow(device, { transport, catalogue: false })).ok).toBe(true);
    const keys = (await device.meta.get(META_DEVICE_KEY))?.value as CryptoKeyPair;
    const deviceId = (await device.meta.get('sync.deviceId'))?.value as string;
    const refreshToken = issued.at(-2)!;
    offline = true;
    expect(await logout({}, device, transport)).toEqual({ revoked: 'queued' });
    expect(await device.meta.get(META_DEVICE_KEY)).toBeUndefined();
    expect(await device.meta.get(META_SECRETS)).toBeUndefined();
    expect(await pendingRevocations(device)).toBe(1);
    expect((await storage.getDevice(deviceId))?.revokedAt).toBeNull();

    offline = false;
    expect(await flushRevocations(device, transport)).toBe(1);
    expect(await pendingRevocations(device)).toBe(0);
    expect((await storage.getDevice(deviceId))?.revokedAt).not.toBeNull();
    // Even the key and token recovered from the LevelDB log no longer open anything.
    const res = await post(app, '/api/auth/refresh', {
      deviceId,
      refreshToken,
      proof: await signProof(keys, (p) => refreshProofMessage(deviceId, refreshToken, p)),
    });
    expect(res.status).toBe(401);
  });

  it('keeps a queued revocation while the server cannot be reached', async () => {
    const device = await signedInDevice();
    offline = true;
    await logout({}, device, transport);
    expect(await flushRevocations(device, transport)).toBe(0);
    expect(await pendingRevocations(device)).toBe(1);
    // The next sign-in on this browser sends it first.
    offline = false;
    await login(EMAIL, PASSWORDS[EMAIL]!, device, transport);
    expect(await pendingRevocations(device)).toBe(0);
  });

  it('recovers a forgotten PIN through a password sign-in, with all unsynced work intact', async () => {
    const device = await signedInDevice();
    offline = true;
    const record = {
      id: 'recover-1',
      entityType: 'signal' as const,
      version: 0,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      wijk: 'wielwijk',
      data: { name: 'Synthetische Bewoner', note: 'nog niet gesynchroniseerd' },
    };
    await writeRecords([{ record, op: 'put', payload: record.data }], device);
    lock();
    // A reload: nothing in memory; the PIN is forgotten.
    resetVault();
    await loadVaultStatus(device);
    expect(await unlock('000001', device)).toBe(false);
    // Without a fresh sign-in, no recovery.
    expect(await resetPinWithRecovery('864209', device)).toBe(false);
    offline = false;
    await login(EMAIL, PASSWORDS[EMAIL]!, device, transport, { recovery: true });
    expect(await resetPinWithRecovery('864209', device)).toBe(true);
    expect(getVaultStatus()).toBe('unlocked');
    expect(await device.outbox.count()).toBe(1);
    const stored = await device.signals.get('recover-1');
    expect((await openRecord(stored!)).data).toEqual(record.data);
    lock();
    expect(await unlock(PIN, device)).toBe(false);
    expect(await unlock('864209', device)).toBe(true);
    expect((await syncNow(device, { transport, catalogue: false })).ok).toBe(true);
    expect(await device.outbox.count()).toBe(0);
  });

  it('does not recover with a sign-in from another device key', async () => {
    const device = await signedInDevice();
    resetVault();
    await loadVaultStatus(device);
    // The key pair is replaced (e.g. an attacker's browser with the copied keyring only).
    await device.meta.put({ key: META_DEVICE_KEY, value: await newDeviceKeys() });
    await expect(
      login(EMAIL, PASSWORDS[EMAIL]!, device, transport, { recovery: true }),
    ).rejects.toMatchObject({ code: 'badRequest' });
    expect(await resetPinWithRecovery('864209', device)).toBe(false);
  });
});
