/** What the catalogue's fetch worker sends the main thread (see fetch-in-worker.ts). */
export const CATALOGUE_TABLES = [
  'fundamenten',
  'programmes',
  'regelingen',
  'organisations',
  'wijken',
  'indicators',
] as const;

export type Table = (typeof CATALOGUE_TABLES)[number];

export type FetchMessage =
  | { kind: 'records'; table: Table; records: unknown[] }
  | { kind: 'done'; version: string }
  | { kind: 'failed'; name: string };
