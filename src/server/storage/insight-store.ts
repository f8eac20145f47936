import { z } from 'zod';
import type { CheckFact, SignalFacts } from '../../domain/insight/figures';
import { doelgroepSchema, takeUpStatusSchema } from '../../domain/insight/take-up';
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

interface SignalGroupRow {
  wijk: string | null;
  status: string | null;
  category: string | null;
  urgency: string | null;
  contact: number | string | boolean;
  help: string | null;
  n: number | string;
}

/**
 * Signals made in [from, to), counted in the store per wijk, status, category, urgency, whether
 * there was contact and the last word on help: a month of a city is a few hundred groups, not
 * thousands of records. The help subquery takes the latest valid answer (refused at first and
 * accepted later is accepted).
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
  const groups = await sql<SignalGroupRow>`
    SELECT x.wijk AS wijk, x.status AS status, ${j.text('category')} AS category,
      ${j.text('urgency')} AS urgency,
      CASE WHEN EXISTS (SELECT 1 FROM events e WHERE ${events('status')}
        AND e.status = 'contact-gelegd') THEN 1 ELSE 0 END AS contact,
      (SELECT ${help} FROM events e WHERE ${events('help')}
        AND ${help} IN ('aanvaard', 'geweigerd')
        ORDER BY e.created_at DESC, e.version DESC LIMIT 1) AS help,
      count(*) AS n
    FROM (SELECT records.id AS id, records.wijk AS wijk, records.status AS status, ${j.doc} AS j
      FROM records WHERE records.entity_type = 'signal' AND records.deleted = 0
        AND records.created_at >= ${from} AND records.created_at < ${to} ${j.fence}) x
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  // The first contact of each signal with contact, for the median time to it.
  const firsts = await sql<{ created_at: string; first: string }>`
    SELECT x.created_at AS created_at,
      min(COALESCE(${text(dialect, 'e.body', 'contactAt')}, e.created_at)) AS first
    FROM records x JOIN events e ON ${events('status')} AND e.status = 'contact-gelegd'
    WHERE x.entity_type = 'signal' AND x.deleted = 0 AND x.created_at >= ${from}
      AND x.created_at < ${to}
    GROUP BY x.id, x.created_at`.execute(db);
  return {
    groups: groups.rows.map((g) => {
      const data = signalFacts.safeParse({
        category: g.category ?? undefined,
        urgency: g.urgency ?? undefined,
      }).data;
      const h = helpBody.safeParse({ help: g.help ?? undefined }).data?.help;
      return {
        wijk: g.wijk,
        status: g.status,
        category: data?.category ?? null,
        urgency: data?.urgency ?? null,
        contact: g.contact === true || Number(g.contact) === 1,
        help: h ?? null,
        count: Number(g.n),
      };
    }),
    hoursToFirstContact: firsts.rows.map(
      (f) => Math.max(0, Date.parse(f.first) - Date.parse(f.created_at)) / 3_600_000,
    ),
  };
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
