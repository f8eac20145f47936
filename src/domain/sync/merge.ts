import type { PatchPayload, PutPayload, RecordData } from './protocol';

type Json = RecordData[string];

/** Who last changed a field and at which server version; kept per field on the server. */
export interface FieldStamp {
  /** Server version of the change. */
  v: number;
  /** Device that made it: a device's later write has always seen its own earlier ones. */
  d: string;
}
export type FieldStamps = Record<string, FieldStamp>;

/** The mergeable fields of a record, flattened: `wijk`, `assignedToUser`, `assignedToTeam`, `data.<name>`. */
export type FlatFields = Record<string, Json>;

export const META_FIELDS = ['wijk', 'assignedToUser', 'assignedToTeam'] as const;
const DATA_PREFIX = 'data.';

export interface MergeableRecord {
  wijk: string | null;
  assignedToUser: string | null;
  assignedToTeam: string | null;
  data: RecordData;
}

export function flatten(record: MergeableRecord): FlatFields {
  const out: FlatFields = {};
  for (const key of META_FIELDS) {
    const value = record[key];
    if (value !== null) out[key] = value;
  }
  for (const [key, value] of Object.entries(record.data)) {
    if (value !== null) out[DATA_PREFIX + key] = value;
  }
  return out;
}

export function unflatten(fields: FlatFields): MergeableRecord {
  const data: RecordData = {};
  const meta = { wijk: null, assignedToUser: null, assignedToTeam: null } as Record<
    (typeof META_FIELDS)[number],
    string | null
  >;
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith(DATA_PREFIX)) data[key.slice(DATA_PREFIX.length)] = value;
    else if ((META_FIELDS as readonly string[]).includes(key) && typeof value === 'string') {
      meta[key as (typeof META_FIELDS)[number]] = value;
    }
  }
  return { ...meta, data };
}

/**
 * The fields a write means to set, flattened; null means "clear". A put without `changed`
 * also clears the data fields it no longer has, since it carries the whole record.
 */
export function intendedChanges(
  op: { op: 'put'; payload: PutPayload } | { op: 'patch'; payload: PatchPayload },
  current: FlatFields,
): Record<string, Json | null> {
  const changes: Record<string, Json | null> = {};
  const payload = op.payload;
  for (const key of META_FIELDS) {
    const value = payload[key];
    if (value !== undefined) changes[key] = value;
  }
  const data = payload.data ?? {};
  if (op.op === 'put' && op.payload.changed === undefined) {
    for (const key of Object.keys(current)) {
      if (key.startsWith(DATA_PREFIX)) changes[key] = null;
    }
  }
  const keys = op.op === 'put' && op.payload.changed ? op.payload.changed : Object.keys(data);
  for (const key of keys) changes[DATA_PREFIX + key] = data[key] ?? null;
  return changes;
}

/** JSON equality that ignores key order; both sides come from JSON so nothing else can occur. */
export function jsonEqual(a: Json | null | undefined, b: Json | null | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: Json | null): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`).join(',')}}`;
}

export interface FieldConflict {
  field: string;
  serverValue: Json | null;
  clientValue: Json | null;
}

export interface MergeDecision {
  /** Fields to write (null: remove). */
  apply: Record<string, Json | null>;
  /** Fields the server keeps its own value for; the device's value is reported, never dropped. */
  conflicts: FieldConflict[];
}

/**
 * Per-field three-way merge. A field is the device's to change when nobody else changed it
 * since the device's base version; otherwise the server keeps what arrived first and the
 * device's value becomes a conflict. Equal values never conflict. Pure and deterministic:
 * the same inputs in the same arrival order give the same result on every server instance.
 */
export function mergeFields(input: {
  current: FlatFields;
  stamps: FieldStamps;
  baseVersion: number;
  deviceId: string;
  changes: Record<string, Json | null>;
}): MergeDecision {
  const apply: Record<string, Json | null> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(input.changes).sort()) {
    const clientValue = input.changes[field] ?? null;
    const serverValue = input.current[field] ?? null;
    if (jsonEqual(serverValue, clientValue)) continue;
    if (isConcurrent(input.stamps[field], input.baseVersion, input.deviceId)) {
      conflicts.push({ field, serverValue, clientValue });
    } else {
      apply[field] = clientValue;
    }
  }
  return { apply, conflicts };
}

function isConcurrent(stamp: FieldStamp | undefined, baseVersion: number, deviceId: string) {
  return stamp !== undefined && stamp.v > baseVersion && stamp.d !== deviceId;
}

/** A delete loses against an edit made elsewhere since the device's base: the edit is kept. */
export function deleteConflicts(
  stamps: FieldStamps,
  baseVersion: number,
  deviceId: string,
): string[] {
  return Object.entries(stamps)
    .filter(([, stamp]) => isConcurrent(stamp, baseVersion, deviceId))
    .map(([field]) => field)
    .sort();
}

/** Applies a merge decision to flattened fields and stamps, returning new objects. */
export function applyDecision(
  current: FlatFields,
  stamps: FieldStamps,
  apply: Record<string, Json | null>,
  stamp: FieldStamp,
): { fields: FlatFields; stamps: FieldStamps } {
  const fields: FlatFields = { ...current };
  const nextStamps: FieldStamps = { ...stamps };
  for (const [field, value] of Object.entries(apply)) {
    if (value === null) Reflect.deleteProperty(fields, field);
    else fields[field] = value;
    nextStamps[field] = stamp;
  }
  return { fields, stamps: nextStamps };
}
