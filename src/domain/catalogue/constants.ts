/**
 * The catalogue's closed word lists, kept apart from the zod schemas so the app can use them
 * without loading zod on start-up.
 */

export const SEED_FILES = [
  '000_6d4ebf84a8013f8d.txt',
  '001_339159327708f54b.txt',
  '002_7e2e2d0ced4a1664.txt',
  '003_595b1b18b47d5e8d.txt',
  '004_f5c86e1bd0540830.txt',
] as const;

export const FUNDAMENT_IDS = ['inkomen', 'meedoen', 'wonen', 'hulp-en-zorg', 'vertrouwen'] as const;

export const PROGRAMME_KINDS = ['uitvoeringsprogramma', 'nationaal-programma', 'aanpak'] as const;

export const DOELGROEPEN = [
  'iedereen',
  'laag-inkomen',
  'bijstand',
  'werkenden',
  'werkzoekenden',
  'kinderen',
  'jongeren',
  'ouders',
  'alleenstaande-ouders',
  'senioren',
  'nieuwkomers',
  'huurders',
  'woningeigenaren',
  'mensen-met-schulden',
  'mensen-met-zorgvraag',
  'kwetsbare-huishoudens',
] as const;

export const REGELING_KINDS = [
  'minimaregeling',
  'toeslag',
  'fonds',
  'uitkering',
  'voorziening',
  'hulp',
  'werk-en-leren',
  'wonen',
] as const;

/**
 * Whether the catalogue knows the eligibility conditions. The seeds give none for most
 * regelingen; the record then says so instead of inventing a threshold.
 */
export const ELIGIBILITY_KNOWN = ['in-seeds', 'public-source', 'unknown'] as const;

export const ORGANISATION_KINDS = [
  'gemeente',
  'uitvoering',
  'welzijn',
  'zorg',
  'onderwijs',
  'woningcorporatie',
  'vrijwilligers',
  'werk',
  'veiligheid',
  'overig',
] as const;

/** Whether an offer runs; an offer in development is shown as such and never as the only route. */
export const OFFER_STATUSES = ['loopt', 'in-ontwikkeling', 'gestopt'] as const;

/** The scope word in `servesWijken` for an offer open to every wijk of Dordt West. */
export const DORDT_WEST_SCOPE = 'dordt-west';

/** What a place helps with: the closed list the check, the handover and search filter on. */
export const HELP_TOPICS = [
  'geldzaken',
  'schulden',
  'regelingen',
  'werk',
  'taal',
  'digitaal',
  'juridisch',
  'veiligheid',
  'zorg',
  'clientondersteuning',
  'ontmoeting',
  'voedsel',
  'wonen',
  'energie',
  'jeugd',
] as const;

/** Whether a visit needs an appointment. */
export const APPOINTMENT_KINDS = ['nodig', 'niet-nodig', 'inloop-of-afspraak'] as const;
