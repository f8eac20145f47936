import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import { openPostgresStorage } from '../../src/server/storage/kysely-storage';
import { MAX_NAMED, PLAN_EACH_TIME } from '../../src/server/storage/prepared-statements';
import { freshDatabase } from './postgres';
import { pgAdminUrl } from './helpers';

/**
 * Named statements on PostgreSQL (issue 11: planning took more of the database's time than
 * running the sync routes' statements). One connection, so every statement meets the same
 * session and `pg_prepared_statements` shows what it holds.
 */
describe('prepared statements on PostgreSQL', () => {
  const opened: KyselySyncStorage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function oneConnection(preparedStatements = true) {
    const url = await freshDatabase(pgAdminUrl());
    const storage = openPostgresStorage(url, 1, { preparedStatements });
    opened.push(storage);
    await storage.migrate();
    const held = async () =>
      (
        await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
          storage.db,
        )
      ).rows.map((r) => r.statement);
    return { storage, url, held };
  }

  it('names a statement with parameters once per connection, and leaves begin, commit and plan-each-time statements unnamed', async () => {
    const { storage, held } = await oneConnection();
    for (let i = 0; i < 3; i += 1) {
      await storage.getUser('nobody');
      await storage.db.transaction().execute(async (trx) => {
        await sql`${sql.raw(PLAN_EACH_TIME)} select ${i}::int as n`.execute(trx);
      });
    }
    const statements = await held();
    expect(statements.filter((s) => s.includes('from "users"'))).toHaveLength(1);
    expect(statements.some((s) => s.includes(PLAN_EACH_TIME))).toBe(false);
    expect(statements.some((s) => /^\s*(begin|commit)\s*$/i.test(s))).toBe(false);
  });

  it('names none when switched off (for a pooler in transaction mode)', async () => {
    const { storage, held } = await oneConnection(false);
    await storage.getUser('nobody');
    await storage.getUser('nobody');
    expect(await held()).toEqual([]);
  });

  it('holds at most MAX_NAMED per connection, and the rest still run', async () => {
    const { storage, held } = await oneConnection();
    for (let i = 0; i < MAX_NAMED + 5; i += 1) {
      const { rows } = await sql<{
        n: number;
      }>`select ${i}::int + ${sql.raw(String(i))} as n`.execute(storage.db);
      expect(rows[0]?.n).toBe(2 * i);
    }
    expect((await held()).length).toBe(MAX_NAMED);
  });

  it('survives another instance changing a table under a prepared statement', async () => {
    const { storage, url } = await oneConnection();
    await sql`create table probe (id int primary key, a text)`.execute(storage.db);
    await sql`insert into probe values (1, 'x')`.execute(storage.db);
    const read = () => sql<Record<string, unknown>>`select * from probe where id = ${1}`;
    const readInTransaction = () =>
      sql<Record<string, unknown>>`select * from probe where id = ${1} and a is not null`;
    expect((await read().execute(storage.db)).rows[0]).toEqual({ id: 1, a: 'x' });
    await storage.db.transaction().execute((trx) => readInTransaction().execute(trx));

    // Another instance migrates: the prepared statements' result columns change under them.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query(`alter table probe add column b text default 'y'`);
    await other.end();

    // Outside a transaction it is sent again, unnamed, at once.
    expect((await read().execute(storage.db)).rows[0]).toEqual({ id: 1, a: 'x', b: 'y' });

    // Inside one the transaction is over: the caller starts again, and then it works.
    const failed = storage.db.transaction().execute((trx) => readInTransaction().execute(trx));
    await expect(failed).rejects.toMatchObject({ code: '0A000' });
    const again = await storage.db.transaction().execute((trx) => readInTransaction().execute(trx));
    expect(again.rows[0]).toEqual({ id: 1, a: 'x', b: 'y' });
  });
});
