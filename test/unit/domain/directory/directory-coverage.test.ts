import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  organisationSchema,
  type DirectoryEntry,
  type SourceRef,
} from '../../../../src/domain/catalogue/schema';

/**
 * Coverage of the sociale kaart against the seeds: every organisation and voorziening a worker
 * refers to by name in the seeds has a directory entry with an address or a documented "unknown",
 * and no practical fact is without a source. Reads only the repository (data + test/fixtures).
 */

const readText = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const organisations = z
  .array(organisationSchema)
  .parse(JSON.parse(readText('../../../../src/domain/catalogue/data/organisations.json')));
const seedLines = (file: string) => readText(`../../../fixtures/seeds/${file}`).split('\n');

/**
 * What the seeds name, where (a phrase that must occur in that seed, so the list cannot drift from
 * the text), and the directory entry that answers it.
 */
const SEED_NAMED: readonly { name: string; seed: string; phrase: string; entry: string }[] = [
  {
    name: 'Geldpraatje-plekken',
    seed: '000_6d4ebf84a8013f8d.txt',
    phrase: 'Geldpraatje plekken',
    entry: 'geldpraatje',
  },
  {
    name: 'Sociale Dienst Drechtsteden',
    seed: '000_6d4ebf84a8013f8d.txt',
    phrase: 'SDD',
    entry: 'sociale-dienst-drechtsteden',
  },
  {
    name: 'SDD team Dordt West',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'team Dordt West',
    entry: 'sdd-team-dordt-west',
  },
  {
    name: 'Sociaal wijkteam',
    seed: '004_f5c86e1bd0540830.txt',
    phrase: 'wijkteam',
    entry: 'sociaal-wijkteam',
  },
  {
    name: 'Buurthuizen',
    seed: '002_7e2e2d0ced4a1664.txt',
    phrase: 'buurthuizen',
    entry: 'buurtwerk',
  },
  {
    name: 'Leerpraktijkcentrum het Waterwiel',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'leerpraktijkcentrum in Wielwijk',
    entry: 'leerpraktijkcentrum-waterwiel',
  },
  {
    name: 'Toekomstmakelaar',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'toekomstmakelaar actief',
    entry: 'toekomstmakelaar',
  },
  {
    name: 'Uitvoeringsbrigade',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Uitvoeringsbrigade',
    entry: 'uitvoeringsbrigade',
  },
  {
    name: 'Doorbraakaanpak',
    seed: '004_f5c86e1bd0540830.txt',
    phrase: 'doorbraakaanpak',
    entry: 'doorbraakaanpak',
  },
  {
    name: 'Werkcentrum Drechtsteden',
    seed: '000_6d4ebf84a8013f8d.txt',
    phrase: 'Werkcentrum Drechtsteden',
    entry: 'werkcentrum-drechtsteden',
  },
  {
    name: 'Alliantie vrijwillige schuldhulp',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Alliantie vrijwillige schuldhulp',
    entry: 'alliantie-vrijwillige-schuldhulp',
  },
  {
    name: 'Financieel hulphuis',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Financieel hulphuis',
    entry: 'financieel-hulphuis',
  },
  {
    name: 'Sociaal raadslieden',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'sociaal raadslieden',
    entry: 'sociaal-raadslieden',
  },
  {
    name: 'MEEPlus (cliëntondersteuning)',
    seed: '004_f5c86e1bd0540830.txt',
    phrase: 'MEEPlus',
    entry: 'meeplus',
  },
  {
    name: 'Veilig Thuis',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Veilig Thuis',
    entry: 'veilig-thuis',
  },
  {
    name: 'Bibliotheek Crabbehof',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Crabbehof een vestiging van de bibliotheek',
    entry: 'bibliotheek-crabbehof',
  },
  {
    name: 'Taalcafé',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'taalcafé',
    entry: 'taalcafe-crabbehof',
  },
  {
    name: 'Informatiepunt Digitale Overheid',
    seed: '003_595b1b18b47d5e8d.txt',
    phrase: 'Informatiepunt Digitale Overheid',
    entry: 'ido-crabbehof',
  },
  { name: 'Huisartsen', seed: '004_f5c86e1bd0540830.txt', phrase: 'huisarts', entry: 'huisartsen' },
  {
    name: 'Energiehulp Dordrecht',
    seed: '000_6d4ebf84a8013f8d.txt',
    phrase: 'Energiehulp Dordrecht',
    entry: 'energiehulp-dordrecht',
  },
];

