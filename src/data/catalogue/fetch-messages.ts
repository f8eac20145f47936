import type { CATALOGUE_TABLES } from '../../domain/catalogue/checksum';

export type Table = (typeof CATALOGUE_TABLES)[number];

/** What the catalogue's fetch worker sends the main thread (see fetch-in-worker.ts). */
export type FetchMessage =
  | { kind: 'records'; table: Table; records: unknown[] }
  | { kind: 'done'; version: string }
  | { kind: 'failed'; name: string };
