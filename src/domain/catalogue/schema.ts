import { z } from 'zod';
import {
  APPOINTMENT_KINDS,
  DOELGROEPEN,
  ELIGIBILITY_KNOWN,
  FUNDAMENT_IDS,
  HELP_TOPICS,
  OFFER_STATUSES,
  ORGANISATION_KINDS,
  PROGRAMME_KINDS,
  REGELING_KINDS,
  SEED_FILES,
} from './constants';

/**
 * The catalogue: programmes, regelingen, wijken and indicators, written from the seed documents.
 * Every record names where its facts come from, so a worker can check a claim and an editor can
 * update it when the policy changes.
 */

/** A catalogue id: lower-case words with hyphens. Other ids that point into it use the same. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "sms-kinderfonds"');

const text = z.string().trim().min(1, 'must not be empty');

/** A seed passage (`file` + `lines`) or a public source (`title`, optionally `url` and `date`). */
export const sourceRefSchema = z.union([
  z
    .object({
      file: z.enum(SEED_FILES),
      lines: z.string().regex(/^L\d+(?:[–-]\d+)?(?:, ?L?\d+(?:[–-]\d+)?)*$/, 'lines like "L80–83"'),
      section: z.string().optional(),
    })
    .strict(),
  z
    .object({
      title: text,
      publisher: text,
      url: z.url().optional(),
      date: z.iso.date().optional(),
    })
    .strict(),
]);
export type SourceRef = z.infer<typeof sourceRefSchema>;

const sources = z.array(sourceRefSchema).min(1, 'every record needs at least one source');

export const fundamentIdSchema = z.enum(FUNDAMENT_IDS);
export type FundamentId = z.infer<typeof fundamentIdSchema>;

export const fundamentSchema = z
  .object({
    id: fundamentIdSchema,
    name: text,
    summary: text,
    goals: z.array(text).min(1),
    source: sources,
  })
  .strict();
export type Fundament = z.infer<typeof fundamentSchema>;

/** One row of a "wat willen we bereiken / beoogde resultaten / activiteiten / tijdspad" table. */
export const goalRowSchema = z
  .object({
    bereiken: text,
    resultaten: z.array(text),
    activiteiten: z.array(text),
    tijdspad: z.string().optional(),
    source: sources,
  })
  .strict();
export type GoalRow = z.infer<typeof goalRowSchema>;

export const actielijnSchema = z
  .object({
    id: slug,
    name: text,
    summary: z.string().optional(),
    fundamenten: z.array(fundamentIdSchema).default([]),
    goals: z.array(goalRowSchema).default([]),
    /** NPDW only: ambitions for 2043 and results aimed at by 2026. */
    ambitions2043: z.array(text).default([]),
    results2026: z.array(text).default([]),
    source: sources,
  })
  .strict();
export type Actielijn = z.infer<typeof actielijnSchema>;

export const programmeSchema = z
  .object({
    id: slug,
    name: text,
    kind: z.enum(PROGRAMME_KINDS),
    summary: text,
    period: z.string().optional(),
    /** The programme this aanpak belongs to, if any. */
    partOf: slug.optional(),
    owner: z.string().optional(),
    fundamenten: z.array(fundamentIdSchema).default([]),
    wijken: z.array(slug).default([]),
    actielijnen: z.array(actielijnSchema).default([]),
    budget: z
      .array(z.object({ label: text, amount: z.number().nonnegative(), year: z.string() }).strict())
      .default([]),
    regelingen: z.array(slug).default([]),
    source: sources,
  })
  .strict();
export type Programme = z.infer<typeof programmeSchema>;

export const doelgroepSchema = z.enum(DOELGROEPEN);
export type Doelgroep = z.infer<typeof doelgroepSchema>;

export const regelingSchema = z
  .object({
    id: slug,
    name: text,
    kind: z.enum(REGELING_KINDS),
    level: z.enum(['gemeente', 'regio', 'landelijk']),
    /** One or two plain (B1) sentences: what it gives the resident. */
    summary: text,
    provider: text,
    providerOrganisation: slug.optional(),
    /** Where a resident goes or who helps apply. */
    accessPoint: z.string().optional(),
    forWhom: text,
    doelgroepen: z.array(doelgroepSchema).min(1),
    fundamenten: z.array(fundamentIdSchema).min(1),
    /** Empty: the whole of Dordrecht. */
    wijken: z.array(slug).default([]),
    /** Conditions exactly as the sources state them. */
    conditions: z.array(text).default([]),
    eligibilityKnown: z.enum(ELIGIBILITY_KNOWN),
    /** What is not known about eligibility, in plain words, e.g. "De bronnen noemen geen inkomensgrens." */
    eligibilityNote: z.string().optional(),
    howToApply: z.array(text).min(1),
    documents: z.array(text).default([]),
    programmes: z.array(slug).default([]),
    /** Extra words a worker might search with (synonyms, old names). */
    keywords: z.array(text).default([]),
    source: sources,
  })
  .strict()
  .refine((r) => r.eligibilityKnown !== 'unknown' || (r.eligibilityNote ?? '').length > 0, {
    message: 'a regeling with unknown eligibility must say so in eligibilityNote',
    path: ['eligibilityNote'],
  });
export type Regeling = z.infer<typeof regelingSchema>;

/**
 * A practical fact a worker acts on (an address, a phone number, opening hours): either known, with
 * where it was read, or explicitly unknown with why. Never a guess: an empty field would read as
 * "nothing to know", a wrong one sends a resident to a closed door.
 */
