import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  organisationSchema,
  wijkSchema,
  type DirectoryEntry,
  type Organisation,
} from '../../../../src/domain/catalogue/schema';
import { HELP_TOPICS, OFFER_STATUSES } from '../../../../src/domain/catalogue/constants';
import {
  NO_WRONG_DOOR_ID,
  placesFor,
  proposePlaces,
} from '../../../../src/domain/directory/dichtbij';

const readText = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const readJson = (name: string): unknown =>
  JSON.parse(readText(`../../../../src/domain/catalogue/data/${name}`));
const organisations = z.array(organisationSchema).parse(readJson('organisations.json'));
const wijken = z.array(wijkSchema).parse(readJson('wijken.json'));

const ids = (places: { organisation: Organisation }[]) => places.map((p) => p.organisation.id);
const dordtWestOnly = (o: Organisation) =>
  o.directory !== undefined &&
  o.directory.servesWijken.length > 0 &&
  o.directory.servesWijken.every((w) => w === 'dordt-west');

describe('dichtbij ordering on the real directory', () => {
  it('gives a Wielwijk resident Waterwiel and the toekomstmakelaar before city-wide work offers', () => {
    const places = placesFor(organisations, wijken, 'wielwijk', ['werk']);
    const order = ids(places);
    const waterwiel = order.indexOf('leerpraktijkcentrum-waterwiel');
    const makelaar = order.indexOf('toekomstmakelaar');
    const firstCityWide = places.findIndex((p) => p.tier === 'stad');
    expect(waterwiel).toBeGreaterThanOrEqual(0);
    expect(makelaar).toBeGreaterThanOrEqual(0);
    expect(firstCityWide).toBeGreaterThan(Math.max(waterwiel, makelaar));
    // The door in Wielwijk itself comes first of all.
    expect(places[0]?.organisation.id).toBe('leerpraktijkcentrum-waterwiel');
    expect(places[0]?.tier).toBe('wijk');
  });

  it('never gives a Sterrenburg resident a Dordt West-only offer', () => {
    const order = placesFor(organisations, wijken, 'sterrenburg');
    const dwOnly = organisations.filter(dordtWestOnly).map((o) => o.id);
    expect(dwOnly).toContain('toekomstmakelaar');
    expect(order.filter((p) => dwOnly.includes(p.organisation.id))).toEqual([]);
    expect(ids(order)).toContain('sociaal-wijkteam');
  });

  it('treats a buurt as its wijk: Zuidhoven lies in Crabbehof, so the library there is "wijk"', () => {
    const places = placesFor(organisations, wijken, 'zuidhoven', ['taal']);
    expect(places[0]?.organisation.id).toBe('bibliotheek-crabbehof');
    expect(places[0]?.tier).toBe('wijk');
  });

  it('shows the Werkcentrum (in development) after running work offers and never alone', () => {
    const places = proposePlaces(organisations, wijken, 'sterrenburg', ['werk']);
    const werkcentrum = places.findIndex((p) => p.organisation.id === 'werkcentrum-drechtsteden');
    expect(werkcentrum).toBeGreaterThanOrEqual(0);
    expect(places.some((p) => p.entry.status.value === 'loopt')).toBe(true);
  });
});

// ---- properties over generated directories ----

const WIJKEN = [
  { id: 'dordt-west', partOf: undefined, inDordtWest: true },
  { id: 'wielwijk', partOf: undefined, inDordtWest: true },
  { id: 'crabbehof', partOf: undefined, inDordtWest: true },
  { id: 'zuidhoven', partOf: 'crabbehof', inDordtWest: true },
  { id: 'sterrenburg', partOf: undefined, inDordtWest: false },
  { id: 'centrum', partOf: undefined, inDordtWest: false },
];
const wijkIds = WIJKEN.map((w) => w.id);
const unknown = { unknown: 'Niet in de bronnen.' };
const seed = { file: '000_6d4ebf84a8013f8d.txt' as const, lines: 'L1' };

