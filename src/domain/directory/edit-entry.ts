import type { Catalogue, OfferStatus, SourceRef, TextFact } from '../catalogue/schema';
import { directoryEntrySchema, sourceRefSchema } from '../catalogue/schema';

/**
 * A beheerder's change to one sociale kaart entry, made in the app: the practical facts a worker
 * acts on (address, phone, contact, hours, walk-in) and the offer's status. Every changed fact
 * takes the source the beheerder names (her own check, the organisation's site); facts she left
 * as they were keep their own source. Saving always records the day she checked the entry.
 */
export const EDITABLE_FACTS = ['address', 'phone', 'contact', 'hours', 'walkIn'] as const;
export type EditableFact = (typeof EDITABLE_FACTS)[number];

/** Known: `text` is the value. Unknown: `text` says why ("niet op de eigen site, 2026-12-01"). */
export interface FactInput {
  known: boolean;
  text: string;
}

export interface EntryEdit {
  facts: Record<EditableFact, FactInput>;
  status: OfferStatus;
  source: { title: string; publisher: string; url?: string };
  /** ISO date: today, read at the edge. */
  checkedOn: string;
}

export type EditResult =
  | { ok: true; catalogue: Omit<Catalogue, 'version'>; changed: (EditableFact | 'status')[] }
  | { ok: false; problems: string[] };

/** What the form shows for a stored fact. */
export function factInput(fact: TextFact): FactInput {
  return 'value' in fact ? { known: true, text: fact.value } : { known: false, text: fact.unknown };
}

function sameFact(fact: TextFact, input: FactInput): boolean {
  const current = factInput(fact);
  return current.known === input.known && current.text === input.text.trim();
}

/**
 * The catalogue to publish with the edit applied to organisation `id`, checked against the
 * entry's schema; or what is wrong, in the schema's words, with nothing changed.
 */
export function applyEntryEdit(catalogue: Catalogue, id: string, edit: EntryEdit): EditResult {
  const organisation = catalogue.organisations.find((o) => o.id === id);
  const entry = organisation?.directory;
  if (!organisation || !entry) return { ok: false, problems: [`No kaart entry "${id}".`] };
  const changed: (EditableFact | 'status')[] = EDITABLE_FACTS.filter(
    (key) => !sameFact(entry[key], edit.facts[key]),
  );
  if (edit.status !== entry.status.value) changed.push('status');
  const url = edit.source.url?.trim();
  const parsedSource = sourceRefSchema.safeParse({
    title: edit.source.title.trim(),
    publisher: edit.source.publisher.trim(),
    ...(url ? { url } : {}),
    date: edit.checkedOn,
  });
  // Only a changed fact needs the new source; a re-check alone just moves the date.
  if (changed.length > 0 && !parsedSource.success) {
    return {
      ok: false,
      problems: parsedSource.error.issues.map((i) => `source.${i.path.join('.')}: ${i.message}`),
    };
  }
  const source: SourceRef[] = parsedSource.success ? [parsedSource.data] : [];
  const next: Record<string, unknown> = { ...entry, checkedOn: edit.checkedOn };
  for (const key of EDITABLE_FACTS) {
    if (!changed.includes(key)) continue;
    const input = edit.facts[key];
    next[key] = input.known ? { value: input.text.trim(), source } : { unknown: input.text.trim() };
  }
  if (changed.includes('status')) next.status = { value: edit.status, source };
  const parsed = directoryEntrySchema.safeParse(next);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  }
  const { version: _version, ...rest } = catalogue;
  return {
    ok: true,
    changed,
    catalogue: {
      ...rest,
      organisations: catalogue.organisations.map((o) =>
        o.id === id ? { ...o, directory: parsed.data } : o,
      ),
    },
  };
}
