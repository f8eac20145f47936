import { CREDITOR_TYPES } from '../vroegsignalen/vroegsignaal';
import {
  appliedTogether,
  isApplied,
  DOELGROEPEN,
  TAKE_UP_STATUSES,
  type TakeUpStatus,
} from './take-up';

/**
 * What one signal or check adds to the coordinator's counts (the rollup). The server keeps, per
 * month × wijk × team, how many records fall in each part; a changed record takes its old parts
 * off and adds its new ones, so the counts are maintained in the push that changes the record,
 * and a full rebuild computes exactly the same parts from scratch. Pure: both paths call it.
 *
 * A part is a metric and a key: `category`/`urgency`/`status` (the record's value, '' when
 * absent), `signals`, `contact`, `accepted`, `contactTenths` (tenths of an hour from the signal
 * to its first contact, rounded down: the median is exact to 6 minutes, the screen's 0.1 h),
 * `checks`, `role`, `suggested`/`applied`/`appliedTogether`/`granted` (a regeling id; the
 * third: applied together with the worker at the table, issue 16), `doelgroep`; for an
 * imported vroegsignaal also `vroeg`, `vroegContact`, `vroegAccepted` (its creditor type).
 */
export interface RollupPart {
  metric: RollupMetric;
  key: string;
}

export const ROLLUP_METRICS = [
  'signals',
  'category',
  'urgency',
  'status',
  'contact',
  'accepted',
  'contactTenths',
  'checks',
  'role',
  'suggested',
  'applied',
  'appliedTogether',
  'granted',
  'doelgroep',
  'language',
  'vroeg',
  'vroegContact',
  'vroegAccepted',
] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

/** One row of the rollup: `n` records of the month in this wijk and team have this part. */
export interface RollupCount {
  /** '' = no wijk recorded. */
  wijk: string;
  /** '' = no team. */
  team: string;
  metric: RollupMetric;
  key: string;
  n: number;
}

/** What a signal's events say, kept per signal so a new event updates it without a re-read. */
export interface SignalEventState {
  /** The earliest `contactAt` (or the event's time) of a `contact-gelegd` status event. */
  firstContact: string | null;
  /** The latest valid word on help, by (created_at, version). */
  help: 'aanvaard' | 'geweigerd' | null;
  helpAt: string | null;
  helpVersion: number | null;
}

export const NO_EVENTS: SignalEventState = {
  firstContact: null,
  help: null,
  helpAt: null,
  helpVersion: null,
};

/** An event as stored; only status and help events of signals change anything. */
export interface EventInput {
  kind: string;
  status: string | null;
  body: string | null;
  created_at: string;
  version: number;
}

function parsed(body: string | null): Record<string, unknown> {
  if (!body) return {};
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether an event can change a signal's counts (the push reads nothing for the others). */
export function countsForSignal(e: Pick<EventInput, 'kind' | 'status'>): boolean {
  return e.kind === 'help' || (e.kind === 'status' && e.status === 'contact-gelegd');
}

export function foldSignalEvent(state: SignalEventState, e: EventInput): SignalEventState {
  if (e.kind === 'status' && e.status === 'contact-gelegd') {
    const at = parsed(e.body).contactAt;
    const when = typeof at === 'string' ? at : e.created_at;
    return state.firstContact === null || when < state.firstContact
      ? { ...state, firstContact: when }
      : state;
  }
  if (e.kind === 'help') {
    const help = parsed(e.body).help;
    if (help !== 'aanvaard' && help !== 'geweigerd') return state;
    const later =
      state.helpAt === null ||
      e.created_at > state.helpAt ||
      (e.created_at === state.helpAt && e.version > (state.helpVersion ?? -1));
    return later ? { ...state, help, helpAt: e.created_at, helpVersion: e.version } : state;
  }
  return state;
}

/** A record as the rollup sees it (the stored row's columns it needs). */
export interface RecordInput {
  entity_type: string;
  wijk?: string | null;
  status?: string | null;
  team_id?: string | null;
  assigned_team?: string | null;
  created_at: string;
  deleted: number;
  data: string;
}

/** The month a record counts in: the month it was made (UTC, as stored). */
export function monthOf(createdAt: string): string {
  return createdAt.slice(0, 7);
}

/**
 * The team a record counts with: a signal with the team it was handed to, or else the team of
 * whoever made it; a check with the team of whoever did it.
 */
export function teamOf(r: Pick<RecordInput, 'entity_type' | 'team_id' | 'assigned_team'>): string {
  return (r.entity_type === 'signal' ? (r.assigned_team ?? r.team_id) : r.team_id) ?? '';
}

/** A short text field of the record's data ('' when absent or not a short text). */
function field(data: Record<string, unknown>, name: string): string {
  const v = data[name];
  return typeof v === 'string' && v.length <= 64 ? v : '';
}

function ids(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.filter((x): x is string => typeof x === 'string' && x.length <= 64))];
}

const STATUSES = new Set<string>(TAKE_UP_STATUSES);
const CREDITORS = new Set<string>(CREDITOR_TYPES);
const GROUPS = new Set<string>(DOELGROEPEN);

