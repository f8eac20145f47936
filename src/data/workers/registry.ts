import Dexie, { type EntityTable } from 'dexie';
import type { PublicUser, Role } from '../../domain/sync/roles';
import { log } from '../log';

/**
 * The workers who signed in on this device (issue 16: a shared tablet at the spreekuur). Each
 * has her own database; this small device-level database only says whose database is which
 * and whose is active. It holds public user facts only (the same ones her session row shows
 * in the clear): never a token, password, PIN or key.
 */

export const DEVICE_DB_NAME = 'dichtbij-device';
/** New workers get a database of their own; `dichtbij` stays the first (or only) worker's. */
export const WORKER_DB_PREFIX = 'dichtbij-w-';

export interface WorkerEntry {
  dbName: string;
  userId: string;
  name: string;
  role: Role;
  /** To send a worker who signs in again on this tablet to her own database. */
  email: string;
  lastActiveAt: string;
}

interface DeviceRow {
  key: string;
  value: string;
}

const ACTIVE_KEY = 'active';

class DeviceDb extends Dexie {
  workers!: EntityTable<WorkerEntry, 'dbName'>;
  device!: EntityTable<DeviceRow, 'key'>;

  constructor() {
    super(DEVICE_DB_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ workers: 'dbName, userId, lastActiveAt', device: 'key' });
  }
}

let instance: DeviceDb | undefined;
function deviceDb(): DeviceDb {
  instance ??= new DeviceDb();
  return instance;
}

/** For tests: forget the handle after the database was deleted. */
export async function deleteDeviceRegistry(): Promise<void> {
  instance?.close();
  instance = undefined;
  await Dexie.delete(DEVICE_DB_NAME);
}

export function newWorkerDbName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return WORKER_DB_PREFIX + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The workers of this device, the one active most recently first. */
export async function listWorkers(): Promise<WorkerEntry[]> {
  return (await deviceDb()
    .workers.orderBy('lastActiveAt')
    .reverse()
    .toArray()) satisfies WorkerEntry[];
}

export async function findWorker(dbName: string): Promise<WorkerEntry | undefined> {
  return deviceDb().workers.get(dbName);
}

/** The registered worker with this e-mail address (case-insensitive), if any. */
export async function findWorkerByEmail(email: string): Promise<WorkerEntry | undefined> {
  const wanted = email.trim().toLowerCase();
  return (await deviceDb().workers.toArray()).find((w) => w.email.toLowerCase() === wanted);
}

/** Adds or updates the worker signed in on `dbName`; one database per user on this device. */
export async function registerWorker(dbName: string, user: PublicUser): Promise<void> {
  const d = deviceDb();
  await d.transaction('rw', d.workers, async () => {
    await d.workers
      .where('userId')
      .equals(user.id)
      .and((w) => w.dbName !== dbName)
      .delete();
    await d.workers.put({
      dbName,
      userId: user.id,
      name: user.name,
      role: user.role,
      email: user.email,
      lastActiveAt: new Date().toISOString(),
    });
  });
}

export async function touchWorker(dbName: string): Promise<void> {
  await deviceDb().workers.update(dbName, { lastActiveAt: new Date().toISOString() });
}

/** After her logout or a wipe of her database: she no longer appears on this tablet. */
export async function forgetWorker(dbName: string): Promise<void> {
  try {
    await deviceDb().workers.delete(dbName);
  } catch (e) {
    // No device registry (no IndexedDB): nothing listed her.
    log.warn('workers.forget-failed', { name: e instanceof Error ? e.name : 'unknown' });
  }
}

/** The database that was active when the app last ran; undefined on a device with one worker. */
export async function readActiveDbName(): Promise<string | undefined> {
  return (await deviceDb().device.get(ACTIVE_KEY))?.value;
}

export async function writeActiveDbName(dbName: string): Promise<void> {
  await deviceDb().device.put({ key: ACTIVE_KEY, value: dbName });
}
