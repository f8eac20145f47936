import type { SignalEvent } from '../signals/signal-events';
import type { SignalState } from '../signals/signal-state';
import type { DoorAnswers, DoorDomain } from '../signals/outreach-values';
import { DOOR_DOMAINS } from '../signals/outreach-values';
import type { Published } from '../insight/suppression';
import { protectTable } from '../insight/suppression';
import type { PlanInput, VisitAuthor, VisitProblem } from './outreach';
import { planAttempt, planOutcome } from './outreach';
import type { SignalEventDraft } from '../signals/signal-events';

/**
 * A campaign address's outcome and the coordinator's counts per campaign, from the address's
 * events alone (the same attempt, status and help events as any visit).
 */

/** What became of an address, most telling first (see doorOutcome). */
export const DOOR_OUTCOMES = [
  'niet-bezocht',
  'niet-thuis',
  'geen-contact',
  'gesproken',
  'geweigerd',
  'leegstand',
  'adres-onbekend',
] as const;
export type DoorOutcome = (typeof DOOR_OUTCOMES)[number];

/**
 * - `leegstand` / `adres-onbekend`: closed because nobody lives there or the address is wrong;
 * - `geweigerd`: the door opened but the household declined (help refused);
 * - `gesproken`: someone talked with the household (an attempt "gesproken", or contact);
 * - `geen-contact`: closed as unreachable after N attempts (lifecycle's rule);
 * - `niet-thuis`: rung, nobody opened, still open;
 * - `niet-bezocht`: nobody stood at the door yet (a letter alone is no visit).
 */
export function doorOutcome(state: SignalState): DoorOutcome {
  if (state.closeReason === 'leegstand' || state.closeReason === 'adres-onbekend')
    return state.closeReason;
  if (state.help === 'geweigerd') return 'geweigerd';
  if (
    state.firstContactAt !== null ||
    state.attempts.some((a) => a.attempt === 'huisbezoek-gesproken')
  )
    return 'gesproken';
  if (state.status === 'geen-contact-mogelijk') return 'geen-contact';
  if (state.attempts.some((a) => a.attempt === 'huisbezoek-niet-thuis')) return 'niet-thuis';
  return 'niet-bezocht';
}

/** Reached: someone opened the door (talked, or declined in person). */
export function isReached(outcome: DoorOutcome): boolean {
  return outcome === 'gesproken' || outcome === 'geweigerd';
}

/**
 * The household's answers as they stand: per domain the latest real answer (zorg / geen zorg)
 * of any visit; "niet gevraagd" never overwrites an earlier answer.
 */
export function currentAnswers(state: SignalState): DoorAnswers {
  const answers: DoorAnswers = {};
  for (const attempt of [...state.attempts].sort((a, b) => (a.at < b.at ? -1 : 1))) {
    for (const domain of DOOR_DOMAINS) {
      const answer = attempt.answers?.[domain];
      if (answer === 'zorg' || answer === 'geen-zorg') answers[domain] = answer;
      else if (answer === 'niet-gevraagd' && answers[domain] === undefined)
        answers[domain] = answer;
    }
  }
  return answers;
}

export interface CampaignCounts {
  addresses: number;
  /** Someone stood at the door or found the address empty or unknown. */
  visited: number;
  reached: number;
  outcomes: Record<DoorOutcome, number>;
  /** Households with a worry in the domain. */
  zorg: Record<DoorDomain, number>;
}

export function countCampaign(states: readonly SignalState[]): CampaignCounts {
  const outcomes = Object.fromEntries(DOOR_OUTCOMES.map((o) => [o, 0])) as Record<
    DoorOutcome,
    number
  >;
  const zorg = Object.fromEntries(DOOR_DOMAINS.map((d) => [d, 0])) as Record<DoorDomain, number>;
  let visited = 0;
  let reached = 0;
  for (const state of states) {
    const outcome = doorOutcome(state);
    outcomes[outcome] += 1;
    if (outcome !== 'niet-bezocht') visited += 1;
    if (isReached(outcome)) reached += 1;
    const answers = currentAnswers(state);
    for (const domain of DOOR_DOMAINS) if (answers[domain] === 'zorg') zorg[domain] += 1;
  }
  return { addresses: states.length, visited, reached, outcomes, zorg };
}

