import type { Db } from './rows';
import type { AggregateCell } from './sync-storage';

export async function aggregates(db: Db, minCell: number): Promise<AggregateCell[]> {
  const rows = await db
    .selectFrom('records')
    .select(['entity_type', 'wijk', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('deleted', '=', 0)
    .groupBy(['entity_type', 'wijk', 'status'])
    // A small cell is left out altogether: even listing it as hidden tells that 1-4 exist.
    .having((eb) => eb.fn.countAll(), '>=', minCell)
    .orderBy('entity_type')
    .orderBy('wijk')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({
    entityType: r.entity_type,
    wijk: r.wijk,
    status: r.status,
    count: Number(r.n),
  }));
}

export async function countRecords(db: Db): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
