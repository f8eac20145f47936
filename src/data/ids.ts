import { monotonicFactory } from 'ulid';

/**
 * Sortable ids made on the device, so records written offline never collide. Monotonic: two
 * ids made in the same millisecond still sort in the order they were made, so events written
 * one after the other in one tap (picked up, then contact) keep their order in a history that
 * sorts by time, then id.
 */
const next = monotonicFactory();

export function newId(): string {
  return next();
}
