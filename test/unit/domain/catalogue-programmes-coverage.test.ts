import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FUNDAMENT_IDS, SEED_FILES } from '../../../src/domain/catalogue/constants';
import {
  fundamentSchema,
  organisationSchema,
  programmeSchema,
  type Organisation,
  type Programme,
} from '../../../src/domain/catalogue/schema';
import { boldNamesInFirstColumn, section } from './domain-md';

/**
 * Coverage of the programme catalogue against the seed digest (shared/docs/domain.md):
 * every programme, plan or aanpak that §1.6 names, and the four uitvoeringsprogramma's of §1.1,
 * must be findable in programmes.json — or be on the explicit allow-list below with a reason.
 */

const readText = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const readJson = (name: string): unknown =>
  JSON.parse(readText(`../../../src/domain/catalogue/data/${name}`));

const programmesRaw = readJson('programmes.json');
const fundamentenRaw = readJson('fundamenten.json');
const organisationsRaw = readJson('organisations.json');

/** Lowercase, no diacritics, no quotes, "&" → "en", all other punctuation → single spaces. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`"“”]/g, '')
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "A / B (C)" → ["A / B (C)", "A / B", "A", "B (C)", "B"], normalised. Only " / " with spaces splits. */
function variants(entry: string): string[] {
  const parts = [entry, ...entry.split(' / ')];
  const all = parts.flatMap((p) => [p, p.replace(/\([^)]*\)/g, ' ')]);
  return [...new Set(all.map(norm).filter((v) => v.length > 0))];
}

/** Bold names in the first column of the §1.6 table. */
function section16Names(): string[] {
  return boldNamesInFirstColumn(section('### 1.6 ')).map((name) => name.trim());
}

/** The four uitvoeringsprogramma's listed as "the four circles" in §1.1. */
function fourCircles(): string[] {
  const body = section('### 1.1 ').join('\n');
  return [...body.matchAll(/^\s+\d\.\s+\*\*(.+?)\*\*/gm)].map((m) => (m[1] ?? '').trim());
}

const programmes = z.array(programmeSchema).parse(programmesRaw);
const organisations = z.array(organisationSchema).parse(organisationsRaw);

function programmeKeys(p: Programme): string[] {
  return [norm(p.name), norm(p.id.replace(/-/g, ' '))];
}

/** A programme whose name or id equals the variant, or contains it as whole words. */
function findProgramme(entry: string): Programme | undefined {
  const vs = variants(entry);
  return programmes.find((p) =>
    programmeKeys(p).some((k) => vs.some((v) => k === v || ` ${k} `.includes(` ${v} `))),
  );
}

/** §1.6 names whose record is named differently. */
const ALIASES: Record<string, string> = {
  // One record covers the plan van aanpak and its taskforce.
  'Taskforce Energiehulp Dordrecht': 'energiehulp-dordrecht',
};

type Covered =
  /** A regeling in regelingen.json (another file), referenced from a programme here. */
  | { by: 'regeling'; id: string; reason: string }
  /** An organisation in organisations.json. */
  | { by: 'organisation'; id: string; reason: string }
  /** Not a programme of its own; named in the text of a programme record (activity, result or summary). */
  | { by: 'mentioned'; phrase?: string; reason: string }
  /** Deliberately not in the programme catalogue at all. */
  | { by: 'none'; reason: string };

