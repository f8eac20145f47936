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
 * Leefsituaties of the Participatiewet (art. 20–22) a Dordrecht resident can be in. Alleenstaande
 * ouders share the alleenstaande norm since 2015 (the ALO-kop moved to the kindgebonden budget).
 * `verhoging-18-20` is not a norm but the raise of art. 20 lid 3 for a young person whose parents
 * cannot pay; with it the norm is at most the 21+ norm of the same situation (art. 20 lid 4).
 */
export const NORM_CATEGORIES = [
  'alleenstaande-18-20',
  'alleenstaande-ouder-18-20',
  'gehuwden-18-20',
  'gehuwden-18-20-met-kinderen',
  'gehuwden-18-20-en-21-plus',
  'gehuwden-18-20-en-21-plus-met-kinderen',
  'verhoging-18-20',
  'alleenstaande-21-aow',
  'gehuwden-21-aow',
  'alleenstaande-aow',
  'gehuwden-aow',
  'gehuwden-aow-en-21-aow',
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

/**
 * The legal share of vakantiegeld in a monthly amount that is paid without it (payslips, most
 * uitkeringen). The norms include vakantiegeld, so a monthly amount without it is raised by this share.
 */
export const vakantiegeldShareSchema = z
  .object({
    incomeTypes: z.array(z.string().min(1)).min(1),
    /** Percent of the monthly amount, e.g. 8 for the minimum vakantiebijslag on wages. */
    pct: z.number().positive().max(50),
    label: z.string().trim().min(1),
    source: publicSourceSchema,
    confirmed: z.boolean(),
  })
  .strict();
export type VakantiegeldShare = z.infer<typeof vakantiegeldShareSchema>;

/** Euro limits of national regelingen (toeslagen), per household with or without a partner. */
export const LIMIT_KEYS = [
  'zorgtoeslag-inkomen',
  'zorgtoeslag-vermogen',
  'huurtoeslag-vermogen',
  'kindgebonden-budget-vermogen',
] as const;
export const limitKeySchema = z.enum(LIMIT_KEYS);
export type LimitKey = z.infer<typeof limitKeySchema>;

export const limitRecordSchema = z
  .object({
    key: limitKeySchema,
    validFrom: isoDate,
    /** Euro per year (income) or in total (vermogen). */
    alone: z.number().positive(),
    withPartner: z.number().positive(),
    source: publicSourceSchema,
    confirmed: z.boolean(),
    note: z.string().optional(),
  })
  .strict();
export type LimitRecord = z.infer<typeof limitRecordSchema>;

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
    vakantiegeld: z.array(vakantiegeldShareSchema).default([]),
    limits: z
      .object({
        /** A limit older than this on the peildatum is treated as possibly outdated. */
        updateIntervalMonths: z.number().int().positive(),
        records: z.array(limitRecordSchema),
      })
      .strict()
      .default({ updateIntervalMonths: 12, records: [] }),
  })
  .strict();
export type Norms = z.infer<typeof normsSchema>;
export type NormRecord = Norms['bijstandsnormen']['records'][number];
export type VermogenRecord = Norms['vermogensgrenzen']['records'][number];

export function parseNorms(data: unknown): Norms {
  return normsSchema.parse(data);
}
