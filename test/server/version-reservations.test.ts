import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain/sync/protocol';
import { seedDemoUsers } from '../../src/server/seed';
import { writeBatch } from '../../src/server/storage/batch-write';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { Actor } from '../../src/server/storage/sync-storage';
import {
  ReservationLost,
  STALE_AFTER_MS,
  reserveVersions,
} from '../../src/server/storage/version-reservations';
import { openStore } from './helpers';

/**
 * PostgreSQL pushes reserve their versions in a short transaction of their own and end the
 * reservation when they write (issue 11). What must hold: a pull never serves a version at or
 * above an open reservation (a push that took lower versions may still commit), a reservation
 * left by a push that died stops holding pulls back once it is stale, and a push whose
 * reservation was swept writes nothing.
 */

let storage: KyselySyncStorage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

async function signalStore(): Promise<{ storage: KyselySyncStorage; actor: Actor; url: string }> {
  const opened = await openStore('postgres');
  storage = opened.storage;
  await seedDemoUsers(storage);
  const user = await storage.getUser('demo-wijkteam');
  if (!user) throw new Error('no demo-wijkteam');
  return { storage, actor: { user, deviceId: 'reservations-device' }, url: opened.url };
}

let seq = 0;
function creates(count: number): Mutation[] {
  return Array.from({ length: count }, () => {
    seq += 1;
    return {
      mutationId: `res-m-${seq}`,
      seq,
      entityType: 'signal' as const,
      entityId: `res-r-${seq}`,
      baseVersion: 0,
      schemaVersion: 1,
      createdAt: '2026-11-20T10:00:00.000Z',
      op: 'put' as const,
      payload: { wijk: 'wielwijk', data: { n: seq } },
    };
  });
}

const now = () => new Date().toISOString();

describe('version reservations on postgres', () => {
  it('serves nothing at or above an open reservation, and sweeps it once a dead push left it stale', async () => {
    const { storage, actor } = await signalStore();
    await storage.push(actor, creates(3), now());
    // A push on another instance took the next versions and died before writing them.
    const dead = await reserveVersions(storage.db, 2);
    await storage.push(actor, creates(4), now());

    const held = await storage.pull(actor, null, 100);
    expect(held.changes.map((c) => c.version)).toEqual([1, 2, 3]);
    expect(held.cursor).toBe(dead);
    expect(held.hasMore).toBe(false);

    // Still fresh: the next pull waits too.
    expect((await storage.pull(actor, held.cursor, 100)).changes).toEqual([]);

    await sql`update version_reservations set reserved_at = reserved_at - ${STALE_AFTER_MS + 1_000}::bigint`.execute(
      storage.db,
    );
    // This pull still stops below the reservation it saw, then sweeps it.
    const sweeping = await storage.pull(actor, held.cursor, 100);
    expect(sweeping.changes).toEqual([]);
    const open = await sql<{ n: string }>`select count(*) as n from version_reservations`.execute(
      storage.db,
    );
    expect(Number(open.rows[0]?.n)).toBe(0);

    const after = await storage.pull(actor, sweeping.cursor, 100);
    expect(after.changes.map((c) => c.version)).toEqual([6, 7, 8, 9]);
    // Nothing was ever written with the dead push's versions.
    expect(after.changes.some((c) => c.version === dead + 1 || c.version === dead + 2)).toBe(false);
  });

  it('leaves no reservation behind after pushes, so pulls reach the counter', async () => {
    const { storage, actor } = await signalStore();
    await Promise.all([1, 2, 3, 4].map((n) => storage.push(actor, creates(n), now())));
    const open = await sql<{ n: string }>`select count(*) as n from version_reservations`.execute(
      storage.db,
    );
    expect(Number(open.rows[0]?.n)).toBe(0);
    const page = await storage.pull(actor, null, 100);
    expect(page.changes).toHaveLength(10);
    expect(page.cursor).toBe(10);
  });

  it('does not hang when a server-side writer holds the counter and waits for a record the push has locked', async () => {
    const { storage, actor, url } = await signalStore();
    const [created] = creates(1);
    await storage.push(actor, [created!], now());
    seq += 1;
    const patch: Mutation = {
      ...created!,
      mutationId: `res-m-${seq}`,
      seq,
      baseVersion: 1,
      op: 'patch',
      payload: { data: { n: seq } },
    };
    // A vroegsignalen import or retention run: it takes the counter in its transaction and
    // then updates a record, on a connection of its own.
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      await writer.query('begin');
      await writer.query(`select value from counters where name = 'version' for update`);
      // The push locks the record, then waits for its versions behind the writer.
      const pushing = storage.push(actor, [patch], now());
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Now the writer waits for the push's record: a cycle PostgreSQL cannot see, because
      // the push waits on its reservation connection. The reservation must give up.
      const writing = writer
        .query(`update records set updated_at = updated_at where id = $1`, [created!.entityId])
        .then(() => writer.query('commit'));
      const [answer] = await Promise.all([pushing, writing]);
      expect(answer.results.map((r) => r.status)).toEqual(['applied']);
    } finally {
      await writer.end();
    }
  }, 20_000);

  it('writes nothing with versions whose reservation was swept', async () => {
    const { storage, actor } = await signalStore();
    const base = await reserveVersions(storage.db, 1);
    await sql`delete from version_reservations`.execute(storage.db);
    const row = {
      entity_type: 'signal',
      id: 'swept-record',
      owner_id: actor.user.id,
      team_id: actor.user.teamId,
      wijk: 'wielwijk',
      status: null,
      assigned_user: null,
      assigned_team: null,
      created_at: now(),
      updated_at: now(),
      deleted: 0,
      version: base + 1,
      data: '{}',
      stamps: '{}',
    };
    await expect(
      storage.db.transaction().execute((trx) =>
        writeBatch(
          trx,
          'postgres',
          {
            allocated: 1,
            device: null,
            audit: [],
            records: [row],
            events: [],
            moves: [],
            mutations: [],
            conflicts: [],
          },
          base,
        ),
      ),
    ).rejects.toBeInstanceOf(ReservationLost);
    const written = await storage.db
      .selectFrom('records')
      .select('id')
      .where('id', '=', 'swept-record')
      .execute();
    expect(written).toEqual([]);
  });
});
