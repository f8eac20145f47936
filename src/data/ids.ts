import { ulid } from 'ulid';

/** Sortable ids made on the device, so records written offline never collide. */
export function newId(): string {
  return ulid();
}
