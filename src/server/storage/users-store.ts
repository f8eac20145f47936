import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Role, ScopeUser } from '../../domain/sync/roles';
import type { UsersTable } from './database';
import type { Db, Executor } from './rows';
import { insertAudit } from './audit-store';
import type { AuditActor, NewUser, UserRecord } from './sync-storage';

export function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    organisationId: row.organisation_id,
    wijken: JSON.parse(row.wijken) as string[],
    passwordHash: row.password_hash,
    scopeVersion: Number(row.scope_version),
    disabled: Number(row.disabled) === 1,
  };
}

export async function settingOrInit(db: Db, key: string, value: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function createUser(
  db: Db,
  user: NewUser,
  now: string,
  by?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        team_id: user.teamId,
        organisation_id: user.organisationId,
        wijken: JSON.stringify(user.wijken),
        password_hash: user.passwordHash,
        scope_version: 0,
        disabled: 0,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    if (rows.length === 0) return false;
    // In the same transaction: no account exists without the entry saying who created it.
    if (by) {
      await insertAudit(trx, [
        { ...by, at: now, entityType: 'user', entityId: user.id, action: 'create' },
      ]);
    }
    return true;
  });
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function getUser(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(toUser);
}

export async function updateUserScope(
  db: Db,
  id: string,
  scope: Pick<ScopeUser, 'role' | 'teamId' | 'wijken'>,
  by?: AuditActor & { at: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({
        role: scope.role,
        team_id: scope.teamId,
        wijken: JSON.stringify(scope.wijken),
        scope_version: sql<number>`scope_version + 1`,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    if (by) {
      const { at, ...who } = by;
      await insertAudit(trx, [{ ...who, at, entityType: 'user', entityId: id, action: 'update' }]);
    }
    return true;
  });
}
