import type { Generated, Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator, sql } from 'kysely';
import type { Dialect } from './migrations';

/**
 * Published rules versions (norms + eligibility rules), stored apart from the sync tables with
 * their own migrations, so this store and the record store change independently. A version's
 * body is kept once per content id; every publication is a row, and the newest publication is
 * the current version. Publishing an older version again therefore makes it current again (a
 * beheerder can undo a mistake), which a unique "version" column alone would not allow.
 */

export interface StoredRulesVersion {
  id: string;
  label: string;
  /** The validated JSON text, served as is. */
  body: string;
  publishedAt: string;
}

export interface RulesVersionStore {
  migrate(): Promise<void>;
  current(): Promise<StoredRulesVersion | undefined>;
  /** Only the id: asked on every pull, so devices learn about a new version without its body. */
  currentId(): Promise<string | undefined>;
  /** Makes this version current; false when it already was. */
  publish(id: string, label: string, body: string, by: string, now: string): Promise<boolean>;
}

type RulesVersionsTable = {
  id: string;
  label: string;
  body: string;
  created_at: string;
};

type RulesPublicationsTable = {
  seq: Generated<number>;
  id: string;
  published_at: string;
  published_by: string;
};

type RulesTables = {
  rules_versions: RulesVersionsTable;
  rules_publications: RulesPublicationsTable;
};

const VERSIONS = `CREATE TABLE rules_versions (
  id TEXT PRIMARY KEY, label TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)`;

const STEPS: Record<Dialect, Record<string, readonly string[]>> = {
  sqlite: {
    '001-rules-versions': [
      VERSIONS,
      `CREATE TABLE rules_publications (
         seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL REFERENCES rules_versions(id),
         published_at TEXT NOT NULL, published_by TEXT NOT NULL)`,
    ],
  },
  postgres: {
    '001-rules-versions': [
      VERSIONS,
      `CREATE TABLE rules_publications (
         seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         id TEXT NOT NULL REFERENCES rules_versions(id),
         published_at TEXT NOT NULL, published_by TEXT NOT NULL)`,
    ],
  },
};

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(STEPS[dialect]).map(([name, statements]): [string, Migration] => [
          name,
          {
            async up(db: Kysely<unknown>) {
              for (const statement of statements) await sql.raw(statement).execute(db);
            },
          },
        ]),
      );
    },
  };
}

class KyselyRulesVersionStore implements RulesVersionStore {
  private readonly db: Kysely<RulesTables>;

  constructor(
    private readonly dialect: Dialect,
    db: Kysely<RulesTables>,
  ) {
    this.db = db;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: provider(this.dialect),
      // Its own bookkeeping tables: the record store's migration list stays untouched.
      migrationTableName: 'rules_migrations',
      migrationLockTableName: 'rules_migrations_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('Rules migration failed');
  }

  private latest() {
    return this.db
      .selectFrom('rules_publications')
      .select(['id', 'published_at'])
      .orderBy('seq', 'desc')
      .limit(1);
  }

  async currentId(): Promise<string | undefined> {
    return (await this.latest().executeTakeFirst())?.id;
  }

  async current(): Promise<StoredRulesVersion | undefined> {
    const latest = await this.latest().executeTakeFirst();
    if (!latest) return undefined;
    const row = await this.db
      .selectFrom('rules_versions')
      .select(['id', 'label', 'body'])
      .where('id', '=', latest.id)
      .executeTakeFirst();
    return row && { ...row, publishedAt: latest.published_at };
  }

  async publish(id: string, label: string, body: string, by: string, now: string) {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') {
        // Two beheerders publishing at once: one after the other, so "already current" is true.
        await sql`LOCK TABLE rules_publications IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
      }
      await trx
        .insertInto('rules_versions')
        .values({ id, label, body, created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const latest = await trx
        .selectFrom('rules_publications')
        .select('id')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest?.id === id) return false;
      await trx
        .insertInto('rules_publications')
        .values({ id, published_at: now, published_by: by })
        .execute();
      return true;
    });
  }
}

/** On the record store's connection (`storage.db`): the same database, transactions and pool. */
export function openRulesVersionStore<DB>(dialect: Dialect, db: Kysely<DB>): RulesVersionStore {
  // Only this module's own tables are queried, so the connection is typed as holding just them.
  return new KyselyRulesVersionStore(dialect, db.withTables<RulesTables>() as Kysely<RulesTables>);
}

/**
 * The store with the current id kept for `ttlMs`: every pull names it, and a rules version is
 * published a few times a year. A publication through this instance is named at once; one
 * through another instance reaches its pulls within `ttlMs`, and a device that hears of it a
 * few seconds later loses nothing (it fetches the new version on a later pull).
 */
export function withCachedCurrentId(
  store: RulesVersionStore,
  ttlMs: number,
  clock: () => number = Date.now,
): RulesVersionStore {
  let cached: { id: string | undefined; until: number } | undefined;
  return {
    migrate: () => store.migrate(),
    current: () => store.current(),
    async currentId() {
      if (cached && clock() < cached.until) return cached.id;
      const until = clock() + ttlMs;
      const id = await store.currentId();
      cached = { id, until };
      return id;
    },
    async publish(...args) {
      try {
        return await store.publish(...args);
      } finally {
        // Also after a failure: a read during the publication may have kept the old id.
        cached = undefined;
      }
    },
  };
}
