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

/** Only the version: a pull compares it and must not read the (large) body to do so. */
export async function currentCatalogueVersion(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('catalogue_versions')
    .select('version')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version ?? null;
}
