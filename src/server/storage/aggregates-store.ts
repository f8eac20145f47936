import type { Db } from './rows';
import type { AggregateCell } from './sync-storage';

export async function aggregates(db: Db, minCell: number): Promise<AggregateCell[]> {
  const rows = await db
    .selectFrom('records')
    .select(['entity_type', 'wijk', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('deleted', '=', 0)
    .groupBy(['entity_type', 'wijk', 'status'])
    .orderBy('entity_type')
    .orderBy('wijk')
    .orderBy('status')
    .execute();
  return rows.map((r) => {
    const n = Number(r.n);
    return {
      entityType: r.entity_type,
      wijk: r.wijk,
      status: r.status,
      count: n < minCell ? null : n,
    };
  });
}

export async function countRecords(db: Db): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
