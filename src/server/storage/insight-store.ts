import type { TrajectoryFact } from '../../domain/insight/toekomst-figures';
import type { PlanEvent } from '../../domain/toekomst/plan';
import type { Db } from './rows';

/**
 * The toekomstmakelaars' trajectories for the coordinator's figures (the signals' and checks'
 * counts are maintained in insight-rollup.ts).
 */

/** An event body as stored; an unreadable one counts as empty rather than failing the figures. */
function parseBody(text: string | null): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/**
 * Every trajectory with the toekomstmakelaars made before `to`, with its step and status events:
 * wijk, dates, status and the steps' statuses are read; the referral, the intake and the step's
 * reason are parsed past but never leave this function's caller as anything but counts.
 */
export async function insightTrajectories(db: Db, to: string): Promise<TrajectoryFact[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'wijk', 'status', 'created_at'])
    .where('entity_type', '=', 'toekomst')
    .where('deleted', '=', 0)
    .where('created_at', '<', to)
    .execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('events')
    .innerJoin('records', (j) =>
      j.onRef('records.id', '=', 'events.entity_id').on('records.entity_type', '=', 'toekomst'),
    )
    .select(['events.id', 'events.entity_id', 'events.kind', 'events.body', 'events.created_at'])
    .where('events.entity_type', '=', 'toekomst')
    .where('events.kind', 'in', ['step', 'status'])
    .where('records.deleted', '=', 0)
    .where('records.created_at', '<', to)
    .execute();
  const byRecord = new Map<string, PlanEvent[]>();
  for (const e of events) {
    const list = byRecord.get(e.entity_id) ?? [];
    list.push({ id: e.id, kind: e.kind, createdAt: e.created_at, body: parseBody(e.body) });
    byRecord.set(e.entity_id, list);
  }
  return rows.map((r) => ({
    wijk: r.wijk,
    createdAt: r.created_at,
    status: r.status,
    events: byRecord.get(r.id) ?? [],
  }));
}
