import { z } from 'zod';

/**
 * Bijstandsnormen and vermogensgrenzen as data. Norms change on 1 January and 1 July, so every
 * amount carries the date it is valid from, the public source it comes from and whether that
 * source was confirmed. A change date whose amounts are not yet known is listed as `pending`, so
 * the engine can say "this norm is older than the one in force" instead of silently using it.
 */

const isoDate = z.iso.date();

/** A public source: where a worker or editor can check the number. */
export const publicSourceSchema = z
  .object({
    title: z.string().trim().min(1),
    publisher: z.string().trim().min(1),
    url: z.url().optional(),
    /** The date the source gives for the figures (ingangsdatum or publication date). */
    date: isoDate.optional(),
  })
  .strict();
export type PublicSource = z.infer<typeof publicSourceSchema>;

/**
 * Leefsituaties of the Participatiewet (art. 21/22) that the sources give amounts for. Alleenstaande
 * ouders share the alleenstaande norm since 2015 (the ALO-kop moved to the kindgebonden budget).
 */
export const NORM_CATEGORIES = [
  'alleenstaande-18-20',
  'alleenstaande-21-aow',
  'gehuwden-21-aow',
  'alleenstaande-aow',
  'gehuwden-aow',
] as const;
export const normCategorySchema = z.enum(NORM_CATEGORIES);
export type NormCategory = z.infer<typeof normCategorySchema>;

export const VERMOGEN_CATEGORIES = [
  'alleenstaande',
  'alleenstaande-ouder-of-gezin',
  'eigen-woning',
] as const;
export const vermogenCategorySchema = z.enum(VERMOGEN_CATEGORIES);
export type VermogenCategory = z.infer<typeof vermogenCategorySchema>;

function amountRecord<C extends z.ZodEnum>(category: C) {
  return z
    .object({
      validFrom: isoDate,
      category,
      /** Euro; bijstandsnormen are net per month including vakantiegeld, without kostendelers. */
      amount: z.number().positive(),
      source: publicSourceSchema,
      confirmed: z.boolean(),
      note: z.string().optional(),
    })
    .strict();
}

export const pendingChangeSchema = z
  .object({
    validFrom: isoDate,
    source: publicSourceSchema,
    note: z.string().trim().min(1),
  })
  .strict();

export const normsSchema = z
  .object({
    version: z.string().min(1),
    /** AOW age in whole years; the sources give ages in years, so finer steps are not modelled. */
    aowAge: z
      .object({
        years: z.number().int().min(60).max(75),
        validFrom: isoDate,
        validUntil: isoDate,
        source: publicSourceSchema,
        confirmed: z.boolean(),
      })
      .strict(),
    bijstandsnormen: z
      .object({
        /** Norms are indexed every half year; an amount older than this is flagged as possibly outdated. */
        updateIntervalMonths: z.number().int().positive(),
        records: z.array(amountRecord(normCategorySchema)).min(1),
        pending: z.array(pendingChangeSchema).default([]),
      })
      .strict(),
    vermogensgrenzen: z
      .object({
        updateIntervalMonths: z.number().int().positive(),
        records: z.array(amountRecord(vermogenCategorySchema)).min(1),
        pending: z.array(pendingChangeSchema).default([]),
      })
      .strict(),
  })
  .strict();
export type Norms = z.infer<typeof normsSchema>;
export type NormRecord = Norms['bijstandsnormen']['records'][number];
export type VermogenRecord = Norms['vermogensgrenzen']['records'][number];

export function parseNorms(data: unknown): Norms {
  return normsSchema.parse(data);
}
