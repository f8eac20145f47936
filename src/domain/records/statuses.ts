import { SIGNAL_STATUSES } from '../signals/lifecycle';
import { TOEKOMST_STATUSES } from '../toekomst/trajectory';
import type { EntityType } from './record-schema';

/** A check is open while the conversation goes on, afgerond when its outcome is final. */
export const CHECK_STATUSES = ['open', 'afgerond'] as const;

/** The statuses a record of each type can have: the server refuses any other value. */
export const STATUSES_BY_TYPE: Record<EntityType, readonly string[]> = {
  check: CHECK_STATUSES,
  signal: SIGNAL_STATUSES,
  toekomst: TOEKOMST_STATUSES,
};