export function signalParts(r: RecordInput, events: SignalEventState): RollupPart[] {
  if (Number(r.deleted) === 1) return [];
  const data = parsed(r.data);
  // A door-to-door campaign's address is a list entry, not a signal anyone raised: counting it
  // would swell the signal figures by every address of every campaign. The campaign overview
  // counts it instead (domain/vroegsignalen/campaign.ts).
  if (data.source === 'campagne') return [];
  const parts: RollupPart[] = [
    { metric: 'signals', key: '' },
    { metric: 'category', key: field(data, 'category') },
    { metric: 'urgency', key: field(data, 'urgency') },
    { metric: 'status', key: r.status ?? '' },
  ];
  if (events.firstContact !== null) {
    parts.push({ metric: 'contact', key: '' });
    const ms = Date.parse(events.firstContact) - Date.parse(r.created_at);
    if (Number.isFinite(ms))
      parts.push({ metric: 'contactTenths', key: String(Math.floor(Math.max(0, ms) / 360_000)) });
  }
  if (events.help === 'aanvaard') parts.push({ metric: 'accepted', key: '' });
  // A creditor's arrears signal (issue 17): per creditor type, reached and helped.
  const creditor = field(data, 'creditorType');
  if (data.source === 'vroegsignaal' && CREDITORS.has(creditor)) {
    parts.push({ metric: 'vroeg', key: creditor });
    if (events.firstContact !== null) parts.push({ metric: 'vroegContact', key: creditor });
    if (events.help === 'aanvaard') parts.push({ metric: 'vroegAccepted', key: creditor });
  }
  return parts;
}

/** `role` is the role of whoever did the check, as it was when the check reached the server. */
export function checkParts(r: RecordInput, role: string): RollupPart[] {
  if (Number(r.deleted) === 1) return [];
  const data = parsed(r.data);
  const parts: RollupPart[] = [
    { metric: 'checks', key: '' },
    { metric: 'role', key: role },
  ];
  for (const id of ids(data.suggested)) parts.push({ metric: 'suggested', key: id });
  const takeUp = data.takeUp;
  if (typeof takeUp === 'object' && takeUp !== null && !Array.isArray(takeUp)) {
    for (const [id, entry] of Object.entries(takeUp as Record<string, unknown>)) {
      if (id.length === 0 || id.length > 64) continue;
      const status = (entry as { status?: unknown } | null)?.status;
      if (typeof status !== 'string' || !STATUSES.has(status)) continue;
      if (isApplied(status as TakeUpStatus)) parts.push({ metric: 'applied', key: id });
      if (appliedTogether(entry as { status: string })) {
        parts.push({ metric: 'appliedTogether', key: id });
      }
      if (status === 'toegekend') parts.push({ metric: 'granted', key: id });
    }
  }
  for (const g of ids(data.doelgroepen))
    if (GROUPS.has(g)) parts.push({ metric: 'doelgroep', key: g });
  return parts;
}

/**
 * The role column an anonymous quick check counts under in the checks table: it is done by a
 * volunteer or worker, but without a record, so it is shown apart from the records' roles.
 */
export const QUICK_CHECK_ROLE = 'snelcheck';

/**
 * What one anonymous quick check's tally adds (issue 16): a check, under the quick-check role,
 * its suggested and applied regelingen and the language of the summary. Counted in the month of
 * its day, in its wijk (or none), with the team of the worker who sent it.
 */
export function tallyParts(t: {
  suggested: readonly string[];
  applied: readonly string[];
  summaryLanguage: string;
}): RollupPart[] {
  const parts: RollupPart[] = [
    { metric: 'checks', key: '' },
    { metric: 'role', key: QUICK_CHECK_ROLE },
    { metric: 'language', key: t.summaryLanguage },
  ];
  for (const id of new Set(t.suggested)) parts.push({ metric: 'suggested', key: id });
  // A tally's applied regelingen are those applied for at the table, so they count in both columns.
  for (const id of new Set(t.applied)) {
    parts.push({ metric: 'applied', key: id });
    parts.push({ metric: 'appliedTogether', key: id });
  }
  return parts;
}

/** Where a record's parts are counted. */
export interface Placed {
  month: string;
  wijk: string;
  team: string;
  parts: readonly RollupPart[];
}

export function placed(r: RecordInput, parts: readonly RollupPart[]): Placed {
  return { month: monthOf(r.created_at), wijk: r.wijk ?? '', team: teamOf(r), parts };
}

/** Adds `sign` × the record's parts to `delta` (keyed by month, wijk, team, metric, key). */
export function addParts(delta: Map<string, number>, p: Placed | null, sign: 1 | -1): void {
  if (!p) return;
  for (const part of p.parts) {
    // The median is published for Dordrecht only: its histogram is kept for the city as a
    // whole (wijk and team '*'), a few thousand rows a month rather than that many per team.
    const city = part.metric === 'contactTenths';
    const where = city ? ['*', '*'] : [p.wijk, p.team];
    const k = JSON.stringify([p.month, ...where, part.metric, part.key]);
    delta.set(k, (delta.get(k) ?? 0) + sign);
  }
}

/** The median of the tenths-of-an-hour histogram, in hours; null without contacts. */
export function medianHours(histogram: ReadonlyMap<number, number>): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  // The values at positions lo and hi (0-based) of the sorted list; equal for an odd count.
  const lo = Math.floor((total - 1) / 2);
  const hi = Math.floor(total / 2);
  let seen = 0;
  let atLo: number | null = null;
  let atHi: number | null = null;
  for (const [bucket, n] of buckets) {
    if (atLo === null && lo < seen + n) atLo = bucket;
    if (atHi === null && hi < seen + n) atHi = bucket;
    seen += n;
  }
  return ((atLo ?? 0) + (atHi ?? 0)) / 20;
}
