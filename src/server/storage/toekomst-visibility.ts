import type {
  Change,
  Mutation,
  ParsedPayload,
  RecordChange,
  RecordData,
} from '../../domain/sync/protocol';
import type { ScopeUser } from '../../domain/sync/roles';
import { REFERRAL_FIELDS } from '../../domain/toekomst/toekomst-schema';
import {
  readsWholeTrajectory,
  toekomstDataForViewer,
  toekomstEventForViewer,
} from '../../domain/toekomst/visibility';
import type { Json } from './rows';

/**
 * A toekomstgesprek stays with the toekomstmakelaars (src/domain/toekomst/visibility.ts): a
 * referrer receives her referral and the status, never the intake, the plan or the handovers.
 */

/** A record as this viewer may receive it (on pull and in push answers, so a conflict cannot leak). */
export function recordForViewer(viewer: ScopeUser, change: RecordChange): RecordChange {
  if (change.entityType !== 'toekomst') return change;
  return { ...change, data: toekomstDataForViewer(viewer, change.data) as RecordData };
}

/** A pulled change of a `toekomst` record as this viewer may receive it; [] leaves it out. */
export function toekomstVisibleTo(viewer: ScopeUser, change: Change): Change[] {
  if (change.kind === 'record') return [recordForViewer(viewer, change)];
  // An eviction says only that a record left this viewer's scope: nothing to hide.
  if (change.kind !== 'event') return [change];
  const shown = toekomstEventForViewer(viewer, { kind: change.eventKind, body: change.body });
  return shown === null ? [] : [{ ...change, body: shown.body as Json | null }];
}

/**
 * A referrer may correct her referral but not write the intake she cannot read: her edit would
 * otherwise come back as a conflict carrying the toekomstmakelaar's values.
 */
export function mayWriteFields(user: ScopeUser, m: Mutation, parsed: ParsedPayload): boolean {
  if (m.entityType !== 'toekomst' || readsWholeTrajectory(user)) return true;
  if (parsed.op !== 'put' && parsed.op !== 'patch') return true;
  return Object.keys(parsed.payload.data ?? {}).every((k) => REFERRAL_FIELDS.includes(k));
}
