import { sql } from 'kysely';
import type { Dialect } from './migrations';
import type { Db, Executor } from './rows';
import { lockCounter } from './rows';
import type { KnownStamps, StoredCatalogue } from './sync-storage';

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
 * The two stamps as scalar subqueries, so a statement that reads something else anyway (the
 * auth guard's device and account) carries them without a round trip of their own. Plain SQL:
 * the same text on both dialects, in any query's select list.
 */
export const knownStampColumns = [
  sql<string | null>`(select version from catalogue_versions order by seq desc limit 1)`.as(
    'stamp_catalogue_version',
  ),
  sql<number | string | null>`(select value from counters where name = 'directory')`.as(
    'stamp_directory',
  ),
] as const;

export function toKnownStamps(row: {
  stamp_catalogue_version: string | null;
  stamp_directory: number | string | bigint | null;
}): KnownStamps {
  return {
    catalogueVersion: row.stamp_catalogue_version ?? null,
    directory: row.stamp_directory === null ? null : Number(row.stamp_directory),
  };
}

/**
 * What the push's field check caches by, in one read: the current catalogue's version and the
 * accounts' stamp (raised by a trigger on every change to `users`, migration 015).
 */
export async function readKnownStamps(db: Executor): Promise<KnownStamps> {
  return toKnownStamps(await db.selectNoFrom(knownStampColumns).executeTakeFirstOrThrow());
}
