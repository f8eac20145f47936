import { describe, it, expect } from 'vitest';
import regelingenJson from '../../../src/domain/catalogue/data/regelingen.json';
import wijkenJson from '../../../src/domain/catalogue/data/wijken.json';
import indicatorsJson from '../../../src/domain/catalogue/data/indicators.json';
import { indicatorSchema, regelingSchema, wijkSchema } from '../../../src/domain/catalogue/schema';
import { boldNamesInFirstColumn, section, tableRows } from './domain-md';

/**
 * Coverage of the catalogue against the seed digest (shared/docs/domain.md): every regeling and
 * voorziening named in §2, every wijk/buurt/gebied named in §3.1 and every row of the §7.1
 * monitoring table must have a record, so nothing the seeds offer a resident silently goes missing.
 */

const regelingen = regelingSchema.array().parse(regelingenJson);
const wijken = wijkSchema.array().parse(wijkenJson);
const indicators = indicatorSchema.array().parse(indicatorsJson);

/** Lower case, no diacritics, punctuation to spaces, single spaces. */
function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Named {
  id: string;
  name: string;
  keywords?: string[];
}

/** Ways a name may be written: as is, without its parenthesised part, and the parenthesised part. */
function variants(name: string): string[] {
  const withoutParens = name.replace(/\([^)]*\)/g, ' ');
  const inParens = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  return [name, withoutParens, ...inParens].map(normalise).filter((v) => v.length > 0);
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

function recordMatches(record: Named, candidate: string): boolean {
  const name = normalise(record.name);
  const terms = [name, normalise(record.id), ...(record.keywords ?? []).map(normalise)];
  return terms.includes(candidate) || containsWords(name, candidate);
}

function isCovered(name: string, records: readonly Named[]): boolean {
  const matchesAny = (n: string) =>
    variants(n).some((v) => records.some((record) => recordMatches(record, v)));
  if (matchesAny(name)) return true;
  // "A / B" or "A — B": covered when every part is covered (possibly by different records).
  const parts = name.split(/\s+[/—]\s+/).filter((p) => p.trim().length > 0);
  return parts.length > 1 && parts.every(matchesAny);
}

/**
 * Names in domain.md §2 deliberately left out of regelingen.json. Each is not (yet) something a
 * resident can be referred to; the reason is given per entry.
 */
const REGELINGEN_ALLOW_LIST: Record<string, string> = {
  // Only "to be explored" in NPDW 6.6 (model Rotterdam-Zuid); no scheme exists yet.
  'AanDeBak-garantie': 'nog te verkennen, bestaat niet',
  // Planned pilot for 2026 (NPDW 6.6), no provider or access point named.
  '"Bijbaan" proefprogramma': 'gepland voor 2026, geen aanbieder',
  // Named only as a partner/role in NPDW partner lists; no service described.
  Matchmaker: 'alleen als partner genoemd',
  // Named only as a partner in NPDW partner lists; no service described.
  Leerwerkloket: 'alleen als partner genoemd',
  // A verordening with conditions is still to be written (2026); nothing to refer to yet.
  'Permanente bewoning recreatiewoningen': 'verordening nog in voorbereiding (2026)',
  // Under study only (000 F4, 002 actielijn 5); no exemption exists yet.
  'Eigen bijdrage algemene voorzieningen — vrijstelling laag inkomen': 'alleen in onderzoek',
  // Not a regeling: a 2043 access goal (indicator toegang-huisarts-mondzorg); dental costs are
  // covered through bijzondere-bijstand (keywords tandarts, mondzorg).
  'Huisartsenzorg en mondzorg': 'geen regeling; doel 2043 en bijzondere bijstand',
};

/** Names in domain.md §3.1 deliberately left out of wijken.json (none). */
const WIJKEN_ALLOW_LIST: Record<string, string> = {};

const REQUIRED_REGELING_IDS = [
  'dordtpas',
  'sms-kinderfonds',
  'collectieve-zorgverzekering-minima',
  'bijzondere-bijstand',
  'schuldhulpverlening',
  'budgetcoach',
  'energiehulp',
  'gratis-witgoed',
  'scholingsfonds',
  'hospitaregeling',
  'kennismakingsperiode',
  'doorstroommakelaar',
  'sociaal-recept',
  'clientondersteuning',
  'werkcentrum-drechtsteden',
  'leerpraktijkcentrum-waterwiel',
  'bijstandsuitkering',
  'kwijtschelding-gemeentelijke-belastingen',
  'geldpraatje-plekken',
  'sociaal-wijkteam',
  'toekomstmakelaar',
  'huurtoeslag',
  'zorgtoeslag',
  'kindgebonden-budget',
  'kinderopvangtoeslag',
];

const REQUIRED_WIJK_IDS = [
  'oud-krispijn',
  'nieuw-krispijn',
  'wielwijk',
  'crabbehof',
  'zuidhoven',
  'dordt-west',
  'centrum',
  'oost',
  'sterrenburg',
];

