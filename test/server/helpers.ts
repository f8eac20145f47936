import { inject } from 'vitest';
import { createApp } from '../../src/server/app';
import { jwtSecretFor, seedDemoUsers } from '../../src/server/seed';
import { openPostgresStorage, openSqliteStorage } from '../../src/server/storage/kysely-storage';
import { openRulesVersionStore } from '../../src/server/storage/rules-versions';
import { openVroegStore } from '../../src/server/storage/vroeg-store';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { NewUser } from '../../src/server/storage/sync-storage';
import type { Mutation } from '../../src/domain/sync/protocol';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { DeviceProof, DevicePublicKey } from '../../src/domain/sync/device-proof';
import {
  DEVICE_KEY_ALGORITHM,
  DEVICE_SIGN_ALGORITHM,
  devicePublicKeySchema,
  loginProofMessage,
  refreshProofMessage,
} from '../../src/domain/sync/device-proof';
import { freshDatabase } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';
export const STORES: StoreKind[] = ['sqlite', 'postgres'];

/** The throwaway server from global-setup.ts; missing means the setup is not wired in, which must fail. */
export function pgAdminUrl(): string {
  const url = inject('pgUrl') ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'No PostgreSQL for the server tests: add test/server/global-setup.ts as globalSetup of the server project.',
    );
  }
  return url;
}

/** A fresh, migrated store: SQLite in memory (or a file), PostgreSQL in a new database. */
export async function openStore(
  kind: StoreKind,
  file = ':memory:',
): Promise<{ storage: KyselySyncStorage; url: string }> {
  if (kind === 'sqlite') {
    const storage = openSqliteStorage(file);
    await storage.migrate();
    return { storage, url: file };
  }
  const url = await freshDatabase(pgAdminUrl());
  const storage = openPostgresStorage(url, 5);
  await storage.migrate();
  return { storage, url };
}

export async function makeServer(storage: KyselySyncStorage, now?: () => Date) {
  await seedDemoUsers(storage);
  const jwtSecret = await jwtSecretFor(storage, undefined);
  const rulesVersions = openRulesVersionStore(storage.dialect, storage.db);
  await rulesVersions.migrate();
  const vroegsignalen = openVroegStore(storage.dialect, storage.db);
  await vroegsignalen.migrate();
  return createApp({
    storage,
    jwtSecret,
    distDir: null,
    rulesVersions,
    vroegsignalen,
    ...(now ? { now } : {}),
  });
}

export type App = Awaited<ReturnType<typeof makeServer>>;

export const PASSWORDS: Record<string, string> = {
  'vrijwilliger@demo.dichtbij': 'demo-vrijwilliger-2026',
  'vrijwilliger2@demo.dichtbij': 'demo-vrijwilliger2-2026',
  'wijkteam@demo.dichtbij': 'demo-wijkteam-2026',
  'wijkteam2@demo.dichtbij': 'demo-wijkteam2-2026',
  'toekomstmakelaar@demo.dichtbij': 'demo-toekomstmakelaar-2026',
  'coordinator@demo.dichtbij': 'demo-coordinator-2026',
  'beheerder@demo.dichtbij': 'demo-beheerder-2026',
};

export async function post(
  app: App,
  path: string,
  body: unknown,
  token?: string,
): Promise<Response> {
  return app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface Client {
  token: string;
  refreshToken: string;
  deviceId: string;
  userId: string;
  /** The device's signing key, as a real device holds it (private half non-extractable). */
  keys: CryptoKeyPair;
  recoveryKey?: string;
}

export async function newDeviceKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
}

export async function publicJwk(keys: CryptoKeyPair): Promise<DevicePublicKey> {
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  return devicePublicKeySchema.parse({ kty, crv, x, y });
}

/** A proof signed by `keys` over the message `build` makes of the timestamp and nonce. */
export async function signProof(
  keys: CryptoKeyPair,
  build: (p: { timestamp: number; nonce: string }) => string,
  timestamp = Date.now(),
): Promise<DeviceProof> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
  const signature = await crypto.subtle.sign(
    DEVICE_SIGN_ALGORITHM,
    keys.privateKey,
    new TextEncoder().encode(build({ timestamp, nonce })),
  );
  return { timestamp, nonce, signature: Buffer.from(signature).toString('base64url') };
}

