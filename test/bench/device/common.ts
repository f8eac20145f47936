import { DichtbijDb } from '../../../src/data/db';

/** Shared by the device benches (each its own module, all on the one bench page). */
export const PIN = 'bench-pin-2468';
export const round = (n: number) => Math.round(n * 100) / 100;

export function freshDb(name: string): DichtbijDb {
  return new DichtbijDb(`bench-${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
}