const entryArb: fc.Arbitrary<DirectoryEntry> = fc
  .record({
    wijk: fc.option(fc.constantFrom(...wijkIds.filter((w) => w !== 'dordt-west')), {
      nil: undefined,
    }),
    servesWijken: fc.subarray(wijkIds, { maxLength: 2 }),
    status: fc.constantFrom(...OFFER_STATUSES),
    helpsWith: fc.subarray([...HELP_TOPICS], { minLength: 1, maxLength: 3 }),
  })
  .map(({ wijk, servesWijken, status, helpsWith }) => ({
    address: unknown,
    ...(wijk ? { wijk } : {}),
    phone: unknown,
    contact: unknown,
    hours: unknown,
    walkIn: unknown,
    languages: unknown,
    appointment: unknown,
    accessibility: unknown,
    howToRefer: unknown,
    status: { value: status, source: [seed] },
    servesWijken,
    helpsWith,
    keywords: [],
    whatToBring: [],
    checkedOn: '2026-11-30',
  }));

const directoryArb = fc.array(entryArb, { minLength: 1, maxLength: 12 }).map((entries) =>
  entries.map((directory, i): Organisation => ({
    id: i === 0 ? NO_WRONG_DOOR_ID : `org-${i}`,
    name: `Organisatie ${i}`,
    kind: 'welzijn',
    summary: 'Test.',
    acceptsReferrals: true,
    // The wijkteam in these directories is always a running, city-wide door, as in the data.
    directory:
      i === 0
        ? { ...directory, servesWijken: [], status: { value: 'loopt', source: [seed] } }
        : directory,
    source: [seed],
  })),
);
const residentArb = fc.option(fc.constantFrom(...wijkIds.filter((w) => w !== 'dordt-west')), {
  nil: undefined,
});
const RANK = { wijk: 0, 'dordt-west': 1, stad: 2 } as const;

describe('dichtbij ordering properties', () => {
  it('never proposes a stopped offer and orders by tier, running before in development', () => {
    fc.assert(
      fc.property(directoryArb, residentArb, (orgs, resident) => {
        const places = placesFor(orgs, WIJKEN, resident);
        for (const p of places) expect(p.entry.status.value).not.toBe('gestopt');
        for (let i = 1; i < places.length; i++) {
          const a = places[i - 1]!;
          const b = places[i]!;
          expect(RANK[a.tier]).toBeLessThanOrEqual(RANK[b.tier]);
          if (a.tier === b.tier && a.entry.status.value === 'in-ontwikkeling')
            expect(b.entry.status.value).toBe('in-ontwikkeling');
        }
      }),
    );
  });

  it('gives a resident outside Dordt West no Dordt West-only offer, and keeps every city-wide one', () => {
    fc.assert(
      fc.property(directoryArb, fc.constantFrom('sterrenburg', 'centrum'), (orgs, resident) => {
        const shown = ids(placesFor(orgs, WIJKEN, resident));
        for (const o of orgs) {
          const d = o.directory!;
          if (dordtWestOnly(o)) expect(shown).not.toContain(o.id);
          if (d.servesWijken.length === 0 && d.status.value !== 'gestopt')
            expect(shown).toContain(o.id);
        }
      }),
    );
  });

  it('puts what is in the resident’s own wijk before Dordt West-wide and city-wide places', () => {
    fc.assert(
      fc.property(directoryArb, fc.constantFrom('wielwijk', 'zuidhoven'), (orgs, resident) => {
        const places = placesFor(orgs, WIJKEN, resident);
        const own = resident === 'zuidhoven' ? ['zuidhoven', 'crabbehof'] : [resident];
        for (const p of places) {
          const local =
            (p.entry.wijk !== undefined && own.includes(p.entry.wijk)) ||
            p.entry.servesWijken.some((w) => own.includes(w));
          expect(p.tier === 'wijk').toBe(local);
        }
      }),
    );
  });

  it('never leaves an offer in development as the only route for a need', () => {
    fc.assert(
      fc.property(
        directoryArb,
        residentArb,
        fc.subarray([...HELP_TOPICS], { minLength: 1, maxLength: 2 }),
        (orgs, resident, topics) => {
          const places = proposePlaces(orgs, WIJKEN, resident, topics);
          expect(places.some((p) => p.entry.status.value === 'loopt')).toBe(true);
        },
      ),
    );
  });
});
