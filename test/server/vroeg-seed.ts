import type { NewAuditEntry } from '../../src/domain/sync/audit';
import type { FieldStamps } from '../../src/domain/sync/merge';
import { flatten } from '../../src/domain/sync/merge';
import type { Mutation, PutPayload } from '../../src/domain/sync/protocol';
import { claimsImport } from '../../src/domain/vroegsignalen/server-made';
import { writeBatch } from '../../src/server/storage/batch-write';
import { updateInsightRollup } from '../../src/server/storage/insight-rollup';
import type { KyselySyncStorage } from '../../src/server/storage/kysely-storage';
import type { RecordRow } from '../../src/server/storage/rows';
import { PLACEHOLDER_BASE, realVersion } from '../../src/server/storage/working-set';
import type { App, Client } from './helpers';
import { push } from './helpers';

/**
 * Vroegsignalen for tests that need them with a chosen id, moment and scope. A device may not
 * push them (only the import makes them, see domain/vroegsignalen/server-made.ts), so they are
 * written as the import writes its new signals (vroeg-write.ts): through the push's batch writer
 * (versions, change log, audit) and the coordinator's rollup, by the server, in one
 * transaction. The owner and team are the given worker's, as if her team had received them.
 */
export async function seedImported(
  storage: KyselySyncStorage,
  owner: { userId: string; teamId: string | null },
  puts: readonly Mutation[],
  now = new Date().toISOString(),
): Promise<void> {
  if (puts.length === 0) return;
  await storage.db.transaction().execute(async (trx) => {
    const records: RecordRow[] = puts.map((m, i) => {
      const p = m.payload as PutPayload;
      const version = PLACEHOLDER_BASE + i + 1;
      const fields = flatten({
        wijk: p.wijk ?? null,
        assignedToUser: p.assignedToUser ?? null,
        assignedToTeam: p.assignedToTeam ?? null,
        data: p.data,
      });
      const stamps: FieldStamps = Object.fromEntries(
        Object.keys(fields).map((k) => [k, { v: version, d: 'import' }]),
      );
      return {
        entity_type: 'signal',
        id: m.entityId,
        owner_id: owner.userId,
        team_id: owner.teamId,
        wijk: p.wijk ?? null,
        status: p.status ?? null,
        assigned_user: p.assignedToUser ?? null,
        assigned_team: p.assignedToTeam ?? null,
        created_at: m.createdAt,
        updated_at: now,
        deleted: 0,
        version,
        data: JSON.stringify(p.data),
        stamps: JSON.stringify(stamps),
      };
    });
    const audit: NewAuditEntry[] = records.map((r) => ({
      at: now,
      userId: owner.userId,
      role: 'coordinator',
      deviceId: 'import',
      entityType: 'signal',
      entityId: r.id,
      action: 'create',
    }));
    const base = await writeBatch(trx, storage.dialect, {
      allocated: records.length,
      device: null,
      audit,
      records,
      events: [],
      moves: [],
      mutations: [],
      conflicts: [],
    });
    await updateInsightRollup(
      trx,
      records.map((r) => ({ ...r, version: realVersion(Number(r.version), base) })),
      [],
    );
  });
}

/** Whether a mutation creates a vroegsignaal (which only the import may do). */
export function createsVroegsignaal(m: Mutation): boolean {
  return (
    m.entityType === 'signal' && m.op === 'put' && claimsImport((m.payload as PutPayload).data)
  );
}

/**
 * A device's batch in which the vroegsignalen it would create are taken from the import instead
 * (seeded first, see seedImported); the rest — including a put on a record that exists by then,
 * which is an update the server judges like any other — is pushed by the device as usual.
 */
export async function pushAfterImport(
  app: App,
  storage: KyselySyncStorage,
  client: Client,
  mutations: Mutation[],
): Promise<Awaited<ReturnType<typeof push>>> {
  const user = await storage.getUser(client.userId);
  if (!user) throw new Error(`no user ${client.userId}`);
  const candidates = mutations.filter(createsVroegsignaal);
  const ids = [...new Set(candidates.map((m) => m.entityId))];
  const existing =
    ids.length === 0
      ? []
      : await storage.db
          .selectFrom('records')
          .select('id')
          .where('entity_type', '=', 'signal')
          .where('id', 'in', ids)
          .execute();
  const taken = new Set(existing.map((r) => r.id));
  const seeded = new Set<Mutation>();
  for (const m of candidates) {
    if (taken.has(m.entityId)) continue;
    taken.add(m.entityId);
    seeded.add(m);
  }
  await seedImported(storage, { userId: user.id, teamId: user.teamId }, [...seeded]);
  return push(
    app,
    client,
    mutations.filter((m) => !seeded.has(m)),
  );
}
