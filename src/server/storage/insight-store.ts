import { z } from 'zod';
import type { CheckFact, SignalFact } from '../../domain/insight/figures';
import { doelgroepSchema, takeUpStatusSchema } from '../../domain/insight/take-up';
import type { TrajectoryFact } from '../../domain/insight/toekomst-figures';
import type { PlanEvent } from '../../domain/toekomst/plan';
import type { Db } from './rows';

/**
 * The facts behind the coordinator's figures: for records made in [from, to), only what is
 * counted (wijk, category, urgency, status, dates, the author's role, regeling ids). Names,
 * notes and answers are never read out of the stored data.
 */

const signalFacts = z.object({
  category: z.string().max(64).optional().catch(undefined),
  urgency: z.string().max(64).optional().catch(undefined),
});
const checkFacts = z.object({
  suggested: z.array(z.string().max(64)).optional().catch(undefined),
  takeUp: z
    .record(z.string(), z.object({ status: takeUpStatusSchema }).loose())
    .optional()
    .catch(undefined),
  doelgroepen: z.array(doelgroepSchema).optional().catch(undefined),
});
const contactBody = z.object({ contactAt: z.string().optional() }).loose();
const helpBody = z.object({ help: z.enum(['aanvaard', 'geweigerd']).optional() }).loose();

function parse(text: string | null): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

export async function insightSignals(db: Db, from: string, to: string): Promise<SignalFact[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'wijk', 'status', 'created_at', 'data'])
    .where('entity_type', '=', 'signal')
    .where('deleted', '=', 0)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('events')
    .innerJoin('records', (j) =>
      j.onRef('records.id', '=', 'events.entity_id').on('records.entity_type', '=', 'signal'),
    )
    .select(['events.entity_id', 'events.kind', 'events.body', 'events.created_at'])
    .where('events.entity_type', '=', 'signal')
    .where('records.created_at', '>=', from)
    .where('records.created_at', '<', to)
    .where((eb) =>
      eb.or([
        eb.and([eb('events.kind', '=', 'status'), eb('events.status', '=', 'contact-gelegd')]),
        eb('events.kind', '=', 'help'),
      ]),
    )
    .execute();
  const firstContact = new Map<string, string>();
  const help = new Map<string, { at: string; value: 'aanvaard' | 'geweigerd' }>();
  for (const e of events) {
    if (e.kind === 'status') {
      const at = contactBody.safeParse(parse(e.body)).data?.contactAt ?? e.created_at;
      const known = firstContact.get(e.entity_id);
      if (!known || at < known) firstContact.set(e.entity_id, at);
    } else {
      const value = helpBody.safeParse(parse(e.body)).data?.help;
      const known = help.get(e.entity_id);
      // The latest word counts: help refused at first and accepted later is accepted.
      if (value && (!known || e.created_at >= known.at))
        help.set(e.entity_id, { at: e.created_at, value });
    }
  }
  return rows.map((r) => {
    const data = signalFacts.safeParse(parse(r.data)).data;
    return {
      wijk: r.wijk,
      status: r.status,
      category: data?.category ?? null,
      urgency: data?.urgency ?? null,
      createdAt: r.created_at,
      firstContactAt: firstContact.get(r.id) ?? null,
      help: help.get(r.id)?.value ?? null,
    };
  });
}

export async function insightChecks(db: Db, from: string, to: string): Promise<CheckFact[]> {
  const rows = await db
    .selectFrom('records')
    .innerJoin('users', 'users.id', 'records.owner_id')
    .select(['records.wijk', 'records.data', 'users.role'])
    .where('records.entity_type', '=', 'check')
    .where('records.deleted', '=', 0)
    .where('records.created_at', '>=', from)
    .where('records.created_at', '<', to)
    .execute();
  return rows.map((r) => {
    const data = checkFacts.safeParse(parse(r.data)).data;
    return {
      wijk: r.wijk,
      authorRole: r.role,
      suggested: data?.suggested ?? [],
      takeUp: Object.fromEntries(Object.entries(data?.takeUp ?? {}).map(([k, v]) => [k, v.status])),
      doelgroepen: data?.doelgroepen ?? [],
    };
  });
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
    list.push({ id: e.id, kind: e.kind, createdAt: e.created_at, body: parse(e.body) });
    byRecord.set(e.entity_id, list);
  }
  return rows.map((r) => ({
    wijk: r.wijk,
    createdAt: r.created_at,
    status: r.status,
    events: byRecord.get(r.id) ?? [],
  }));
}
