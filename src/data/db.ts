import Dexie, { type EntityTable } from 'dexie';
import type {
  Fundament,
  Indicator,
  Organisation,
  Programme,
  Regeling,
  Wijk,
} from '../domain/catalogue/schema';
import type { EntityType, MutationOp, RecordIndex } from '../domain/records/record-schema';
import type { Conflict } from '../domain/sync/protocol';
import type { QuickCheckTally } from '../domain/spreekuur/tally';

/** A personal record on the device: index fields in the clear, the rest in `data` (encrypted later). */
export interface StoredRecord extends RecordIndex {
  data: unknown;
}

/** One local change waiting to be pushed; written in the same transaction as the record. */
export interface OutboxEntry {
  seq?: number;
  mutationId: string;
  entityType: EntityType;
  entityId: string;
  op: MutationOp;
  baseVersion: number;
  /** The changed fields (put: the whole record data; event: the event). */
  payload: unknown;
  schemaVersion: number;
  createdAt: string;
  attempts: number;
  lastError?: string;
  /** List and scope fields of the record at write time (put: all; patch: those that changed). */
  meta?: OutboxMeta;
  /** put over a record the device already had: the data fields that changed, so others' edits stay. */
  changedFields?: string[];
}

export interface OutboxMeta {
  wijk?: string | null;
  status?: string | null;
  assignedToUser?: string | null;
  assignedToTeam?: string | null;
}

/** An append-only event on a record (status change, note, history); version 0 until synced. */
export interface LocalEvent {
  id: string;
  entityType: EntityType;
  entityId: string;
  kind: string;
  status?: string;
  body?: unknown;
  createdAt: string;
  createdBy?: string;
  version: number;
}

/**
 * A value of this device that lost against another device's edit; a person decides. Both
 * values are personal data, so they are stored sealed (`values`), like record data.
 */
export type StoredConflict = Omit<Conflict, 'serverValue' | 'clientValue'> & { values: unknown };

/** A write the server refused, kept with its reason so the worker can fix and resend it. */
export interface RejectedEntry {
  mutationId: string;
  entityType: EntityType;
  entityId: string;
  entry: OutboxEntry;
  reason: string;
  message?: string;
  rejectedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** Text typed into a form that has not been saved yet, kept so an update or reload loses nothing. */
export interface DraftEntry {
  key: string;
  value: unknown;
  updatedAt: string;
}

/**
 * An anonymous quick check's tally waiting to be sent (issue 16): ids from fixed lists only, no
 * resident (domain/spreekuur/tally.ts), so it is kept in the clear. `sent` is 0 until the server
 * has it (an index cannot hold a missing value); sent tallies stay for the evening's overview.
 */
export interface TallyEntry {
  id: string;
  day: string;
  sent: 0 | 1;
  tally: QuickCheckTally;
}

export const DB_NAME = 'dichtbij';

export class DichtbijDb extends Dexie {
  meta!: EntityTable<MetaEntry, 'key'>;
  fundamenten!: EntityTable<Fundament, 'id'>;
  programmes!: EntityTable<Programme, 'id'>;
  regelingen!: EntityTable<Regeling, 'id'>;
  organisations!: EntityTable<Organisation, 'id'>;
  wijken!: EntityTable<Wijk, 'id'>;
  indicators!: EntityTable<Indicator, 'id'>;
  checks!: EntityTable<StoredRecord, 'id'>;
  signals!: EntityTable<StoredRecord, 'id'>;
  toekomst!: EntityTable<StoredRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  drafts!: EntityTable<DraftEntry, 'key'>;
  events!: EntityTable<LocalEvent, 'id'>;
  conflicts!: EntityTable<StoredConflict, 'id'>;
  rejected!: EntityTable<RejectedEntry, 'mutationId'>;
  tallies!: EntityTable<TallyEntry, 'id'>;

  constructor(name: string = DB_NAME) {
    // Strict durability: a write acknowledged to a worker must survive a power loss.
    super(name, { chromeTransactionDurability: 'strict' });
    // Keep every version declaration: devices upgrade from whichever one they have.
    this.version(1).stores({
      meta: 'key',
      fundamenten: 'id',
      programmes: 'id, kind',
      regelingen: 'id, kind',
      organisations: 'id',
      wijken: 'id',
      indicators: 'id, programme',
      checks: 'id, updatedAt, status, wijk, createdBy',
      // Lists filter by intersecting the keys of these indexes (see repositories/signals.ts).
      signals:
        'id, updatedAt, status, wijk, createdBy, assignedToUser, assignedToTeam, category, urgency, dueAt',
      outbox: '++seq, &mutationId, [entityType+entityId]',
      drafts: 'key',
    });
    // Sync: events (append-only history), conflicts to resolve and writes the server refused.
    this.version(2).stores({
      events: 'id, [entityType+entityId], version',
      conflicts: 'id, [entityType+entityId], createdAt',
      rejected: 'mutationId, [entityType+entityId], rejectedAt',
    });
    // Toekomstmakelaars: a resident's trajectory (referral, toekomstgesprek; the plan is events).
    this.version(3).stores({
      toekomst: 'id, updatedAt, status, wijk, createdBy, assignedToUser, assignedToTeam, dueAt',
    });
    // Issue 10: sessions stored before device keys held the tokens in the clear. Drop them; the
    // worker signs in once more (which registers the device key) and nothing else is touched.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const meta = tx.table<MetaEntry, string>('meta');
        const row = await meta.get('sync.session');
        const value = row?.value as { refreshToken?: unknown } | undefined;
        if (value && typeof value === 'object' && 'refreshToken' in value) {
          const { user, deviceId } = value as { user: unknown; deviceId: unknown };
          await meta.put({ key: 'sync.session', value: { user, deviceId, needsLogin: true } });
        }
      });
    // Issue 16: anonymous quick checks' tallies (not personal), queued until sent.
    this.version(5).stores({ tallies: 'id, day, sent' });
  }
}

/*
 * Several workers on one shared tablet (issue 16): each has her own database (her own records,
 * outbox, keyring, session and strike count); `dichtbij` stays the first worker's, so nothing
 * moves on a device that had one worker. `db()` is the ACTIVE worker's database; the app remounts
 * its tree when the active one changes (see src/data/workers/switch.ts), so no live query keeps
 * reading the previous one. Other workers' handles stay open for their background sync only.
 */
const handles = new Map<string, DichtbijDb>();
let activeName = DB_NAME;
let instance: DichtbijDb | undefined;

/** The app's database: the active worker's. Tests may swap it for a fresh one with `useDb`. */
export function db(): DichtbijDb {
  instance ??= workerDb(activeName);
  return instance;
}

export function useDb(next: DichtbijDb): void {
  handles.set(next.name, next);
  activeName = next.name;
  instance = next;
}

/** The (one) open handle of a worker's database on this device, by its name. */
export function workerDb(name: string): DichtbijDb {
  let handle = handles.get(name);
  if (!handle) {
    handle = new DichtbijDb(name);
    handles.set(name, handle);
  }
  return handle;
}

/** Makes `name` the database `db()` returns; the caller remounts what reads it. */
export function setActiveDbName(name: string): DichtbijDb {
  activeName = name;
  instance = workerDb(name);
  return instance;
}

export function activeDbName(): string {
  return activeName;
}

/** Forgets a handle (after its database was deleted); the next `workerDb` opens a new one. */
export function dropHandle(name: string): void {
  handles.get(name)?.close();
  handles.delete(name);
  if (instance?.name === name) instance = undefined;
}

/** Whether this browser can store data at all (private modes and broken profiles may not). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}
