import { STATUSES_BY_TYPE } from '../records/statuses';
import type { EntityType } from '../records/record-schema';
import { isSignalCategoryId } from '../signals/categories';
import { SIGNAL_EVENT_KINDS, signalEventBodySchema } from '../signals/signal-events';
import { URGENCIES } from '../signals/signal-schema';
import type { ParsedPayload } from './protocol';
import type { Role } from './roles';

/**
 * What the server knows exists: wijken and organisations from the published catalogue, teams
 * and users from its accounts. Scope and list fields are checked against these, so a device
 * cannot store a wijk or status that no list, filter or aggregate knows.
 */
export interface KnownValues {
  wijken: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  users: ReadonlySet<string>;
  /** Each user's role and team, for the assignment rule (src/domain/vroegsignalen/assignment.ts). */
  accounts?: ReadonlyMap<string, { role: Role; teamId: string | null }>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checkStatus(entityType: EntityType, status: string): string | null {
  return STATUSES_BY_TYPE[entityType].includes(status)
    ? null
    : `status ${quoted(status)} is not a ${entityType} status (${STATUSES_BY_TYPE[entityType].join(', ')})`;
}

/** The clear list fields of a signal's data (see signal-index.ts); `null` clears, which these may not. */
function checkSignalData(data: Readonly<Record<string, unknown>>, patch: boolean): string | null {
  if ('category' in data && !isSignalCategoryId(data.category))
    return `data.category ${quoted(data.category)} is not a signal category`;
  if ('urgency' in data && !(URGENCIES as readonly unknown[]).includes(data.urgency))
    return `data.urgency ${quoted(data.urgency)} is not one of ${URGENCIES.join(', ')}`;
  if ('dueAt' in data) {
    const due = data.dueAt;
    const cleared = patch && due === null;
    if (!cleared && (typeof due !== 'string' || !DATE.test(due)))
      return `data.dueAt ${quoted(due)} is not a date (YYYY-MM-DD)`;
  }
  return null;
}

function checkMeta(
  entityType: EntityType,
  meta: {
    wijk?: string | null | undefined;
    status?: string | null | undefined;
    assignedToUser?: string | null | undefined;
    assignedToTeam?: string | null | undefined;
  },
  known: KnownValues,
): string | null {
  if (typeof meta.wijk === 'string' && !known.wijken.has(meta.wijk))
    return `wijk ${quoted(meta.wijk)} is not a wijk in the catalogue`;
  if (typeof meta.status === 'string') {
    const problem = checkStatus(entityType, meta.status);
    if (problem) return problem;
  }
  if (typeof meta.assignedToTeam === 'string' && !known.teams.has(meta.assignedToTeam))
    return `assignedToTeam ${quoted(meta.assignedToTeam)} is not a known team`;
  if (typeof meta.assignedToUser === 'string' && !known.users.has(meta.assignedToUser))
    return `assignedToUser ${quoted(meta.assignedToUser)} is not a known user`;
  return null;
}

/**
 * Checks the scope and list fields of a mutation whose shape is already valid: wijk against the
 * catalogue, status against the record type's lifecycle, team and user against the accounts,
 * a signal's category, urgency and due date, and a signal event's kind, status and handover
 * target. Returns a message naming the field, or null when all is known.
 */
export function checkMutationFields(
  entityType: EntityType,
  parsed: ParsedPayload,
  known: KnownValues,
): string | null {
  switch (parsed.op) {
    case 'delete':
      return null;
    case 'put':
    case 'patch': {
      const problem = checkMeta(entityType, parsed.payload, known);
      if (problem) return problem;
      if (entityType === 'signal' && parsed.payload.data)
        return checkSignalData(parsed.payload.data, parsed.op === 'patch');
      return null;
    }
    case 'event': {
      const event = parsed.payload;
      if (event.status !== undefined) {
        const problem = checkStatus(entityType, event.status);
        if (problem) return problem;
      }
      if (entityType !== 'signal') return null;
      if (!(SIGNAL_EVENT_KINDS as readonly string[]).includes(event.kind))
        return `event kind ${quoted(event.kind)} is not one of ${SIGNAL_EVENT_KINDS.join(', ')}`;
      if (event.kind === 'status' && event.status === undefined)
        return 'a status event needs a status';
      if (event.kind !== 'status' && event.status !== undefined)
        return `a ${event.kind} event carries no status`;
      if (event.body === undefined) return null;
      const body = signalEventBodySchema.safeParse(event.body);
      if (!body.success) return 'the event body is not a signal event';
      const target = body.data.target;
      if (target?.kind === 'team' && !known.teams.has(target.id))
        return `handover team ${quoted(target.id)} is not a known team`;
      if (target?.kind === 'organisation' && !known.organisations.has(target.id))
        return `referral organisation ${quoted(target.id)} is not in the catalogue`;
      return null;
    }
  }
}
