import type { Role } from './roles';

/**
 * Roles that store residents' data on the device and so need a PIN. A coordinator sees counts
 * only: no check or signal screens, no vault. Its own module, free of zod, because the first
 * screen's menu asks it before anything else loads.
 */
export function keepsPersonalData(role: Role): boolean {
  return role !== 'coordinator';
}