/** The columns of the coordinator's overview, in order. */
export const OVERVIEW_COLUMNS = [
  'visited',
  'reached',
  ...DOOR_OUTCOMES.filter((o) => o !== 'niet-bezocht').map((o) => `outcome.${o}` as const),
  ...DOOR_DOMAINS.map((d) => `zorg.${d}` as const),
] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];

export interface PublishedCampaign {
  /** The length of the list the coordinator made herself: no resident's data, always shown. */
  addresses: number;
  cells: Record<OverviewColumn, Published>;
}

function cellOf(counts: CampaignCounts, column: OverviewColumn): number {
  if (column === 'visited') return counts.visited;
  if (column === 'reached') return counts.reached;
  const [kind, key] = column.split('.') as ['outcome' | 'zorg', string];
  return kind === 'outcome' ? counts.outcomes[key as DoorOutcome] : counts.zorg[key as DoorDomain];
}

/**
 * The counts as the coordinator may see them, through the insight figures' small-cell
 * suppression (suppression.ts): every count below 5 shows as "< 5" — a 0 too, as in the
 * insight figures: on a list of addresses the coordinator made herself, "0 with a worry about
 * money" among the households reached would say something about each of them. The table has
 * no margins (the columns overlap: a reached address is also visited), so no subtraction of
 * published numbers gives a suppressed one back.
 */
export function publishCampaign(counts: CampaignCounts): PublishedCampaign {
  const values = OVERVIEW_COLUMNS.map((c) => cellOf(counts, c));
  const table = protectTable({
    rows: ['campaign'],
    cols: [...OVERVIEW_COLUMNS],
    cells: [values],
    showRowTotals: false,
    showColTotals: false,
    showTotal: false,
  });
  const cells = {} as Record<OverviewColumn, Published>;
  OVERVIEW_COLUMNS.forEach((column, i) => {
    cells[column] = table.cells[0]?.[i] ?? { kind: 'hidden' };
  });
  return { addresses: counts.addresses, cells };
}

type Plan = { ok: true; events: SignalEventDraft[] } | { ok: false; problem: VisitProblem };

/** The input with planned drafts applied, so the next plan checks against them. */
function withPlanned(input: PlanInput, drafts: readonly SignalEventDraft[]): PlanInput {
  const events: SignalEvent[] = [
    ...input.events,
    // '~a' sorts after stored ids and before the next plan's own '~planned-' ids at one moment.
    ...drafts.map((d, i) => ({ ...d, id: `~a-${String(i).padStart(4, '0')}` })),
  ];
  return { ...input, events };
}

/**
 * "Gesproken" at a campaign address: the attempt with the questionnaire's answers, and the
 * contact (when there was none yet). One tap, one plan: either every event is written or none.
 */
export function planDoorTalk(
  input: PlanInput,
  answers: DoorAnswers,
  request: VisitAuthor & { at: string },
): Plan {
  const attempt = planAttempt(input, { ...request, attempt: 'huisbezoek-gesproken', answers });
  if (!attempt.ok) return attempt;
  const next = withPlanned(input, attempt.events);
  const contact = planOutcome(next, { kind: 'contact-gelegd' }, request);
  // Contact made on an earlier visit: the attempt and its answers are what this visit adds.
  if (!contact.ok) return contact.problem === 'illegal' ? attempt : contact;
  return { ok: true, events: [...attempt.events, ...contact.events] };
}

/** "Geweigerd" at the door: someone opened (an attempt gesproken) and declined (help refused). */
export function planDoorRefusal(input: PlanInput, request: VisitAuthor & { at: string }): Plan {
  const attempt = planAttempt(input, { ...request, attempt: 'huisbezoek-gesproken' });
  if (!attempt.ok) return attempt;
  const refusal = planOutcome(
    withPlanned(input, attempt.events),
    { kind: 'hulp-geweigerd' },
    request,
  );
  if (!refusal.ok) return refusal;
  return { ok: true, events: [...attempt.events, ...refusal.events] };
}
