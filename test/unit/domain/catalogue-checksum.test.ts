import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalogueChecksum } from '../../../src/domain/catalogue/checksum';
import { fixtureCatalogue } from '../../fixtures/catalogue';

// Written out, not imported from the code under test: this pins the text devices already checksummed.
const TABLES = [
  'fundamenten',
  'programmes',
  'regelingen',
  'organisations',
  'wijken',
  'indicators',
] as const;

describe('catalogueChecksum', () => {
  it('stays the checksum devices already stored: SHA-256 of all sorted tables in one JSON text', async () => {
    const catalogue = fixtureCatalogue();
    // Shuffled, as records come back from storage.
    catalogue.regelingen.reverse();
    const sorted = TABLES.map((t) =>
      [...catalogue[t]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
    const expected = createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await catalogueChecksum(catalogue, pause)).toBe(expected);
    expect(await catalogueChecksum(catalogue)).toBe(expected);
    expect(pauses).toBe(TABLES.length);
  });

  it('changes when one record changes', async () => {
    const a = fixtureCatalogue();
    const b = fixtureCatalogue();
    const first = b.regelingen[0];
    if (!first) throw new Error('fixture has regelingen');
    first.name = `${first.name}.`;
    expect(await catalogueChecksum(a)).not.toBe(await catalogueChecksum(b));
  });
});
