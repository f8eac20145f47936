import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { DevicesTable } from './database';
import type { Db } from './rows';
import type { DeviceRecord } from './sync-storage';

function toDevice(row: Selectable<DevicesTable>): DeviceRecord {
  return {
    id: row.id,
    userId: row.user_id,
    lastSeq: Number(row.last_seq),
    refreshHash: row.refresh_hash,
    refreshExpiresAt: row.refresh_expires_at,
    revokedAt: row.revoked_at,
    lostAt: row.lost_at,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    publicKey: row.public_key,
    recoveryKey: row.recovery_key,
    // PostgreSQL returns BIGINT as a string.
    proofAt: row.proof_at === null ? null : Number(row.proof_at),
  };
}

export async function getDevice(db: Db, id: string): Promise<DeviceRecord | undefined> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDevice(row) : undefined;
}

export async function listDevices(db: Db, userId?: string): Promise<DeviceRecord[]> {
  let query = db.selectFrom('devices').selectAll();
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  const rows = await query.orderBy('last_seen_at', 'desc').orderBy('id').execute();
  return rows.map(toDevice);
}

export async function saveDeviceLogin(
  db: Db,
  deviceId: string,
  userId: string,
  refreshHash: string,
  refreshExpiresAt: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: deviceId,
      user_id: userId,
      last_seq: 0,
      refresh_hash: refreshHash,
      refresh_expires_at: refreshExpiresAt,
      revoked_at: null,
      created_at: now,
      last_seen_at: now,
      lost_at: null,
      public_key: null,
      recovery_key: null,
      proof_at: null,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        user_id: userId,
        refresh_hash: refreshHash,
        refresh_expires_at: refreshExpiresAt,
        revoked_at: null,
        last_seen_at: now,
      }),
    )
    .execute();
}

export async function rotateRefresh(
  db: Db,
  deviceId: string,
  oldHash: string,
  newHash: string,
  refreshExpiresAt: string,
  now: string,
): Promise<boolean> {
  // Compare-and-swap in one statement, so two instances cannot both accept the same token.
  const result = await db
    .updateTable('devices')
    .set({ refresh_hash: newHash, refresh_expires_at: refreshExpiresAt, last_seen_at: now })
    .where('id', '=', deviceId)
    .where('refresh_hash', '=', oldHash)
    .where('revoked_at', 'is', null)
    .where('refresh_expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeDevice(db: Db, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: now, refresh_hash: null, refresh_expires_at: null })
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDeviceLost(db: Db, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({
      revoked_at: sql<string>`coalesce(revoked_at, ${now})`,
      lost_at: sql<string>`coalesce(lost_at, ${now})`,
      refresh_hash: null,
      refresh_expires_at: null,
    })
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bindDeviceKey(
  db: Db,
  deviceId: string,
  publicKey: string,
  recoveryKey: string,
): Promise<void> {
  // A new key starts a new proof sequence: its first proof may be older than the old key's last.
  await db
    .updateTable('devices')
    .set({ public_key: publicKey, recovery_key: recoveryKey, proof_at: null })
    .where('id', '=', deviceId)
    .execute();
}

export async function acceptDeviceProof(
  db: Db,
  deviceId: string,
  timestamp: number,
): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ proof_at: timestamp })
    .where('id', '=', deviceId)
    .where((eb) => eb.or([eb('proof_at', 'is', null), eb('proof_at', '<', timestamp)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
