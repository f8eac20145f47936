import type { ScopeUser } from '../sync/roles';
import { REFERRAL_FIELDS } from './toekomst-schema';

/**
 * Who reads what of a `toekomst` record. The toekomstgesprek is between the resident and the
 * toekomstmakelaars: whoever referred her (a volunteer, a wijkteam worker and her team) sees
 * only the referral she wrote and the status ("opgepakt", "in traject"), never the intake, the
 * plan or the handovers. The server applies this on pull; fails closed for any other role.
 */
export function readsWholeTrajectory(viewer: Pick<ScopeUser, 'role'>): boolean {
  return viewer.role === 'toekomstmakelaar';
}

/** The record's data as this viewer may receive it: whole, or only the referral part. */
export function toekomstDataForViewer<T extends Record<string, unknown>>(
  viewer: Pick<ScopeUser, 'role'>,
  data: T,
): Partial<T> {
  if (readsWholeTrajectory(viewer)) return data;
  const shown: Partial<T> = {};
  for (const key of REFERRAL_FIELDS) {
    if (key in data) Object.assign(shown, { [key]: data[key] });
  }
  return shown;
}

/**
 * An event on the record as this viewer may receive it: status changes without a body for a
 * referrer (she sees that and when, not why), every other kind (plan steps, handovers,
 * contacts) left out. `null`: leave it out.
 */
export function toekomstEventForViewer<E extends { kind: string; body: unknown }>(
  viewer: Pick<ScopeUser, 'role'>,
  event: E,
): E | null {
  if (readsWholeTrajectory(viewer)) return event;
  if (event.kind !== 'status') return null;
  return { ...event, body: null };
}
