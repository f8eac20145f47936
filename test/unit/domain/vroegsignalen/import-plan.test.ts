import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../../src/domain/vroegsignalen/import-file';
import type { ImportRow } from '../../../../src/domain/vroegsignalen/import-row';
import { parseDate, parseEuroCents } from '../../../../src/domain/vroegsignalen/import-row';
import type { PlanContext } from '../../../../src/domain/vroegsignalen/import-plan';
import { dedupeKey, planImport, planRows } from '../../../../src/domain/vroegsignalen/import-plan';
import { signalDataFromReport } from '../../../../src/domain/vroegsignalen/signal-from-report';
import { signalDataSchema, validateNewSignal } from '../../../../src/domain/signals/signal-schema';
import { DEFAULT_TEAMS } from '../../../../src/domain/signals/handover';
import { CREDITOR_TYPES } from '../../../../src/domain/vroegsignalen/vroegsignaal';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'vroegsignalen');
const TODAY = '2026-11-30';

function context(partial: Partial<PlanContext> = {}): PlanContext {
  return {
    today: TODAY,
    knownRefs: new Set(),
    openSignals: new Map(),
    wijkOf: () => 'wielwijk',
    ...partial,
  };
}

describe('amounts and dates as creditors write them', () => {
  it('reads euros in Dutch and English notation, to cents', () => {
    expect(parseEuroCents('412,50')).toBe(41250);
    expect(parseEuroCents('1.250,00')).toBe(125000);
    expect(parseEuroCents('1,250.00')).toBe(125000);
    expect(parseEuroCents('1234.5')).toBe(123450);
    expect(parseEuroCents('€ 80')).toBe(8000);
    expect(parseEuroCents('1.234')).toBe(123400);
    expect(parseEuroCents('12,345')).toBeNull();
    expect(parseEuroCents('abc')).toBeNull();
    expect(parseEuroCents('1.23.4')).toBeNull();
  });

  it('round-trips any amount written the Dutch way (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const euros = Math.floor(cents / 100)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const written = `${euros},${String(cents % 100).padStart(2, '0')}`;
        expect(parseEuroCents(written)).toBe(cents);
      }),
    );
  });

  it('reads ISO and Dutch dates, and refuses dates that do not exist', () => {
    expect(parseDate('2026-11-02')).toBe('2026-11-02');
    expect(parseDate('2-11-2026')).toBe('2026-11-02');
    expect(parseDate('02/11/2026')).toBe('2026-11-02');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
  });
});

