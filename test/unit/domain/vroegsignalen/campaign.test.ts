import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SignalEvent, SignalEventDraft } from '../../../../src/domain/signals/signal-events';
import { toSignalEvent } from '../../../../src/domain/signals/signal-events';
import { reduceSignal } from '../../../../src/domain/signals/signal-state';
import type { DoorAnswers } from '../../../../src/domain/signals/outreach-values';
import {
  DOOR_ANSWERS,
  DOOR_DOMAINS,
  NO_CONTACT_AFTER_ATTEMPTS,
  doorAnswersSchema,
} from '../../../../src/domain/signals/outreach-values';
import { parseSignalData, signalDataSchema } from '../../../../src/domain/signals/signal-schema';
import {
  campaignSignalData,
  parseAddressLine,
  parseCampaignAddresses,
  validateCampaign,
} from '../../../../src/domain/vroegsignalen/campaign';
import {
  OVERVIEW_COLUMNS,
  countCampaign,
  currentAnswers,
  doorOutcome,
  planDoorRefusal,
  planDoorTalk,
  publishCampaign,
} from '../../../../src/domain/vroegsignalen/campaign-outcome';
import { planAttempt, planOutcome } from '../../../../src/domain/vroegsignalen/outreach';
import { signalParts } from '../../../../src/domain/insight/rollup';

const CREATED = '2026-11-23T09:00:00.000Z';
const start = { createdAt: CREATED, createdBy: 'coordinator' };
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000).toISOString();
const author = { by: 'wim', authorRole: 'wijkteam' as const, authorTeamId: 'team-west' };

let seq = 0;
function stored(draft: SignalEventDraft): SignalEvent {
  seq += 1;
  const event: SignalEvent = {
    id: `ev-${String(seq).padStart(6, '0')}`,
    kind: draft.kind,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    body: draft.body,
  };
  if (draft.status) event.status = draft.status;
  return event;
}

type Plan = { ok: true; events: SignalEventDraft[] } | { ok: false; problem: string };
function apply(events: SignalEvent[], plan: Plan): SignalEvent[] {
  if (!plan.ok) throw new Error(plan.problem);
  return [...events, ...plan.events.map(stored)];
}

const context = { wijken: new Set(['wijk-west', 'wijk-oost']), today: '2026-11-30' };
const input = (addresses: string) => ({
  name: 'Sociaal Renoveren Blok A',
  wijk: 'wijk-west',
  startsOn: '2026-12-01',
  endsOn: '2027-01-31',
  addresses,
});

describe('the campaign address list', () => {
  it('reads typed lines with the import normalisation (postcode, suffix)', () => {
    expect(parseAddressLine('Voorstraat 12a, 3311 ab Dordrecht', 1)).toEqual({
      ok: true,
      address: {
        line: 1,
        street: 'Voorstraat',
        houseNumber: 12,
        houseNumberSuffix: 'A',
        postcode: '3311AB',
        city: 'Dordrecht',
      },
    });
    const laan = parseAddressLine('Laan 1940-1945 7 3312AB Dordrecht', 2);
    expect(laan.ok && laan.address.street).toBe('Laan 1940-1945');
    expect(laan.ok && laan.address.houseNumber).toBe(7);
  });

  it('refuses unreadable lines, bad postcodes and doubles, with their line numbers', () => {
    const list = parseCampaignAddresses(
      [
        'Voorstraat 12a, 3311 AB Dordrecht',
        '',
        'Voorstraat 12 A, 3311AB Dordrecht',
        'Voorstraat, Dordrecht',
        'Voorstraat 14, 3311 SA Dordrecht',
      ].join('\n'),
    );
    expect(list.addresses).toHaveLength(1);
    expect(list.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'duplicate'],
      [4, 'addressUnreadable'],
      [5, 'postcodeInvalid'],
    ]);
  });

  it('reads a file in the import format with only its address columns (aliases too)', () => {
    const csv = [
      'Straatnaam;Huisnummer;Toevoeging;Postcode;Plaats',
      'Voorstraat;12;a;3311 AB;Dordrecht',
      'Voorstraat;14;;3311AB;Dordrecht',
      'Voorstraat;x;;3311AB;Dordrecht',
    ].join('\r\n');
    const list = parseCampaignAddresses(csv);
    expect(list.addresses.map((a) => [a.line, a.houseNumber, a.houseNumberSuffix])).toEqual([
      [2, 12, 'A'],
      [3, 14, undefined],
    ]);
    expect(list.problems).toEqual([
      expect.objectContaining({ line: 4, code: 'houseNumberInvalid', field: 'addresses' }),
    ]);
  });

  it('a campaign is taken whole or refused with every problem at once', () => {
    const bad = validateCampaign(
      { ...input('Voorstraat 1, 3311AB Dordrecht\nonzin'), name: ' ', endsOn: '2026-11-01' },
      context,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.code)).toEqual([
        'nameRequired',
        'endBeforeStart',
        'addressUnreadable',
      ]);
    const noWijk = validateCampaign(
      { ...input('Voorstraat 1, 3311AB Dordrecht'), wijk: 'x' },
      context,
    );
    expect(!noWijk.ok && noWijk.problems.map((p) => p.code)).toEqual(['wijkUnknown']);
    const empty = validateCampaign(input('\n \n'), context);
    expect(!empty.ok && empty.problems.map((p) => p.code)).toEqual(['addressesRequired']);
    const good = validateCampaign(input('Voorstraat 1, 3311AB Dordrecht'), context);
    expect(good.ok && good.value.addresses).toHaveLength(1);
  });

  it('an address becomes a signal record holding the address only, consent not yet asked', () => {
    const good = validateCampaign(input('Voorstraat 1, 3311AB Dordrecht'), context);
    if (!good.ok) throw new Error('invalid');
    const data = campaignSignalData(good.value.addresses[0]!, {
      id: 'camp-1',
      name: 'Blok A',
      endsOn: '2027-01-31',
    });
    expect(data).toMatchObject({
      source: 'campagne',
      campaignId: 'camp-1',
      consent: 'nog-niet-gevraagd',
      residentName: 'Voorstraat 1, 3311 AB Dordrecht',
      dueAt: '2027-01-31',
    });
    expect(parseSignalData(data)).toEqual(data);
    // The address-only consent belongs to campaigns, and a campaign address names its campaign.
    expect(
      signalDataSchema.safeParse({ ...data, source: undefined, campaignId: undefined }).success,
    ).toBe(false);
    expect(signalDataSchema.safeParse({ ...data, campaignId: undefined }).success).toBe(false);
    // The coordinator's signal figures do not count campaign addresses.
    expect(
      signalParts(
        { data: JSON.stringify(data), deleted: 0, status: 'nieuw', created_at: CREATED } as never,
        { firstContact: null, help: null } as never,
      ),
    ).toEqual([]);
  });
});

