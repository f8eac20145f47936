import type { Dialect } from './migrations';
import type { Db, Executor } from './rows';
import { lockCounter } from './rows';
import type { StoredCatalogue } from './sync-storage';

export async function currentCatalogue(db: Db): Promise<StoredCatalogue | undefined> {
  const row = await db
    .selectFrom('catalogue_versions')
    .select(['version', 'body', 'published_at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, body: row.body, publishedAt: row.published_at } : undefined;
}

export async function publishCatalogue(
  db: Db,
  dialect: Dialect,
  version: string,
  body: string,
  by: string,
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const seq = await lockCounter(dialect, trx, 'catalogue');
    const exists = await trx
      .selectFrom('catalogue_versions')
      .select('seq')
      .where('version', '=', version)
      .executeTakeFirst();
    if (exists) return false;
    await trx
      .insertInto('catalogue_versions')
      .values({ seq: seq + 1, version, body, published_at: now, published_by: by })
      .execute();
    await trx
      .updateTable('counters')
      .set({ value: seq + 1 })
      .where('name', '=', 'catalogue')
      .execute();
    return true;
  });
}

/**
 * What the push's field check caches by, in one read: the current catalogue's version and the
 * accounts' stamp (raised by a trigger on every change to `users`, migration 015).
 */
export async function readKnownStamps(
  db: Executor,
): Promise<{ catalogueVersion: string | null; directory: number | null }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('catalogue_versions')
        .select('version')
        .orderBy('seq', 'desc')
        .limit(1)
        .as('catalogue_version'),
      eb.selectFrom('counters').select('value').where('name', '=', 'directory').as('directory'),
    ])
    .executeTakeFirstOrThrow();
  return {
    catalogueVersion: row.catalogue_version ?? null,
    directory: row.directory === null ? null : Number(row.directory),
  };
}