/** Voorzieningen the issue names that the seeds do not; they come from public sources only. */
const PUBLIC_ONLY = ['juridisch-loket', 'voedselbank-dordrecht'] as const;

const entries = new Map(
  organisations.flatMap((o) => (o.directory ? [[o.id, o.directory] as const] : [])),
);

/** Every fact of an entry that can be known or unknown, by field name. */
function facts(d: DirectoryEntry): [string, { source: SourceRef[] } | { unknown: string }][] {
  return [
    ['address', d.address],
    ['phone', d.phone],
    ['contact', d.contact],
    ['hours', d.hours],
    ['walkIn', d.walkIn],
    ['languages', d.languages],
    ['appointment', d.appointment],
    ['accessibility', d.accessibility],
    ['howToRefer', d.howToRefer],
    ['status', d.status],
  ];
}

function sourceProblem(ref: SourceRef): string | null {
  if ('file' in ref) {
    const total = seedLines(ref.file).length;
    const numbers = [...ref.lines.matchAll(/\d+/g)].map((m) => Number(m[0]));
    return numbers.every((n) => n >= 1 && n <= total)
      ? null
      : `${ref.file} ${ref.lines} out of range`;
  }
  // A public source must be checkable: where it is and when it was read or published.
  if (!ref.url || !ref.date) return `${ref.title}: a public source needs url and date`;
  return null;
}

describe('sociale kaart coverage', () => {
  it.each(SEED_NAMED)('$name is named in the seed it cites', ({ seed, phrase }) => {
    expect(seedLines(seed).join(' ').replace(/\s+/g, ' ').toLowerCase()).toContain(
      phrase.toLowerCase(),
    );
  });

  it.each([...SEED_NAMED.map((s) => s.entry), ...PUBLIC_ONLY])(
    '%s is in the directory with an address or a documented unknown',
    (id) => {
      const entry = entries.get(id);
      expect(entry, `${id} has no directory entry`).toBeDefined();
      const address = entry?.address;
      const documented =
        address !== undefined &&
        ('unknown' in address ? address.unknown.trim().length > 10 : address.value.trim() !== '');
      expect(documented, `${id}: address is neither known nor a documented unknown`).toBe(true);
    },
  );

  it('gives every known contact fact a source that exists (seed lines in range, public url + date)', () => {
    const problems: string[] = [];
    for (const [id, d] of entries) {
      for (const [field, fact] of facts(d)) {
        if ('unknown' in fact) continue;
        if (fact.source.length === 0) problems.push(`${id}.${field}: no source`);
        for (const ref of fact.source) {
          const problem = sourceProblem(ref);
          if (problem) problems.push(`${id}.${field}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows the Werkcentrum as in development, as the seeds say it is still to be realised', () => {
    expect(entries.get('werkcentrum-drechtsteden')?.status.value).toBe('in-ontwikkeling');
  });

  it('never writes a phone number, e-mail address or time of day into an unknown', () => {
    const looksLikeAFact = /(\b0\d{2,3}[- ]?\d{3,}|@|\b\d{1,2}[.:]\d{2}\s*(–|-|uur))/;
    const problems = [...entries].flatMap(([id, d]) =>
      facts(d)
        .filter(([, f]) => 'unknown' in f && looksLikeAFact.test(f.unknown))
        .map(([field]) => `${id}.${field}`),
    );
    expect(problems).toEqual([]);
  });
});