describe('the questionnaire', () => {
  it('takes zorg / geen zorg / niet gevraagd per known domain, nothing else', () => {
    expect(doorAnswersSchema.safeParse({ geld: 'zorg', wonen: 'geen-zorg' }).success).toBe(true);
    expect(doorAnswersSchema.safeParse({ geld: 'misschien' }).success).toBe(false);
    expect(doorAnswersSchema.safeParse({ hobby: 'zorg' }).success).toBe(false);
  });

  it('is stored on the gesproken attempt, and survives the event round trip', () => {
    const answers: DoorAnswers = { geld: 'zorg', sociaal: 'geen-zorg', opvoeding: 'niet-gevraagd' };
    const events = apply(
      [],
      planDoorTalk({ start, events: [] }, answers, { at: at(5), ...author }),
    );
    expect(events.map((e) => e.kind + (e.status ? `:${e.status}` : ''))).toEqual([
      'status:opgepakt',
      'attempt',
      'status:contact-gelegd',
    ]);
    const back = events.map((e) => toSignalEvent({ ...e }));
    const state = reduceSignal(
      start,
      back.filter((e): e is SignalEvent => e !== null),
    );
    expect(currentAnswers(state)).toEqual(answers);
    expect(doorOutcome(state)).toBe('gesproken');
    // Answers only where someone talked with the household.
    expect(
      planAttempt(
        { start, events: [] },
        { attempt: 'huisbezoek-niet-thuis', answers, at: at(1), ...author },
      ).ok,
    ).toBe(false);
  });

  it('a second talk keeps the contact and adds its answers; "niet gevraagd" keeps an earlier answer', () => {
    let events = apply(
      [],
      planDoorTalk({ start, events: [] }, { geld: 'zorg' }, { at: at(5), ...author }),
    );
    events = apply(
      events,
      planDoorTalk(
        { start, events },
        { geld: 'niet-gevraagd', werk: 'zorg' },
        { at: at(60), ...author },
      ),
    );
    const state = reduceSignal(start, events);
    expect(currentAnswers(state)).toEqual({ geld: 'zorg', werk: 'zorg' });
  });
});

