import type { Rule } from '../eligibility/rule-schema';
import { currentRuleTexts, localiseRegeling, type CatalogueOverlay } from './overlay';
import { distinctSources } from './source-refs';
import type { Catalogue, SourceRef, TextFact } from './schema';

/** The door where a resident applies: the provider's place on the sociale kaart, each fact sourced. */
export interface ApplicationCounter {
  organisation: string;
  name: string;
  address: TextFact;
  hours: TextFact;
  walkIn: TextFact;
  phone: TextFact;
  /** The day the kaart entry as a whole was last checked. */
  checkedOn: string;
  sources: SourceRef[];
}

/** Why no counter can be named: no provider organisation, or one without a place on the kaart. */
export type NoCounter = { unknown: 'no-provider' } | { unknown: 'no-place'; provider: string };

/**
 * What a resident needs to apply for one regeling: what to bring, how, online and at which door.
 * Built from the catalogue (and the check's rule where the catalogue has no record), in the
 * overlay's language where it has the text; what is only Dutch is flagged so a screen can say so.
 */
export interface ApplicationHelp {
  regeling: string;
  /** Whether the catalogue holds it (else it is known from the check's rules only). */
  inCatalogue: boolean;
  /** The catalogue's Dutch name, as the resident asks for it at the counter (a rule's in translation). */
  name: string;
  nameExplanation?: string;
  steps: string[];
  /** True when the steps are Dutch on a screen in another language. */
  stepsDutch: boolean;
  /** Empty: the sources name nothing to bring (said so, never invented). */
  documents: string[];
  documentsDutch: boolean;
  /** The provider's website or web form, from its kaart entry. */
  online: { url: string; source: SourceRef[] } | null;
  counter: ApplicationCounter | NoCounter;
  sources: SourceRef[];
}

export interface ApplicationHelpInput {
  catalogue: Pick<Catalogue, 'regelingen' | 'organisations'>;
  rules: readonly Rule[];
  /** Undefined: Dutch. */
  overlay: CatalogueOverlay | undefined;
}

/** A contact fact that is a web address only ("www.x.nl", "https://x.nl/y"), as a link. */
function webAddress(fact: TextFact): { url: string; source: SourceRef[] } | null {
  if (!('value' in fact)) return null;
  const value = fact.value.trim();
  if (!/^(https?:\/\/|www\.)[^\s@]+$/i.test(value)) return null;
  return { url: /^https?:\/\//i.test(value) ? value : `https://${value}`, source: fact.source };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function applicationHelp(
  id: string,
  { catalogue, rules, overlay }: ApplicationHelpInput,
): ApplicationHelp | undefined {
  const found = catalogue.regelingen.find((r) => r.id === id);
  const rule = rules.find((r) => r.regeling === id);
  if (!found && !rule) return undefined;
  const regeling = found && localiseRegeling(found, overlay);
  const written = overlay?.rules[id];
  const ruleTexts = rule && written ? currentRuleTexts(written, rule) : undefined;
  const ruleSteps = ruleTexts?.howToApply ?? rule?.howToApply;
  const ruleDocs = ruleTexts?.documents ?? rule?.documents;
  const ruleDutch = overlay !== undefined && ruleTexts === undefined;

  const steps = regeling ? regeling.howToApply : (ruleSteps ?? []);
  const stepsDutch = regeling
    ? overlay !== undefined && !regeling.translated.howToApply
    : ruleDutch;
  const documents = unique([...(regeling?.documents ?? []), ...(ruleDocs ?? [])]);
  const documentsDutch =
    overlay !== undefined &&
    ((regeling !== undefined && !regeling.translated.documents) ||
      (rule !== undefined && rule.documents.length > 0 && ruleDutch));

  let counter: ApplicationCounter | NoCounter = { unknown: 'no-provider' };
  let online: ApplicationHelp['online'] = null;
  const organisation = found?.providerOrganisation
    ? catalogue.organisations.find((o) => o.id === found.providerOrganisation)
    : undefined;
  if (organisation) {
    const entry = organisation.directory;
    if (!entry) counter = { unknown: 'no-place', provider: organisation.name };
    else {
      const facts = [entry.address, entry.hours, entry.walkIn, entry.phone];
      counter = {
        organisation: organisation.id,
        name: organisation.name,
        address: entry.address,
        hours: entry.hours,
        walkIn: entry.walkIn,
        phone: entry.phone,
        checkedOn: entry.checkedOn,
        sources: distinctSources(facts.flatMap((f) => ('source' in f ? f.source : []))),
      };
      online = webAddress(entry.contact);
    }
  }

  return {
    regeling: id,
    inCatalogue: found !== undefined,
    name: found?.name ?? ruleTexts?.name ?? rule?.name ?? id,
    ...(regeling?.nameExplanation ? { nameExplanation: regeling.nameExplanation } : {}),
    steps,
    stepsDutch,
    documents,
    documentsDutch: documents.length > 0 && documentsDutch,
    online,
    counter,
    sources: found?.source ?? rule?.source ?? [],
  };
}