/** §1.6 entries that are deliberately not their own programme record. */
const NOT_A_PROGRAMME: Record<string, Covered> = {
  // Regelingen and places a resident is referred to: in regelingen.json / organisations.json.
  'Werkcentrum Drechtsteden / Regionaal Werkcentrum (RWC)': {
    by: 'regeling',
    id: 'werkcentrum-drechtsteden',
    reason: 'een loket voor werk en scholing: regeling en organisatie, geen programma',
  },
  Kickstart: {
    by: 'organisation',
    id: 'kickstart',
    reason: 'Mobiliteitscentrum Kickstart is een organisatie (de huidige ene ingang voor werk)',
  },
  'Leerpraktijkcentra (LPC)': {
    by: 'regeling',
    id: 'leerpraktijkcentrum-waterwiel',
    reason: 'een plek waar inwoners naar werk toe groeien: regeling leerpraktijkcentrum-waterwiel',
  },
  Scholingsfonds: {
    by: 'regeling',
    id: 'scholingsfonds',
    reason: 'een fonds voor inwoners: regeling',
  },

  // Activities inside a goal row of an uitvoeringsprogramma, not programmes of their own.
  Participatieplekken: {
    by: 'mentioned',
    reason: 'activiteit in Bestaanszekerheid, fundament 1.2',
  },
  'Transformatieplan sociale werkvoorziening': {
    by: 'mentioned',
    reason: 'activiteit in Bestaanszekerheid, fundament 1.2',
  },
  'herijking uitvoering participatiewet': {
    by: 'mentioned',
    phrase: 'Herijking Drechtstedelijke uitvoering participatiewet',
    reason:
      'activiteit in Bestaanszekerheid, fundament 1.2 (de seed noemt het "Drechtstedelijke uitvoering")',
  },
  'normenkader / specifiek beschikken': {
    by: 'mentioned',
    reason: 'opdracht aan Dordrecht Sociaal binnen Specialistische hulp, stap 1',
  },
  'Stuurgroep Preventie & Zorg': {
    by: 'mentioned',
    reason: 'overleg binnen Specialistische hulp, stap 3',
  },
  leefstijlzorg: {
    by: 'mentioned',
    reason: 'bestaand programma, alleen genoemd in Algemene voorzieningen, actielijn 2',
  },
  'welzijn op recept': {
    by: 'mentioned',
    reason: 'genoemd in Algemene voorzieningen en Bestaanszekerheid',
  },
  'POH jeugd': { by: 'mentioned', reason: 'genoemd in Algemene voorzieningen, actielijn 2' },
  'inclusieve kinderopvang': {
    by: 'mentioned',
    reason: 'genoemd in Algemene voorzieningen, actielijn 2',
  },
  'Programma Bestaanszekerheid en Kansengelijkheid 2024–2026': {
    by: 'mentioned',
    reason: 'projectdocument achter NPDW 7.3; inhoud niet in de seeds',
  },
  'Herijking minima Dordrecht': { by: 'mentioned', reason: 'projectdocument achter NPDW 7.3' },
  'Rijke Schooldag': {
    by: 'mentioned',
    reason: 'alleen genoemd in de Rijk-actielijn 3 (NPDW bijlage 3)',
  },

  // Policy frames, visions, plans and funding streams: named in a programme's summary or goal rows.
  'Dordtse Onderwijsvisie': { by: 'mentioned', reason: 'beleidsvisie (kader van fundament 2)' },
  'visie VO': { by: 'mentioned', reason: 'beleidsvisie (kader van fundament 2)' },
  'Sportvisie 2030': { by: 'mentioned', reason: 'beleidsvisie (kader fundament 2, NPDW 5.1)' },
  'Cultuurnota 2030': { by: 'mentioned', reason: 'beleidsnota (kader fundament 2)' },
  OAB: { by: 'mentioned', reason: 'onderwijsachterstandenbeleid: subsidieregeling voor scholen' },
  'Nota Publieke Gezondheid': { by: 'mentioned', reason: 'beleidsnota (fundament 4)' },
  GALA: { by: 'mentioned', reason: 'landelijk akkoord (Gezond en Actief Leven Akkoord)' },
  IZA: { by: 'mentioned', reason: 'landelijk akkoord (Integraal Zorgakkoord)' },
  WOZO: {
    by: 'mentioned',
    reason: 'landelijk programma (Wonen, Ondersteuning en Zorg voor Ouderen)',
  },
  'SPUK IZA': {
    by: 'none',
    reason:
      'een rijksuitkering, alleen genoemd als budgetrisico in de raadsinformatiebrief (001 L103–105)',
  },
  'Hervormingsagenda Jeugd': {
    by: 'mentioned',
    reason: 'landelijke agenda (kader Specialistische hulp)',
  },
  Woonzorgvisie: { by: 'mentioned', reason: 'beleidsnota wonen (fundament 3, NPDW 4.1)' },
  Huisvestingsverordening: { by: 'mentioned', reason: 'verordening (fundament 3)' },
  'Bouwende Stad': { by: 'mentioned', reason: 'monitor wonen (fundament 3)' },
  'Prestatieafspraken 2024–2025': {
    by: 'mentioned',
    reason: 'afspraken gemeente–corporaties (NPDW 4.1)',
  },
  Volkshuisvestingsfonds: { by: 'mentioned', reason: 'rijksfonds (NPDW pijler 1 en budget)' },
  NIP: { by: 'mentioned', reason: 'Nationaal Isolatie Programma: rijksgeld (NPDW pijler 1)' },
  Startbouwimpuls: { by: 'mentioned', reason: 'rijksregeling voor woningbouw (NPDW 4.1)' },
  'Transitie Visie Warmte 2021': { by: 'mentioned', reason: 'beleidsvisie (NPDW 4.2)' },
  'Aanpak Energiebesparing 2023–2026': { by: 'mentioned', reason: 'gemeentelijk plan (NPDW 4.2)' },
  'Dordtse isolatie aanpak 2023–2026': { by: 'mentioned', reason: 'projectdocument (NPDW 4.2)' },
  'Versnellingsprogramma Drechtsteden 100% aardgasvrij': {
    by: 'mentioned',
    reason: 'regionaal plan (NPDW 4.2)',
  },
  'Ontwikkelkader Crabbehof': { by: 'mentioned', reason: 'wijkvisie (NPDW 4.1)' },
  "'Wielwijk sterk en weerbaar'": {
    by: 'mentioned',
    reason: 'visie en herstructurering (NPDW pijler 1)',
  },
  "'Oud-Krispijn Vernieuwt'": {
    by: 'mentioned',
    reason: 'afgerond project 2000–2013 (NPDW pijler 1)',
  },
  Groenblauwprogramma: { by: 'mentioned', reason: 'gemeentelijk programma (NPDW 4.3)' },
  'Programmaplan Dordrecht Schoon': { by: 'mentioned', reason: 'gemeentelijk plan (NPDW 4.3)' },
  'Grondstoffenplan 2021–2023': { by: 'mentioned', reason: 'gemeentelijk plan (NPDW 4.3)' },
  'Agenda 2030': {
    by: 'mentioned',
    reason: 'investeringsagenda: financiering (DLP, Glansrijke Toekomst)',
  },
  'Ruimte voor banen': {
    by: 'mentioned',
    reason: 'geld uit Agenda 2030 (Maatschappelijk Betrokken Ondernemen)',
  },
  'Integraal Veiligheidsplan 2023–2026': {
    by: 'mentioned',
    reason: 'kader veiligheid (NPDW pijler 5)',
  },
  'Uitvoeringsplan digitale veiligheid 2023–2024': {
    by: 'mentioned',
    reason: 'kader veiligheid (NPDW pijler 5)',
  },
};

