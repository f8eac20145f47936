import { z } from 'zod';
import { sourceRefSchema } from '../catalogue/schema';
import { BARRIERS, OFFER_PACES, OFFER_STATUSES, WISHES } from './vocabulary';

/**
 * Ontwikkelaanbod: what a toekomstmakelaar can match a resident to (003 L3633–3636). Catalogue
 * data like the regelingen: every offer names its source, its status comes from the seeds, and
 * what the seeds do not say (hours, entry requirements) stays `onbekend` or absent.
 */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "leerpraktijkcentrum"');
const text = z.string().trim().min(1, 'must not be empty');

export const offerSchema = z
  .object({
    id: slug,
    name: text,
    /** B1 Dutch: what the resident does there. */
    summary: text,
    status: z.enum(OFFER_STATUSES),
    /** Why the status is what it is, when it is not simply running (e.g. "nog op te richten"). */
    statusNote: z.string().optional(),
    /** The catalogue regeling with the same subject, for the detail page. */
    regeling: slug.optional(),
    /** Organisations that run it (ids in organisations.json). */
    organisations: z.array(slug).min(1),
    /** The organisation a warm handover goes to; must accept referrals. */
    handoverTo: slug,
    /** Wishes it serves; empty for help that only removes a barrier (e.g. digital help). */
    wishes: z.array(z.enum(WISHES)).default([]),
    /** Barriers this offer itself helps with (a language offer with taal, own pace with confidence). */
    tackles: z.array(z.enum(BARRIERS)).default([]),
    pace: z.enum(OFFER_PACES),
    /** True when the source says no diploma or experience is needed; absent when it says nothing. */
    noDiplomaNeeded: z.boolean().optional(),
    /** Where it takes place, when the source says (a wijk id). */
    wijk: slug.optional(),
    /** What the resident has at the end, when the source says (e.g. an MBO-erkende praktijkverklaring). */
    result: z.string().optional(),
    source: z.array(sourceRefSchema).min(1, 'every offer needs at least one source'),
  })
  .strict();
export type Offer = z.infer<typeof offerSchema>;

export const offersFileSchema = z.array(offerSchema);

export interface OfferRefs {
  organisations: ReadonlyMap<string, { acceptsReferrals: boolean }>;
  regelingen: ReadonlySet<string>;
  wijken: ReadonlySet<string>;
}

/**
 * Validates the offers file like the catalogue's files: schema first, then unique ids and every
 * reference pointing at a catalogue record. Errors name the file, the offer and the field.
 */
export function validateOffers(
  data: unknown,
  refs: OfferRefs,
): { ok: true; offers: Offer[] } | { ok: false; errors: string[] } {
  const file = 'offers.json';
  const parsed = offersFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const o of parsed.data) {
    if (seen.has(o.id)) errors.push(`${file}: id "${o.id}" is used twice`);
    seen.add(o.id);
    for (const org of o.organisations) {
      if (!refs.organisations.has(org))
        errors.push(`${file}: id "${o.id}" field organisations: "${org}" is not an organisation`);
    }
    const handover = refs.organisations.get(o.handoverTo);
    if (!handover || !handover.acceptsReferrals)
      errors.push(
        `${file}: id "${o.id}" field handoverTo: "${o.handoverTo}" is not an organisation that accepts referrals`,
      );
    if (o.regeling && !refs.regelingen.has(o.regeling))
      errors.push(`${file}: id "${o.id}" field regeling: "${o.regeling}" is not a regeling`);
    if (o.wijk && !refs.wijken.has(o.wijk))
      errors.push(`${file}: id "${o.id}" field wijk: "${o.wijk}" is not a wijk`);
    if (o.status !== 'loopt' && !o.statusNote)
      errors.push(`${file}: id "${o.id}" field statusNote: say why it is not running`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, offers: parsed.data };
}
