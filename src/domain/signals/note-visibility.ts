import type { Role, ScopeUser } from '../sync/roles';

/**
 * Who may read the free text of a signal event. Status changes are always visible to everyone
 * who may read the signal (so a volunteer sees that her signal was picked up and closed), but
 * what a professional writes stays within her own team, plus the team she addresses in a
 * handover. Volunteers' messages are written for whoever takes the signal over, so all readers
 * of the signal see them. Fails closed: an unknown author hides the text.
 *
 * The server applies this on pull (it knows the author from its users table); the device uses
 * the same rule so a local view never shows more than a synced one would.
 */
export type EventVisibility = 'full' | 'without-message' | 'hidden';

export interface VisibilityEvent {
  kind: string;
  createdBy: string;
  body: unknown;
}

/** The author as the server knows her (users table), not as the event claims. */
export interface EventAuthor {
  id: string;
  role: Role;
  teamId: string | null;
}

/** Roles whose messages are professional notes, kept within their team. */
const TEAM_INTERNAL_AUTHORS: ReadonlySet<Role> = new Set(['wijkteam', 'toekomstmakelaar']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addressedTeam(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.target)) return null;
  return body.target.kind === 'team' && typeof body.target.id === 'string' ? body.target.id : null;
}

function hasMessage(body: unknown): boolean {
  return isRecord(body) && typeof body.message === 'string' && body.message.length > 0;
}

export function signalEventVisibility(
  viewer: Pick<ScopeUser, 'id' | 'role' | 'teamId'>,
  event: VisibilityEvent,
  author: EventAuthor | null,
): EventVisibility {
  const restricted = event.kind === 'note' ? 'hidden' : 'without-message';
  if (viewer.id === event.createdBy) return 'full';
  if (!hasMessage(event.body) && event.kind !== 'note') return 'full';
  if (author === null || author.id !== event.createdBy) return restricted;
  if (!TEAM_INTERNAL_AUTHORS.has(author.role)) return 'full';
  // Volunteers never see professionals' notes, even when they share a team id.
  if (viewer.role === 'vrijwilliger') return restricted;
  if (viewer.teamId !== null && viewer.teamId === author.teamId) return 'full';
  if (viewer.teamId !== null && addressedTeam(event.body) === viewer.teamId) return 'full';
  return restricted;
}

/**
 * The event as this viewer may receive it: unchanged, without its message, or null (left out).
 * Works on any event shape with `kind`, `createdBy` and a JSON `body`.
 */
export function signalEventForViewer<E extends VisibilityEvent>(
  viewer: Pick<ScopeUser, 'id' | 'role' | 'teamId'>,
  event: E,
  author: EventAuthor | null,
): E | null {
  const visibility = signalEventVisibility(viewer, event, author);
  if (visibility === 'hidden') return null;
  if (visibility === 'full' || !isRecord(event.body)) return event;
  const { message: _message, ...rest } = event.body;
  return { ...event, body: { ...rest, redacted: true } };
}