/** Regeling ids that regelingen.json defines (written by another helper; agreed list). */
const REGELING_IDS = [
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
];
const WIJK_IDS = [
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

const programmesText = norm(JSON.stringify(programmes));

describe('catalogue programmes cover the seed digest', () => {
  const names16 = section16Names();
  const circles = fourCircles();

  it('finds the §1.6 index and the four circles in domain.md', () => {
    expect(names16.length).toBeGreaterThan(50);
    expect(circles).toEqual([
      'Bestaanszekerheid',
      'Elkaar helpen',
      'Algemene voorzieningen',
      'Specialistische hulp',
    ]);
  });

  it('has the four uitvoeringsprogramma’s with their fixed ids', () => {
    const ids = [
      'bestaanszekerheid',
      'elkaar-helpen',
      'algemene-voorzieningen',
      'specialistische-hulp',
    ];
    circles.forEach((name, i) => {
      const p = findProgramme(name);
      expect(p?.id, name).toBe(ids[i]);
      expect(p?.kind).toBe('uitvoeringsprogramma');
      expect(p?.budget.length, `${name} has its budget rows from 001`).toBe(3);
    });
  });

  it('has the Nationaal Programma Dordt West with its five pijlers and four wijken', () => {
    const npdw = programmes.find((p) => p.id === 'nationaal-programma-dordt-west');
    expect(npdw?.kind).toBe('nationaal-programma');
    expect(npdw?.wijken).toEqual(['oud-krispijn', 'nieuw-krispijn', 'wielwijk', 'crabbehof']);
    expect(npdw?.actielijnen).toHaveLength(5);
    for (const pijler of npdw?.actielijnen ?? []) {
      expect(pijler.ambitions2043.length, pijler.id).toBeGreaterThan(0);
      expect(pijler.results2026.length, pijler.id).toBeGreaterThan(0);
      expect(pijler.goals.length, pijler.id).toBeGreaterThan(0);
    }
  });

  it.each(names16)('§1.6 "%s" is a programme record or deliberately covered elsewhere', (entry) => {
    const alias = ALIASES[entry];
    if (alias) {
      expect(programmes.some((p) => p.id === alias)).toBe(true);
      return;
    }
    const covered = NOT_A_PROGRAMME[entry];
    if (!covered) {
      expect(findProgramme(entry), `no programme named like "${entry}"`).toBeDefined();
      return;
    }
    switch (covered.by) {
      case 'regeling':
        expect(REGELING_IDS).toContain(covered.id);
        expect(programmes.some((p) => p.regelingen.includes(covered.id))).toBe(true);
        break;
      case 'organisation':
        expect(organisations.map((o) => o.id)).toContain(covered.id);
        break;
      case 'mentioned': {
        const phrases = covered.phrase ? [norm(covered.phrase)] : variants(entry);
        expect(
          phrases.some((v) => ` ${programmesText} `.includes(` ${v} `)),
          `"${entry}" is not named in programmes.json`,
        ).toBe(true);
        break;
      }
      case 'none':
        expect(covered.reason.length).toBeGreaterThan(0);
        break;
    }
  });

  it('keeps the allow-list honest: every entry is in §1.6 and has no programme record', () => {
    for (const entry of [...Object.keys(NOT_A_PROGRAMME), ...Object.keys(ALIASES)]) {
      expect(names16, entry).toContain(entry);
    }
    for (const entry of Object.keys(NOT_A_PROGRAMME)) {
      const p = programmes.find((q) => programmeKeys(q).some((k) => variants(entry).includes(k)));
      expect(
        p,
        `"${entry}" has its own record "${p?.id}"; remove it from the allow-list`,
      ).toBeUndefined();
    }
  });

  it('has the named aanpakken the field app relies on', () => {
    for (const id of [
      'samen-tegen-armoede',
      'geldpraatje',
      'vroeg-erop-af',
      'uitvoeringsbrigade',
      'ketenaanpak-schulden',
      'doorbraakaanpak',
      'geldzorgen-op-de-werkvloer',
    ]) {
      const p = programmes.find((q) => q.id === id);
      expect(p, id).toBeDefined();
      expect(p?.kind).toBe('aanpak');
      expect(p?.partOf, id).toBeDefined();
    }
  });
});

describe('catalogue programme files are valid', () => {
  it('fundamenten.json parses and has exactly the five fundamenten', () => {
    const result = z.array(fundamentSchema).safeParse(fundamentenRaw);
    expect(result.success, result.error?.message).toBe(true);
    expect(result.data?.map((f) => f.id)).toEqual([...FUNDAMENT_IDS]);
  });

  it('programmes.json parses, ids are unique, references stay within the agreed id lists', () => {
    const result = z.array(programmeSchema).safeParse(programmesRaw);
    expect(result.success, result.error?.message).toBe(true);
    const ids = programmes.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of programmes) {
      for (const r of p.regelingen) expect(REGELING_IDS, `${p.id} regelingen`).toContain(r);
      for (const w of p.wijken) expect(WIJK_IDS, `${p.id} wijken`).toContain(w);
      if (p.partOf) expect(ids, `${p.id} partOf`).toContain(p.partOf);
      if (p.kind === 'aanpak') expect(p.partOf === undefined || p.partOf !== p.id).toBe(true);
      const actielijnIds = p.actielijnen.map((a) => a.id);
      expect(new Set(actielijnIds).size, `${p.id} actielijn ids`).toBe(actielijnIds.length);
    }
  });

  it('organisations.json parses and has the ids other files refer to', () => {
    const result = z.array(organisationSchema).safeParse(organisationsRaw);
    expect(result.success, result.error?.message).toBe(true);
    const ids = organisations.map((o: Organisation) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'gemeente-dordrecht',
      'sociale-dienst-drechtsteden',
      'dordrecht-sociaal',
      'meeplus',
      'veilig-thuis',
      'jongjgz',
      'werkcentrum-drechtsteden',
      'energiehulp-dordrecht',
      'woonbron',
      'trivire',
      'geldpraatje',
      'bibliotheek',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('every seed citation points at lines that exist in the seed file', () => {
    const lengths = new Map(
      SEED_FILES.map((f) => [f, readText(`../../fixtures/seeds/${f}`).split('\n').length]),
    );
    const refs: { file: string; lines: string }[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        if (typeof o.file === 'string' && typeof o.lines === 'string') {
          refs.push({ file: o.file, lines: o.lines });
        }
        Object.values(o).forEach(collect);
      }
    };
    collect([fundamentenRaw, programmesRaw, organisationsRaw]);
    expect(refs.length).toBeGreaterThan(100);
    for (const { file, lines } of refs) {
      const max = lengths.get(file as (typeof SEED_FILES)[number]) ?? 0;
      for (const n of lines.match(/\d+/g) ?? []) {
        expect(Number(n), `${file} ${lines}`).toBeLessThanOrEqual(max);
      }
    }
  });
});
