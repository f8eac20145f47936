import { openPostgresStorage, openSqliteStorage } from './kysely-storage';
import type { KyselySyncStorage } from './kysely-storage';

export const DEFAULT_DATABASE_FILE = './.tmp/dichtbij.sqlite';

/** PostgreSQL when DATABASE_URL is set (several instances may share it), else an SQLite file. */
export function openStorageFromEnv(env: NodeJS.ProcessEnv = process.env): KyselySyncStorage {
  if (env.DATABASE_URL)
    return openPostgresStorage(env.DATABASE_URL, Number(env.DATABASE_POOL_SIZE ?? 10), {
      preparedStatements: !['0', 'off', 'false'].includes(
        (env.DATABASE_PREPARED_STATEMENTS ?? '').toLowerCase(),
      ),
    });
  return openSqliteStorage(env.DATABASE_FILE ?? DEFAULT_DATABASE_FILE);
}
