import { z } from 'zod';
import { IMPORT_COLUMNS, ROW_ERRORS_NL } from './import-row';
import { CREDITOR_TYPES } from './vroegsignaal';

/**
 * What an import answers and the screen shows: counts, every refused row (line, column,
 * reason) and the addresses still to place. Addresses only, never a name or an amount: the
 * coordinator who imports sees no resident's case.
 */
const columnSchema = z.enum(Object.keys(IMPORT_COLUMNS) as [keyof typeof IMPORT_COLUMNS]);
const codeSchema = z.enum(Object.keys(ROW_ERRORS_NL) as [keyof typeof ROW_ERRORS_NL]);

export const rowProblemSchema = z.object({
  line: z.number().int().positive(),
  field: columnSchema,
  code: codeSchema,
  message: z.string(),
});

/** An address waiting for a person to say which wijk it is in. */
export const unplacedAddressSchema = z.object({
  addressKey: z.string(),
  street: z.string(),
  houseNumber: z.number().int(),
  houseNumberSuffix: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  /** How many reports wait for it, by creditor type. */
  reports: z.number().int().positive(),
  creditorTypes: z.array(z.enum(CREDITOR_TYPES)),
  firstImportedAt: z.iso.datetime(),
});
export type UnplacedAddress = z.infer<typeof unplacedAddressSchema>;

export const importReportSchema = z.object({
  importId: z.string(),
  format: z.enum(['csv', 'json']),
  /** Data rows in the file. */
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Rows kept aside because their address is in no known wijk. */
  unplaced: z.number().int().nonnegative(),
  rejectedRows: z.number().int().nonnegative(),
  /** New signals whose wijk no team works in (they wait for an assignment). */
  withoutTeam: z.number().int().nonnegative(),
  createdByCreditor: z.record(z.enum(CREDITOR_TYPES), z.number().int().nonnegative()),
  rejected: z.array(rowProblemSchema),
  unplacedAddresses: z.array(unplacedAddressSchema),
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const unplacedListSchema = z.object({ addresses: z.array(unplacedAddressSchema) });

/** Placing an address: the wijk, and whether every address with that postcode lies there too. */
export const placeRequestSchema = z
  .object({
    addressKey: z.string().min(1).max(40),
    wijk: z.string().min(1).max(64),
    wholePostcode: z.boolean().optional(),
  })
  .strict();
export type PlaceRequest = z.infer<typeof placeRequestSchema>;

export const placeResponseSchema = z.object({
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  placedAddresses: z.number().int().nonnegative(),
});
export type PlaceResponse = z.infer<typeof placeResponseSchema>;

/** The file-level refusals; the app shows a sentence per reason. */
export const FILE_PROBLEMS = [
  'empty',
  'notJson',
  'notList',
  'noHeader',
  'unclosedQuote',
  'missingColumns',
  'tooManyRows',
] as const;
