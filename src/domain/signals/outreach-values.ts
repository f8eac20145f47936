import { z } from 'zod';

/**
 * The values of outreach after a vroegsignaal (issue 17): each attempt to reach a household is
 * an append-only `attempt` event that changes no status; the outcomes reuse the status and
 * `help` events. Kept apart from lifecycle.ts so the lifecycle and the outreach module can both
 * import them without a cycle.
 */

/** How the worker tried to reach the household. */
export const ATTEMPT_KINDS = [
  'brief',
  'huisbezoek-niet-thuis',
  'huisbezoek-gesproken',
  'telefoon',
  'e-mail',
] as const;
export const attemptKindSchema = z.enum(ATTEMPT_KINDS);
export type AttemptKind = z.infer<typeof attemptKindSchema>;

/** Where the resident went when she accepted help (the seeds' "hulp aanvaard", 003 L3882–3886). */
export const HELP_DESTINATIONS = [
  'schuldhulp',
  'budgetcoach',
  'sdd',
  'wijkteam',
  'anders',
] as const;
export const helpDestinationSchema = z.enum(HELP_DESTINATIONS);
export type HelpDestination = z.infer<typeof helpDestinationSchema>;

/**
 * Why a signal was closed, when it is not the worker's own follow-up that closed it: the
 * creditor resolved the arrears, or (door-to-door campaigns) nobody lives at the address
 * (`leegstand`) or the address does not exist as written (`adres-onbekend`). None of these
 * needs contact first: there is nobody to reach.
 */
export const CLOSE_REASONS = ['opgelost-door-schuldeiser', 'leegstand', 'adres-onbekend'] as const;
export const closeReasonSchema = z.enum(CLOSE_REASONS);
export type CloseReason = z.infer<typeof closeReasonSchema>;

/**
 * "Geen contact na N pogingen": after this many attempts since the signal was picked up, the
 * worker may close it as geen-contact-mogelijk without writing a reason. Three is the letter
 * plus two visits at different moments of the day (one attempt is easily missed; most
 * households are reached by the second visit). A project default chosen for issue 17, not a
 * legal norm: the Wgs obliges the gemeente to offer help but sets no number of attempts.
 */
export const NO_CONTACT_AFTER_ATTEMPTS = 3;

/**
 * The life domains a door-to-door campaign asks about (Sociaal Renoveren: households are
 * "uitgevraagd op meerdere levensgebieden", 003 L3845–3856). One short question each; the
 * questions are in the locale files under `campaign.domain.*`, taken from the check where it
 * has one (see DOOR_DOMAIN_CHECK_QUESTION in domain/vroegsignalen/campaign.ts).
 */
export const DOOR_DOMAINS = [
  'geld',
  'wonen',
  'werk',
  'gezondheid',
  'sociaal',
  'opvoeding',
] as const;
export const doorDomainSchema = z.enum(DOOR_DOMAINS);
export type DoorDomain = z.infer<typeof doorDomainSchema>;

/** The answer per domain: a worry, no worry, or the question was not asked (the default). */
export const DOOR_ANSWERS = ['zorg', 'geen-zorg', 'niet-gevraagd'] as const;
export const doorAnswerSchema = z.enum(DOOR_ANSWERS);
export type DoorAnswer = z.infer<typeof doorAnswerSchema>;

/**
 * The questionnaire's answers, stored with the `huisbezoek-gesproken` attempt (so encrypted on
 * the device and append-only like every visit). A domain left out was not asked.
 */
export const doorAnswersSchema = z.partialRecord(doorDomainSchema, doorAnswerSchema);
export type DoorAnswers = z.infer<typeof doorAnswersSchema>;
