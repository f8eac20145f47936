import type { Role, ScopeUser } from './roles';

/** The fields of a record that decide who may see it. */
export interface RecordScope {
  ownerId: string;
  teamId: string | null;
  wijk: string | null;
  assignedToUser: string | null;
  assignedToTeam: string | null;
}

/**
 * Which personal records a user may read, as data, so the server can turn it into a query and
 * the same rule can be checked record by record. `none` is for roles that never see a person.
 */
export type ReadScope =
  | { kind: 'none' }
  | {
      kind: 'records';
      ownerId: string;
      assignedToUser: string | null;
      assignedToTeam: string | null;
      team: { teamId: string; wijken: readonly string[] } | null;
    };

/** Roles that work with residents and so write personal records. */
const WRITING_ROLES: ReadonlySet<Role> = new Set(['vrijwilliger', 'wijkteam', 'toekomstmakelaar']);

export function readScope(user: ScopeUser): ReadScope {
  switch (user.role) {
    case 'vrijwilliger':
      // A Geldpraatje volunteer sees only the conversations she recorded herself.
      return {
        kind: 'records',
        ownerId: user.id,
        assignedToUser: null,
        assignedToTeam: null,
        team: null,
      };
    case 'wijkteam':
      // Also what is on her own list by name (a vroegsignaal a colleague gave her), wherever
      // it is, so her device pulls her day list.
      return {
        kind: 'records',
        ownerId: user.id,
        assignedToUser: user.id,
        assignedToTeam: user.teamId,
        team: user.teamId ? { teamId: user.teamId, wijken: user.wijken } : null,
      };
    case 'toekomstmakelaar':
      // Own records plus the referrals addressed to her: by name, or to the toekomstmakelaars'
      // team (the handover list in the signal form offers the team, not each person).
      return {
        kind: 'records',
        ownerId: user.id,
        assignedToUser: user.id,
        assignedToTeam: user.teamId,
        team: null,
      };
    case 'coordinator':
    case 'beheerder':
      // Coordinators see aggregates only; beheerders manage users and the catalogue.
      return { kind: 'none' };
  }
}

export function matchesScope(scope: ReadScope, record: RecordScope): boolean {
  if (scope.kind === 'none') return false;
  if (record.ownerId === scope.ownerId) return true;
  if (scope.assignedToUser !== null && record.assignedToUser === scope.assignedToUser) return true;
  if (scope.assignedToTeam !== null && record.assignedToTeam === scope.assignedToTeam) return true;
  if (
    scope.team !== null &&
    record.teamId === scope.team.teamId &&
    record.wijk !== null &&
    scope.team.wijken.includes(record.wijk)
  ) {
    return true;
  }
  return false;
}

export function canRead(user: ScopeUser, record: RecordScope): boolean {
  return matchesScope(readScope(user), record);
}

/** Whether the user may start a new record in this wijk (it becomes hers and her team's). */
export function canCreate(user: ScopeUser, wijk: string | null): boolean {
  if (!WRITING_ROLES.has(user.role)) return false;
  // A wijkteam member's records are shared with the team by wijk, so the wijk must be one of hers.
  if (user.role === 'wijkteam') return wijk !== null && user.wijken.includes(wijk);
  return true;
}

/** Anonymous quick-check tallies (issue 16): from whoever works with residents and does checks. */
export function canSendTallies(user: ScopeUser): boolean {
  return WRITING_ROLES.has(user.role);
}

/** Edits and events: whoever may read the record and works with residents. */
export function canWrite(user: ScopeUser, record: RecordScope): boolean {
  return WRITING_ROLES.has(user.role) && canRead(user, record);
}

/** Deleting is for the author, or her team for a team record in its wijken; never for an addressee. */
export function canDelete(user: ScopeUser, record: RecordScope): boolean {
  if (!WRITING_ROLES.has(user.role)) return false;
  if (record.ownerId === user.id) return true;
  return (
    user.role === 'wijkteam' &&
    user.teamId !== null &&
    record.teamId === user.teamId &&
    record.wijk !== null &&
    user.wijken.includes(record.wijk)
  );
}

/** Only aggregates (counts, never persons) for coordinators and beheerders. */
export function canReadAggregates(user: ScopeUser): boolean {
  return user.role === 'coordinator' || user.role === 'beheerder';
}

export function canManageUsers(user: ScopeUser): boolean {
  return user.role === 'beheerder';
}

export function canPublishCatalogue(user: ScopeUser): boolean {
  return user.role === 'beheerder';
}

/** The audit log names workers and residents' record ids: for the beheerder, not for coordinators. */
export function canReadAudit(user: ScopeUser): boolean {
  return user.role === 'beheerder';
}

/** Marking a device lost makes it wipe itself; only a beheerder may do that. */
export function canManageDevices(user: ScopeUser): boolean {
  return user.role === 'beheerder';
}

/**
 * Importing creditors' arrears reports and placing their addresses: coordinators and
 * beheerders. Neither reads a resident's record afterwards; the signals go to the wijk's team.
 */
export function canImportVroegsignalen(user: ScopeUser): boolean {
  return user.role === 'coordinator' || user.role === 'beheerder';
}