describe('outcomes per address', () => {
  it('niet thuis, then geen contact after N attempts', () => {
    let events: SignalEvent[] = [];
    for (let i = 0; i < NO_CONTACT_AFTER_ATTEMPTS; i += 1) {
      expect(doorOutcome(reduceSignal(start, events))).toBe(
        i === 0 ? 'niet-bezocht' : 'niet-thuis',
      );
      events = apply(
        events,
        planAttempt(
          { start, events },
          { attempt: 'huisbezoek-niet-thuis', at: at(10 + i), ...author },
        ),
      );
    }
    events = apply(
      events,
      planOutcome({ start, events }, { kind: 'geen-contact' }, { at: at(20), ...author }),
    );
    expect(doorOutcome(reduceSignal(start, events))).toBe('geen-contact');
  });

  it('geweigerd at the door is reached and refused; leegstand closes without contact', () => {
    const refused = apply([], planDoorRefusal({ start, events: [] }, { at: at(5), ...author }));
    const s = reduceSignal(start, refused);
    expect(doorOutcome(s)).toBe('geweigerd');
    expect(s.help).toBe('geweigerd');
    const empty = apply(
      [],
      planOutcome(
        { start, events: [] },
        { kind: 'adres-vervalt', reason: 'leegstand' },
        { at: at(5), ...author },
      ),
    );
    const e = reduceSignal(start, empty);
    expect([e.status, e.closeReason, doorOutcome(e)]).toEqual([
      'afgerond',
      'leegstand',
      'leegstand',
    ]);
    // Closed: no more visits.
    expect(
      planAttempt(
        { start, events: empty },
        { attempt: 'huisbezoek-niet-thuis', at: at(9), ...author },
      ).ok,
    ).toBe(false);
  });

  it('a letter alone is no visit', () => {
    const events = apply(
      [],
      planAttempt({ start, events: [] }, { attempt: 'brief', at: at(5), ...author }),
    );
    expect(doorOutcome(reduceSignal(start, events))).toBe('niet-bezocht');
  });
});

type Step =
  | { kind: 'niet-thuis' }
  | { kind: 'talk'; answers: DoorAnswers }
  | { kind: 'refuse' }
  | { kind: 'vervalt'; reason: 'leegstand' | 'adres-onbekend' }
  | { kind: 'geen-contact' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'niet-thuis' }),
  fc
    .dictionary(fc.constantFrom(...DOOR_DOMAINS), fc.constantFrom(...DOOR_ANSWERS))
    .map((answers): Step => ({ kind: 'talk', answers })),
  fc.constant<Step>({ kind: 'refuse' }),
  fc.constantFrom<Step>(
    { kind: 'vervalt', reason: 'leegstand' },
    { kind: 'vervalt', reason: 'adres-onbekend' },
  ),
  fc.constant<Step>({ kind: 'geen-contact' }),
);

/** Plays the steps a worker taps; taps the lifecycle refuses write nothing, as on the screen. */
function play(steps: readonly Step[]) {
  let events: SignalEvent[] = [];
  steps.forEach((step, i) => {
    const request = { at: at(10 + i), ...author };
    const input = { start, events };
    const plan =
      step.kind === 'niet-thuis'
        ? planAttempt(input, { attempt: 'huisbezoek-niet-thuis', ...request })
        : step.kind === 'talk'
          ? planDoorTalk(input, step.answers, request)
          : step.kind === 'refuse'
            ? planDoorRefusal(input, request)
            : step.kind === 'vervalt'
              ? planOutcome(input, { kind: 'adres-vervalt', reason: step.reason }, request)
              : planOutcome(input, { kind: 'geen-contact' }, request);
    if (plan.ok) events = [...events, ...plan.events.map(stored)];
  });
  return reduceSignal(start, events);
}

describe('campaign counts (properties)', () => {
  it('never exceed the addresses; reached ≤ visited; outcomes add up to the addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.array(stepArb, { maxLength: 6 }), { maxLength: 12 }), (addresses) => {
        const counts = countCampaign(addresses.map(play));
        expect(counts.addresses).toBe(addresses.length);
        expect(counts.reached).toBeLessThanOrEqual(counts.visited);
        expect(counts.visited).toBeLessThanOrEqual(counts.addresses);
        expect(Object.values(counts.outcomes).reduce((a, b) => a + b, 0)).toBe(counts.addresses);
        for (const d of DOOR_DOMAINS) expect(counts.zorg[d]).toBeLessThanOrEqual(counts.reached);
      }),
    );
  });

  it('publishes no count below 5 (0 included), and every count of 5 or more as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.array(stepArb, { maxLength: 4 }), { maxLength: 30 }), (addresses) => {
        const counts = countCampaign(addresses.map(play));
        const published = publishCampaign(counts);
        expect(published.addresses).toBe(addresses.length);
        for (const column of OVERVIEW_COLUMNS) {
          const cell = published.cells[column];
          if (cell.kind === 'value') expect(cell.value).toBeGreaterThanOrEqual(5);
        }
        const visited = published.cells.visited;
        if (counts.visited >= 5) expect(visited).toEqual({ kind: 'value', value: counts.visited });
        else expect(visited).toEqual({ kind: 'small' });
      }),
    );
  });
});
