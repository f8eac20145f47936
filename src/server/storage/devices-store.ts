import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { DevicesTable } from './database';
import type { Db } from './rows';
import { knownStampColumns, toKnownStamps } from './catalogue-store';
import type { DeviceLogin, DeviceRecord, DeviceWithOwner, RefreshOutcome } from './sync-storage';
import { toUser } from './users-store';

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
    generation: Number(row.generation),
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

/**
 * A device with the account it is bound to, in one statement: what the auth guard reads on
 * every request. The push's known-values stamps ride along, so a push needs no read for them.
 * Undefined when the device is unknown.
 */
export async function getDeviceWithOwner(db: Db, id: string): Promise<DeviceWithOwner | undefined> {
  const row = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .selectAll('d')
    .select([
      'u.email as u_email',
      'u.name as u_name',
      'u.role as u_role',
      'u.team_id as u_team_id',
      'u.organisation_id as u_organisation_id',
      'u.wijken as u_wijken',
      'u.password_hash as u_password_hash',
      'u.scope_version as u_scope_version',
      'u.disabled as u_disabled',
      'u.created_at as u_created_at',
    ])
    .select(knownStampColumns)
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    device: toDevice(row),
    owner: toUser({
      id: row.user_id,
      email: row.u_email,
      name: row.u_name,
      role: row.u_role,
      team_id: row.u_team_id,
      organisation_id: row.u_organisation_id,
      wijken: row.u_wijken,
      password_hash: row.u_password_hash,
      scope_version: row.u_scope_version,
      disabled: row.u_disabled,
      created_at: row.u_created_at,
    }),
    stamps: toKnownStamps(row),
  };
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
): Promise<DeviceLogin> {
  // One statement, so two sign-ins racing for one id cannot both take it.
  const row = await db
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
      generation: 1,
      previous_refresh_hash: null,
      previous_refresh_until: null,
      public_key: null,
      recovery_key: null,
      proof_at: null,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({
          user_id: userId,
          refresh_hash: refreshHash,
          refresh_expires_at: refreshExpiresAt,
          revoked_at: null,
          last_seen_at: now,
          generation: sql<number>`devices.generation + 1`,
          previous_refresh_hash: null,
          previous_refresh_until: null,
        })
        .where((eb) =>
          eb.and([
            eb('devices.lost_at', 'is', null),
            eb.or([eb('devices.user_id', '=', userId), eb('devices.revoked_at', 'is not', null)]),
          ]),
        ),
    )
    .returning('generation')
    .executeTakeFirst();
  if (row) return { ok: true, generation: Number(row.generation) };
  const device = await getDevice(db, deviceId);
  return { ok: false, reason: device?.lostAt ? 'lost' : 'otherUser' };
}

export async function rotateRefresh(
  db: Db,
  deviceId: string,
  presentedHash: string,
  successorHash: string,
  refreshExpiresAt: string,
  now: string,
  reuseUntil: string,
): Promise<RefreshOutcome> {
  // Compare-and-swap in one statement, so two instances cannot both accept the same token.
  const result = await db
    .updateTable('devices')
    .set({
      refresh_hash: successorHash,
      refresh_expires_at: refreshExpiresAt,
      previous_refresh_hash: presentedHash,
      previous_refresh_until: reuseUntil,
      last_seen_at: now,
    })
    .where('id', '=', deviceId)
    .where('refresh_hash', '=', presentedHash)
    .where('revoked_at', 'is', null)
    .where('refresh_expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return 'rotated';
  const row = await db
    .selectFrom('devices')
    .select(['refresh_hash', 'previous_refresh_hash', 'previous_refresh_until', 'revoked_at'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.previous_refresh_hash !== presentedHash)
    return 'refused';
  const inWindow = row.previous_refresh_until !== null && now <= row.previous_refresh_until;
  if (inWindow && row.refresh_hash === successorHash) return 'repeated';
  // The replaced token came back too late or after its successor was used: someone else
  // holds a copy. Revoke, so neither copy keeps working.
  await revokeDevice(db, deviceId, now);
  return 'replayed';
}

export async function revokeDevice(db: Db, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({
      revoked_at: now,
      refresh_hash: null,
      refresh_expires_at: null,
      previous_refresh_hash: null,
      previous_refresh_until: null,
    })
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
      previous_refresh_hash: null,
      previous_refresh_until: null,
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
