import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Named (prepared) statements on every PostgreSQL connection, so the server plans a statement
 * the sync routes send all day once per connection instead of on every request. In the sync
 * bench (pg_stat_statements, 500 mutations/s for 12 s) planning took 2.8 s of the database's
 * time against 1.3 s of running; with names, 1.1 s. What is still planned is mostly the pull,
 * for which PostgreSQL keeps choosing a plan made for each call's values.
 *
 * - A statement is named by a hash of its text, so the same text is the same statement.
 * - Statements without parameters (begin, commit) stay simple queries: one message, no plan.
 * - At most `MAX_NAMED` per connection: statements whose text varies with their input (a list
 *   spelled out as `in ($1, $2, …)`) go unnamed once the connection has that many.
 * - A prepared statement whose result columns changed under it (an instance that migrated the
 *   schema while this one runs: "cached plan must not change result type") is sent again
 *   unnamed, and that connection leaves the name alone from then on.
 */
export const MAX_NAMED = 200;

/**
 * A statement that starts with this comment is never named: its best plan depends on its
 * parameters (the arrays of a push's batch read), and a plan made once without them was slower
 * than planning each time.
 */
export const PLAN_EACH_TIME = '/* plan each time */';

/** PostgreSQL's code for "cached plan must not change result type". */
const PLAN_CHANGED = '0A000';

interface ConnectionNames {
  named: Set<string>;
  retired: Set<string>;
}

function statementName(text: string): string {
  return `d${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const perConnection = new WeakMap<pg.PoolClient, ConnectionNames>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let names = perConnection.get(client);
      if (!names) {
        names = { named: new Set(), retired: new Set() };
        perConnection.set(client, names);
      }
      return preparing(client, names);
    },
    end: () => pool.end(),
  };
}

function preparing(client: pg.PoolClient, names: ConnectionNames): PostgresPoolClient {
  async function run<R>(
    text: string,
    parameters: readonly unknown[],
  ): Promise<PostgresQueryResult<R>> {
    const values = [...parameters];
    const name =
      values.length > 0 && !text.trimStart().startsWith(PLAN_EACH_TIME)
        ? statementName(text)
        : undefined;
    const usable =
      name !== undefined &&
      !names.retired.has(name) &&
      (names.named.has(name) || names.named.size < MAX_NAMED);
    if (!usable) return (await client.query(text, values)) as unknown as PostgresQueryResult<R>;
    names.named.add(name);
    try {
      return (await client.query({ name, text, values })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if ((error as { code?: unknown }).code !== PLAN_CHANGED) throw error;
      names.retired.add(name);
      // Inside a transaction the error has ended it: the caller starts over (a push retries on
      // this code, push-store.ts) and the name is not used again. Outside one, send it again.
      // 'I': idle, outside a transaction ('T' in one, 'E' in a failed one).
      if (client.getTransactionStatus() !== 'I') throw error;
      return (await client.query(text, values)) as unknown as PostgresQueryResult<R>;
    }
  }
  function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      // Cursors (streamed reads) are rare and long: sent as they are.
      return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    return run<R>(sqlOrCursor, parameters);
  }
  return { query, release: () => client.release() };
}