describe('catalogue coverage: regelingen (domain.md §2)', () => {
  const names = boldNamesInFirstColumn(section('## 2. Regelingen'));

  it('finds the §2 tables in domain.md', () => {
    expect(names.length).toBeGreaterThan(80);
  });

  it('has a regeling for every bold name in the first column of every §2 table', () => {
    const missing = names.filter((n) => !(n in REGELINGEN_ALLOW_LIST) && !isCovered(n, regelingen));
    expect(missing).toEqual([]);
  });

  it('keeps the allow-list current: every entry is still named in §2', () => {
    for (const name of Object.keys(REGELINGEN_ALLOW_LIST)) expect(names).toContain(name);
  });

  it('has every required regeling id', () => {
    const ids = new Set(regelingen.map((r) => r.id));
    for (const id of REQUIRED_REGELING_IDS) expect(ids, id).toContain(id);
  });

  it('puts the national toeslagen at the landelijk level with a public source', () => {
    for (const id of ['huurtoeslag', 'zorgtoeslag', 'kindgebonden-budget', 'kinderopvangtoeslag']) {
      const r = regelingen.find((x) => x.id === id);
      expect(r?.level, id).toBe('landelijk');
      expect(r?.eligibilityKnown, id).toBe('public-source');
      expect(
        r?.source.some((s) => 'publisher' in s),
        id,
      ).toBe(true);
    }
  });

  it('explains unknown eligibility in eligibilityNote', () => {
    const unexplained = regelingen
      .filter((r) => r.eligibilityKnown === 'unknown' && !(r.eligibilityNote ?? '').trim())
      .map((r) => r.id);
    expect(unexplained).toEqual([]);
  });

  it('gives conditions whenever eligibility is said to be known', () => {
    const withoutConditions = regelingen
      .filter((r) => r.eligibilityKnown !== 'unknown' && r.conditions.length === 0)
      .map((r) => r.id);
    expect(withoutConditions).toEqual([]);
  });

  it('backs public-source eligibility with a public source', () => {
    const unbacked = regelingen
      .filter((r) => r.eligibilityKnown === 'public-source')
      .filter((r) => !r.source.some((s) => 'publisher' in s))
      .map((r) => r.id);
    expect(unbacked).toEqual([]);
  });
});

describe('catalogue coverage: wijken (domain.md §3.1)', () => {
  const names = boldNamesInFirstColumn(section('### 3.1'));

  it('finds the §3.1 table in domain.md', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it('has a wijk, buurt or gebied for every name in the §3.1 table', () => {
    const missing = names.filter((n) => !(n in WIJKEN_ALLOW_LIST) && !isCovered(n, wijken));
    expect(missing).toEqual([]);
  });

  it('has every required wijk id', () => {
    const ids = new Set(wijken.map((w) => w.id));
    for (const id of REQUIRED_WIJK_IDS) expect(ids, id).toContain(id);
  });

  it('places Zuidhoven in Crabbehof, outside the NPDW focusgebied', () => {
    const zuidhoven = wijken.find((w) => w.id === 'zuidhoven');
    expect(zuidhoven?.kind).toBe('buurt');
    expect(zuidhoven?.partOf).toBe('crabbehof');
    expect(zuidhoven?.inNpdwFocusgebied).toBe(false);
  });
});

describe('catalogue coverage: indicators (domain.md §7)', () => {
  const TABLE_71 = 'UP Bestaanszekerheid — monitoringstabel';

  it('has every row of the §7.1 monitoring table', () => {
    const lines = section('### 7.1');
    const firstTable: string[] = [];
    for (const line of lines.slice(lines.findIndex((l) => l.trim().startsWith('|')))) {
      if (!line.trim().startsWith('|')) break;
      firstTable.push(line);
    }
    const rows = tableRows(firstTable);
    expect(rows.length).toBeGreaterThanOrEqual(19);

    const table71 = indicators.filter((i) => i.table === TABLE_71);
    expect(table71).toHaveLength(rows.length);

    const names = table71.map((i) => normalise(i.name));
    for (const row of rows) {
      const indicatorCell = normalise((row[1] ?? '').replace(/\*\*/g, ''));
      expect(names, indicatorCell).toContain(indicatorCell);
    }
  });

  it('has the §7.2 and §7.3 monitoring tables in full', () => {
    const count = (heading: string) => tableRows(section(heading)).length;
    expect(
      indicators.filter((i) => i.table === 'UP Algemene voorzieningen — monitoringstabel'),
    ).toHaveLength(count('### 7.2'));
    expect(
      indicators.filter((i) => i.table === 'UP Specialistische hulp — monitoringstabel'),
    ).toHaveLength(count('### 7.3'));
  });

  it('uses only known areas and the four monitoring programmes', () => {
    const areas = new Set([...wijken.map((w) => w.id), 'dordrecht', 'dordt-west', 'nederland']);
    const programmes = new Set([
      'bestaanszekerheid',
      'algemene-voorzieningen',
      'specialistische-hulp',
      'nationaal-programma-dordt-west',
    ]);
    for (const i of indicators) {
      expect(programmes, i.id).toContain(i.programme);
      for (const v of i.values) expect(areas, `${i.id} ${v.area}`).toContain(v.area);
    }
  });

  it('flags the reversed Kernindicatoren Rijk columns in every note', () => {
    const rijk = indicators.filter(
      (i) => i.table === 'NPDW Bijlage 3 — Kernindicatoren Rijk' && i.values.length > 2,
    );
    expect(rijk.length).toBeGreaterThan(0);
    for (const i of rijk) expect(i.note ?? '', i.id).toMatch(/omgekeerde kolomvolgorde/);
  });
});