describe('reading the file', () => {
  it('reads quoted CSV cells with the delimiter, quotes and line breaks, keeping line numbers', () => {
    const file = parseImportFile(
      '\uFEFFreferentie,naam,straat\r\nA-1,"Fam. ""Test""; Voorbeeld","Lange\nstraat"\r\n\r\nA-2,,Korte straat\r\n',
    );
    expect(file).toEqual({
      ok: true,
      format: 'csv',
      columns: ['referentie', 'naam', 'straat'],
      rows: [
        {
          line: 2,
          cells: { referentie: 'A-1', naam: 'Fam. "Test"; Voorbeeld', straat: 'Lange\nstraat' },
        },
        { line: 5, cells: { referentie: 'A-2', naam: '', straat: 'Korte straat' } },
      ],
    });
  });

  it('names what is wrong with an unreadable file', () => {
    expect(parseImportFile('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseImportFile('[{"a":')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseImportFile('{"x": 1}')).toEqual({ ok: false, problem: 'notList' });
    expect(parseImportFile('a;b\n"open;2\n')).toEqual({
      ok: false,
      problem: 'unclosedQuote',
      line: 2,
    });
  });

  it('accepts the documented examples, CSV and JSON, without a single refusal', () => {
    for (const name of ['voorbeeld.csv', 'voorbeeld.json']) {
      const planned = planImport(
        parseImportFile(readFileSync(join(FIXTURES, name), 'utf8')),
        context(),
      );
      expect(planned.ok).toBe(true);
      if (!planned.ok) continue;
      expect(planned.plan.rejected).toEqual([]);
      expect(planned.plan.create.length).toBeGreaterThan(0);
    }
  });

  it('reports missing columns before any row', () => {
    expect(planImport(parseImportFile('referentie;soort\nA;huur\n'), context())).toMatchObject({
      ok: false,
      problem: 'missingColumns',
      missing: ['bedrag', 'maanden', 'datum', 'straat', 'huisnummer', 'postcode', 'woonplaats'],
    });
  });
});

const rowArb: fc.Arbitrary<ImportRow> = fc.record({
  line: fc.integer({ min: 2, max: 1000 }),
  externalRef: fc.stringMatching(/^R-[0-9]{1,3}$/),
  creditorType: fc.constantFrom(...CREDITOR_TYPES),
  arrearsCents: fc.integer({ min: 0, max: 500_000 }),
  monthsInArrears: fc.integer({ min: 1, max: 12 }),
  reportedOn: fc.constantFrom('2026-10-01', '2026-11-01', '2026-11-15'),
  street: fc.constant('Proefstraat'),
  houseNumber: fc.integer({ min: 1, max: 4 }),
  postcode: fc.constantFrom('3317AB', '3318CD'),
  city: fc.constant('Dordrecht'),
});

describe('planning an import', () => {
  it('importing the same rows again after they were written changes nothing (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const first = planRows(
          rows,
          [],
          context({ wijkOf: (r) => (r.postcode === '3317AB' ? 'wielwijk' : null) }),
        );
        // What the server remembers after writing the first plan.
        const knownRefs = new Set([
          ...first.create.flatMap((c) => c.refs),
          ...first.merge.flatMap((m) => m.refs),
          ...first.unplaced.map((r) => r.externalRef),
        ]);
        const openSignals = new Map(
          first.create.map((c) => [
            c.key,
            {
              id: c.key,
              arrearsCents: c.row.arrearsCents,
              monthsInArrears: c.row.monthsInArrears,
              reportedOn: c.row.reportedOn,
            },
          ]),
        );
        const again = planRows(rows, [], context({ knownRefs, openSignals }));
        expect(again.create).toEqual([]);
        expect(again.merge).toEqual([]);
        expect(again.unplaced).toEqual([]);
        // Every row is either unchanged or a refused repeat of a reference within the file.
        expect(again.unchanged.length + again.rejected.length).toBe(rows.length);
      }),
    );
  });

  it('makes at most one signal per address and creditor, from the newest report (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { maxLength: 30, selector: (r) => r.externalRef }),
        (rows) => {
          const plan = planRows(rows, [], context());
          const keys = plan.create.map((c) => c.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const c of plan.create) {
            const same = rows.filter((r) => c.refs.includes(r.externalRef));
            expect(same.every((r) => dedupeKey(r) === c.key)).toBe(true);
            expect(same.every((r) => r.reportedOn <= c.row.reportedOn)).toBe(true);
          }
        },
      ),
    );
  });

  it('merges into an open signal, and an older report leaves it as it is', () => {
    const row: ImportRow = {
      line: 2,
      externalRef: 'N-1',
      creditorType: 'huur',
      arrearsCents: 90000,
      monthsInArrears: 3,
      reportedOn: '2026-11-20',
      street: 'Proefstraat',
      houseNumber: 12,
      postcode: '3317AB',
      city: 'Dordrecht',
    };
    const open = { id: 'sig-1', arrearsCents: 40000, monthsInArrears: 1, reportedOn: '2026-11-01' };
    const ctx = context({ openSignals: new Map([[dedupeKey(row), open]]) });
    expect(planRows([row], [], ctx).merge).toEqual([
      { signalId: 'sig-1', key: dedupeKey(row), row, previous: open, refs: ['N-1'] },
    ]);
    const older = { ...row, externalRef: 'N-0', reportedOn: '2026-10-01' };
    expect(planRows([older], [], ctx).merge[0]?.row).toBeNull();
    // Another creditor at the same address is its own signal.
    expect(planRows([{ ...row, creditorType: 'energie' }], [], ctx).create).toHaveLength(1);
  });
});

describe('the signal a report becomes', () => {
  const row: ImportRow = {
    line: 2,
    externalRef: 'N-1',
    creditorType: 'zorgverzekering',
    arrearsCents: 43800,
    monthsInArrears: 3,
    reportedOn: '2026-11-18',
    street: 'Testweg',
    houseNumber: 101,
    houseNumberSuffix: 'A',
    postcode: '3319EF',
    city: 'Dordrecht',
  };

  it('is a valid signal on the legal basis of the Wgs, addressed to the address', () => {
    const data = signalDataFromReport(row, 'vi-1', TODAY);
    expect(data).toMatchObject({
      category: 'achterstand-zorgverzekering',
      consent: 'wettelijke-taak',
      source: 'vroegsignaal',
      residentName: 'Testweg 101A, 3319 EF Dordrecht',
      contactWay: 'adres',
      dueAt: '2026-12-10',
      importId: 'vi-1',
    });
  });

  it('allows the legal basis only on an imported signal', () => {
    const data = signalDataFromReport(row, 'vi-1', TODAY);
    const { source: _source, ...typed } = data;
    expect(signalDataSchema.safeParse(typed).success).toBe(false);
    expect(signalDataSchema.safeParse(data).success).toBe(true);
  });

  it('is never offered by the worker’s form', () => {
    const result = validateNewSignal(
      {
        category: 'achterstand-huur',
        wijk: 'wielwijk',
        urgency: 'normaal',
        consent: 'wettelijke-taak',
        residentName: 'Mevrouw A (fictief)',
        contactWay: 'adres',
        contactValue: 'Proefstraat 1',
        dueAt: '2026-12-01',
      },
      { today: TODAY, directory: { teams: DEFAULT_TEAMS, organisations: [] }, wijken: [] },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['consent']);
  });
});