const factOf = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ value, source: sources }).strict(),
    z
      .object({
        /** Why it is unknown, e.g. "Niet in de bronnen; niet gevonden op de eigen site (2026-11-30)." */
        unknown: text,
      })
      .strict(),
  ]);
export const textFactSchema = factOf(text);
export type TextFact = z.infer<typeof textFactSchema>;

export const helpTopicSchema = z.enum(HELP_TOPICS);
export type HelpTopic = z.infer<typeof helpTopicSchema>;
export const offerStatusSchema = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

/**
 * The sociale kaart part of an organisation or voorziening: where its door is, when it is open,
 * how a professional refers, and whether the offer runs. Each fact has its source; `checkedOn` is
 * the date the entry as a whole was last checked, shown on every entry.
 */
export const directoryEntrySchema = z
  .object({
    /** Visiting address. */
    address: textFactSchema,
    /** The wijk the door is in (omitted when unknown or outside the wijken in the catalogue). */
    wijk: slug.optional(),
    phone: textFactSchema,
    /** E-mail address or web form. */
    contact: textFactSchema,
    /** Opening hours. */
    hours: textFactSchema,
    /** Walk-in (inloop) or spreekuur times. */
    walkIn: textFactSchema,
    languages: factOf(z.array(text).min(1)),
    appointment: factOf(z.enum(APPOINTMENT_KINDS)),
    accessibility: textFactSchema,
    /** How a professional refers: warm handover route, form, phone line for professionals. */
    howToRefer: textFactSchema,
    /** Whether the offer runs, always from a source (the seeds say which are still to be realised). */
    status: z.object({ value: offerStatusSchema, source: sources }).strict(),
    /** Wijk ids or "dordt-west"; empty: the whole city. */
    servesWijken: z.array(slug).default([]),
    helpsWith: z.array(helpTopicSchema).min(1),
    /** Words a worker might search with ("inloop", "arabisch", "formulieren"). */
    keywords: z.array(text).default([]),
    /** What a resident brings to the first visit, for the referral slip. */
    whatToBring: z.array(text).default([]),
    checkedOn: z.iso.date(),
  })
  .strict();
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const organisationSchema = z
  .object({
    id: slug,
    name: text,
    kind: z.enum(ORGANISATION_KINDS),
    summary: text,
    /** Whether a signal or referral can be handed over to this organisation. */
    acceptsReferrals: z.boolean().default(false),
    /** Practical data for the sociale kaart; absent: not a door a worker sends a resident to. */
    directory: directoryEntrySchema.optional(),
    source: sources,
  })
  .strict();
export type Organisation = z.infer<typeof organisationSchema>;

export const wijkStatSchema = z
  .object({
    label: text,
    value: z.union([z.number(), text]),
    unit: z.string().optional(),
    year: z.string().optional(),
    dordrecht: z.union([z.number(), text]).optional(),
    nederland: z.union([z.number(), text]).optional(),
    indicator: slug.optional(),
    source: sources,
  })
  .strict();

export const wijkSchema = z
  .object({
    id: slug,
    name: text,
    kind: z.enum(['wijk', 'buurt', 'gebied']),
    /** The wijk a buurt lies in. */
    partOf: slug.optional(),
    inDordtWest: z.boolean(),
    inNpdwFocusgebied: z.boolean(),
    summary: text,
    facts: z.array(z.object({ text, source: sources }).strict()).default([]),
    stats: z.array(wijkStatSchema).default([]),
    programmes: z.array(slug).default([]),
    places: z
      .array(
        z
          .object({ name: text, kind: text, description: z.string().optional(), source: sources })
          .strict(),
      )
      .default([]),
    source: sources,
  })
  .strict();
export type Wijk = z.infer<typeof wijkSchema>;

export const indicatorValueSchema = z
  .object({
    /** "dordrecht", "dordt-west", "nederland" or a wijk id. */
    area: slug,
    year: z.string(),
    value: z.number().nullable(),
    /** The value as the source prints it when it is not one number ("↑", "n.b.", "3 van 5"). */
    valueText: z.string().optional(),
  })
  .strict();

export const indicatorSchema = z
  .object({
    id: slug,
    name: text,
    programme: slug,
    /** The monitoring table this row comes from. */
    table: text,
    unit: z.string().optional(),
    fundament: fundamentIdSchema.optional(),
    direction: z.enum(['hoger-is-beter', 'lager-is-beter', 'neutraal']),
    values: z.array(indicatorValueSchema).default([]),
    target: z
      .object({ text, value: z.number().optional(), year: z.string().optional() })
      .strict()
      .optional(),
    dataSource: z.string().optional(),
    note: z.string().optional(),
    source: sources,
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

/** The files the catalogue is written in, each an array of one kind of record. */
export const catalogueFilesSchema = {
  'fundamenten.json': z.array(fundamentSchema),
  'programmes.json': z.array(programmeSchema),
  'regelingen.json': z.array(regelingSchema),
  'organisations.json': z.array(organisationSchema),
  'wijken.json': z.array(wijkSchema),
  'indicators.json': z.array(indicatorSchema),
} as const;
export type CatalogueFileName = keyof typeof catalogueFilesSchema;

export const catalogueSchema = z
  .object({
    version: z.string().min(1),
    fundamenten: z.array(fundamentSchema),
    programmes: z.array(programmeSchema),
    regelingen: z.array(regelingSchema),
    organisations: z.array(organisationSchema),
    wijken: z.array(wijkSchema),
    indicators: z.array(indicatorSchema),
  })
  .strict();
export type Catalogue = z.infer<typeof catalogueSchema>;
