import type { Db } from './rows';
import type { LoginAttemptTimes } from './sync-storage';

export async function recordLoginAttempt(
  db: Db,
  attemptId: string,
  keys: readonly string[],
  at: string,
  since: string,
): Promise<LoginAttemptTimes> {
  // No transaction on purpose: the insert must be visible to parallel attempts before they count.
  await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ id: attemptId, key, at })))
    .execute();
  await db.deleteFrom('login_attempts').where('at', '<', since).execute();
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', 'at'])
    .where('key', 'in', [...keys])
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
  const times: LoginAttemptTimes = Object.fromEntries(keys.map((k) => [k, []]));
  for (const row of rows) times[row.key]?.push(row.at);
  return times;
}

export async function forgetLoginAttempt(db: Db, attemptId: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
}

export async function clearLoginAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
