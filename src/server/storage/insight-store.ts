import { z } from 'zod';
import type { CheckFact, SignalFact, SignalFacts } from '../../domain/insight/figures';
import { doelgroepSchema, takeUpStatusSchema } from '../../domain/insight/take-up';
import type { TrajectoryFact } from '../../domain/insight/toekomst-figures';
import type { PlanEvent } from '../../domain/toekomst/plan';
import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './migrations';
import type { Db } from './rows';

/**
 * The facts behind the coordinator's figures: for records made in [from, to), only what is
 * counted (wijk, category, urgency, status, dates, the author's role, regeling ids). Names,
 * notes and answers are never read out of the stored data: the store picks the counted fields out
 * of the JSON itself, so a check's answers never even reach this process.
 */

/**
 * Reading fields of the stored JSON in SQL. The record's data is parsed once per row: PostgreSQL
 * casts it to jsonb in a subquery the planner may not fold into the outer one (the OFFSET 0
 * fence), SQLite keeps a parsed document for the statement anyway.
 */
const JSON_SQL = {
  postgres: {
    doc: sql`records.data::jsonb`,
    text: (name: string) => sql<string | null>`(x.j ->> ${sql.lit(name)})`,
    json: (name: string) => sql<string | null>`(x.j -> ${sql.lit(name)})::text`,
    fence: sql`OFFSET 0`,
  },
  sqlite: {
    doc: sql`records.data`,
    text: (name: string) => sql<string | null>`(x.j ->> ${sql.lit('$.' + name)})`,
    json: (name: string) => sql<string | null>`(x.j -> ${sql.lit('$.' + name)})`,
    fence: sql`LIMIT -1 OFFSET 0`,
  },
} as const;

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
const helpBody = z.object({ help: z.enum(['aanvaard', 'geweigerd']).optional().catch(undefined) });

/** A field as the store gave it (JSON text); absent or unreadable is undefined. */
function value(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A text field of a JSON column as SQL text (null when absent). */
function text(dialect: Dialect, column: 'e.body', name: string): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`((${sql.raw(column)})::jsonb ->> ${name})`
    : sql<string>`(${sql.raw(column)} ->> ${'$.' + name})`;
}

interface SignalRow {
  wijk: string | null;
  status: string | null;
  category: string | null;
  urgency: string | null;
  created_at: string;
  first_contact: string | null;
  help: string | null;
}

/**
 * Signals made in [from, to): per signal only what is counted, read in one pass — its first
 * contact (the earliest `contactAt` of a `contact-gelegd` event) and the latest valid word on
 * help (refused at first and accepted later is accepted) by index lookups on its events — then
 * grouped here, so the figures count groups.
 */
export async function insightSignals(
  db: Db,
  dialect: Dialect,
  from: string,
  to: string,
): Promise<SignalFacts> {
  const events = (kind: string) =>
    sql`e.entity_type = 'signal' AND e.entity_id = x.id AND e.kind = ${kind}`;
  const help = text(dialect, 'e.body', 'help');
  const j = JSON_SQL[dialect];
  const { rows } = await sql<SignalRow>`
    SELECT x.wijk AS wijk, x.status AS status, ${j.text('category')} AS category,
      ${j.text('urgency')} AS urgency, x.created_at AS created_at,
      (SELECT min(COALESCE(${text(dialect, 'e.body', 'contactAt')}, e.created_at))
        FROM events e WHERE ${events('status')} AND e.status = 'contact-gelegd') AS first_contact,
      (SELECT ${help} FROM events e WHERE ${events('help')}
        AND ${help} IN ('aanvaard', 'geweigerd')
        ORDER BY e.created_at DESC, e.version DESC LIMIT 1) AS help
    FROM (SELECT records.id AS id, records.wijk AS wijk, records.status AS status,
        records.created_at AS created_at, ${j.doc} AS j
      FROM records WHERE records.entity_type = 'signal' AND records.deleted = 0
        AND records.created_at >= ${from} AND records.created_at < ${to} ${j.fence}) x`.execute(db);
  const groups = new Map<string, SignalFact>();
  const hoursToFirstContact: number[] = [];
  for (const r of rows) {
    const data = signalFacts.safeParse({
      category: r.category ?? undefined,
      urgency: r.urgency ?? undefined,
    }).data;
    const fact: SignalFact = {
      wijk: r.wijk,
      status: r.status,
      category: data?.category ?? null,
      urgency: data?.urgency ?? null,
      contact: r.first_contact !== null,
      help: helpBody.safeParse({ help: r.help ?? undefined }).data?.help ?? null,
      count: 1,
    };
    const key = JSON.stringify([
      fact.wijk,
      fact.status,
      fact.category,
      fact.urgency,
      fact.contact,
      fact.help,
    ]);
    const known = groups.get(key);
    if (known) known.count += 1;
    else groups.set(key, fact);
    if (r.first_contact !== null)
      hoursToFirstContact.push(
        Math.max(0, Date.parse(r.first_contact) - Date.parse(r.created_at)) / 3_600_000,
      );
  }
  return { groups: [...groups.values()], hoursToFirstContact };
}

export async function insightChecks(
  db: Db,
  dialect: Dialect,
  from: string,
  to: string,
): Promise<CheckFact[]> {
  const j = JSON_SQL[dialect];
  const { rows } = await sql<{
    wijk: string | null;
    role: string;
    suggested: string | null;
    take_up: string | null;
    doelgroepen: string | null;
  }>`
    SELECT x.wijk AS wijk, x.role AS role, ${j.json('suggested')} AS suggested,
      ${j.json('takeUp')} AS take_up, ${j.json('doelgroepen')} AS doelgroepen
    FROM (SELECT records.wijk AS wijk, users.role AS role, ${j.doc} AS j
      FROM records JOIN users ON users.id = records.owner_id
      WHERE records.entity_type = 'check' AND records.deleted = 0
        AND records.created_at >= ${from} AND records.created_at < ${to} ${j.fence}) x`.execute(db);
  return rows.map((r) => {
    const data = checkFacts.safeParse({
      suggested: value(r.suggested),
      takeUp: value(r.take_up),
      doelgroepen: value(r.doelgroepen),
    }).data;
    return {
      wijk: r.wijk,
      authorRole: r.role,
      suggested: data?.suggested ?? [],
      takeUp: Object.fromEntries(Object.entries(data?.takeUp ?? {}).map(([k, v]) => [k, v.status])),
      doelgroepen: data?.doelgroepen ?? [],
      count: 1,
    };
  });
}

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
