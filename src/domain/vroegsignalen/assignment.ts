import type { EntityType } from '../records/record-schema';
import type { Role, ScopeUser } from '../sync/roles';
import type { ParsedPayload } from '../sync/protocol';

/** What the assignment rule needs to know of the person a signal is assigned to. */
export interface AssigneeAccount {
  role: Role;
  teamId: string | null;
}

/**
 * Who may put a signal on a wijkteam worker's list (`assignedToUser`, her day list). The wijkteam
 * works its vroegsignalen as a team: a member takes addresses on her own list or gives them to a
 * colleague of the same team; nobody outside that team fills her list (her device pulls what is
 * assigned to her by name, see scope.ts). The coordinator sees no personal records, so she does
 * not choose addresses; she sees the figures. Assigning to a non-wijkteam person by name (a
 * referral to a toekomstmakelaar) keeps its own rules, and clearing or self-assignment stay open
 * to whoever may write the signal.
 */
export function assignmentProblem(
  actor: Pick<ScopeUser, 'id' | 'role' | 'teamId'>,
  entityType: EntityType,
  parsed: ParsedPayload,
  accounts: ReadonlyMap<string, AssigneeAccount>,
): string | null {
  if (entityType !== 'signal' || (parsed.op !== 'put' && parsed.op !== 'patch')) return null;
  const assignee = parsed.payload.assignedToUser;
  if (typeof assignee !== 'string' || assignee === actor.id) return null;
  const account = accounts.get(assignee);
  if (account?.role !== 'wijkteam') return null;
  if (actor.role !== 'wijkteam' || actor.teamId === null || account.teamId !== actor.teamId) {
    return 'assignedToUser: only a member of her own team puts a signal on a wijkteam worker’s list';
  }
  return null;
}