/** The body of a signed sign-in by a device holding `keys`. */
export async function loginBody(email: string, deviceId: string, keys: CryptoKeyPair, at?: number) {
  return {
    email,
    password: PASSWORDS[email],
    deviceId,
    publicKey: await publicJwk(keys),
    proof: await signProof(keys, (p) => loginProofMessage(deviceId, email, p), at),
  };
}

/** The body of a refresh signed by the client's key (another token or time when given). */
export async function refreshBody(
  client: Pick<Client, 'deviceId' | 'refreshToken' | 'keys'>,
  options: { refreshToken?: string; at?: number; keys?: CryptoKeyPair } = {},
) {
  const refreshToken = options.refreshToken ?? client.refreshToken;
  return {
    deviceId: client.deviceId,
    refreshToken,
    proof: await signProof(
      options.keys ?? client.keys,
      (p) => refreshProofMessage(client.deviceId, refreshToken, p),
      options.at,
    ),
  };
}

export async function loginAs(
  app: App,
  email: string,
  deviceId: string,
  options: { keys?: CryptoKeyPair; at?: number } = {},
): Promise<Client> {
  const deviceKeys = options.keys ?? (await newDeviceKeys());
  const res = await post(
    app,
    '/api/auth/login',
    await loginBody(email, deviceId, deviceKeys, options.at),
  );
  if (res.status !== 200)
    throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as {
    accessToken: string;
    refreshToken: string;
    user: { id: string };
    recoveryKey?: string;
  };
  return {
    token: body.accessToken,
    refreshToken: body.refreshToken,
    deviceId,
    userId: body.user.id,
    keys: deviceKeys,
    ...(body.recoveryKey ? { recoveryKey: body.recoveryKey } : {}),
  };
}

let seq = 0;
export function mutation(
  partial: Partial<Mutation> & Pick<Mutation, 'entityId' | 'op' | 'payload'>,
): Mutation {
  seq += 1;
  return {
    mutationId: `m-${Date.now().toString(36)}-${seq}`,
    seq,
    entityType: 'signal',
    baseVersion: 0,
    schemaVersion: 1,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...partial,
  };
}

export async function push(app: App, client: Client, mutations: Mutation[]) {
  const res = await post(
    app,
    '/api/sync/push',
    { protocolVersion: PROTOCOL_VERSION, deviceId: client.deviceId, mutations },
    client.token,
  );
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      results: {
        status: string;
        reason?: string;
        message?: string;
        duplicate: boolean;
        conflicts?: { field: string }[];
      }[];
    },
  };
}

export async function pullAll(app: App, client: Client) {
  const changes: {
    kind: string;
    id: string;
    version: number;
    data?: Record<string, unknown>;
    deleted?: boolean;
  }[] = [];
  let cursor: number | null = null;
  let scopeVersion: number | null = null;
  for (;;) {
    const res = await post(
      app,
      '/api/sync/pull',
      {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: client.deviceId,
        cursor,
        scopeVersion,
        limit: 50,
      },
      client.token,
    );
    if (res.status !== 200) throw new Error(`pull failed ${res.status}`);
    const body = (await res.json()) as {
      changes: typeof changes;
      cursor: number;
      hasMore: boolean;
      scopeVersion: number;
    };
    changes.push(...body.changes);
    cursor = body.cursor;
    scopeVersion = body.scopeVersion;
    if (!body.hasMore) break;
  }
  return { changes, cursor };
}

/** A synthetic account for tests that create one (a wijkteam worker in wielwijk). */
export function newTestUser(id: string, teamId: string): NewUser {
  return {
    id,
    email: `${id}@demo.dichtbij`,
    name: id,
    role: 'wijkteam',
    teamId,
    organisationId: null,
    wijken: ['wielwijk'],
    passwordHash: 'x',
  };
}
