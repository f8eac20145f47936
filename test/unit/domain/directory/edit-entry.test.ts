import { describe, expect, it } from 'vitest';
import type { EntryEdit } from '../../../../src/domain/directory/edit-entry';
import {
  EDITABLE_FACTS,
  applyEntryEdit,
  factInput,
} from '../../../../src/domain/directory/edit-entry';
import { checkCatalogue } from '../../../../src/server/catalogue';
import { loadCatalogueFromDir } from '../../../../src/build/catalogue-files';

// The catalogue the build ships, so the server's publish check sees a whole, real catalogue.
const catalogue = loadCatalogueFromDir();
const ID = 'sociaal-wijkteam';
const entry = catalogue.organisations.find((o) => o.id === ID)?.directory;
if (!entry) throw new Error('the real directory has no wijkteam entry');

/** The form as it opens: every fact as stored. */
function unchanged(): EntryEdit {
  const facts = Object.fromEntries(
    EDITABLE_FACTS.map((key) => [key, factInput(entry![key])]),
  ) as EntryEdit['facts'];
  return {
    facts,
    status: entry!.status.value,
    source: { title: '', publisher: '' },
    checkedOn: '2026-12-01',
  };
}

describe("a beheerder's edit of a kaart entry", () => {
  it('gives new hours the named source, keeps the other facts and their sources, and publishes as valid', () => {
    const edit = unchanged();
    edit.facts.hours = { known: true, text: ' Maandag tot en met donderdag 9.00–17.00 uur ' };
    edit.source = {
      title: 'Telefonisch nagevraagd',
      publisher: 'Gemeente Dordrecht, beheer Dichtbij',
    };
    const result = applyEntryEdit(catalogue, ID, edit);
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.changed).toEqual(['hours']);
    const next = result.catalogue.organisations.find((o) => o.id === ID)?.directory;
    expect(next?.hours).toEqual({
      value: 'Maandag tot en met donderdag 9.00–17.00 uur',
      source: [
        {
          title: 'Telefonisch nagevraagd',
          publisher: 'Gemeente Dordrecht, beheer Dichtbij',
          date: '2026-12-01',
        },
      ],
    });
    expect(next?.walkIn).toEqual(entry.walkIn);
    expect(next?.address).toEqual(entry.address);
    expect(next?.checkedOn).toBe('2026-12-01');
    // The server's own publish check accepts it, and the other organisations are untouched.
    const check = checkCatalogue(result.catalogue);
    expect(check.ok ? [] : check.errors).toEqual([]);
    expect(result.catalogue.organisations.filter((o) => o.id !== ID)).toEqual(
      catalogue.organisations.filter((o) => o.id !== ID),
    );
  });

  it('refuses a changed fact without a source, and changes nothing', () => {
    const edit = unchanged();
    edit.facts.phone = { known: true, text: '078 000 00 00' };
    const result = applyEntryEdit(catalogue, ID, edit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/source\.(title|publisher)/);
    expect(catalogue.organisations.find((o) => o.id === ID)?.directory).toBe(entry);
  });

  it('records a re-check without changes as a new date only, with no source needed', () => {
    const result = applyEntryEdit(catalogue, ID, unchanged());
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.changed).toEqual([]);
    expect(result.catalogue.organisations.find((o) => o.id === ID)?.directory).toEqual({
      ...entry,
      checkedOn: '2026-12-01',
    });
  });

  it('turns a fact into a documented unknown, and refuses an empty one', () => {
    const edit = unchanged();
    edit.source = { title: 'Eigen controle', publisher: 'Beheer Dichtbij' };
    edit.facts.walkIn = { known: false, text: 'Inloop is gestopt; nieuwe tijden nog niet bekend.' };
    edit.status = 'in-ontwikkeling';
    const result = applyEntryEdit(catalogue, ID, edit);
    if (!result.ok) throw new Error(result.problems.join('; '));
    const next = result.catalogue.organisations.find((o) => o.id === ID)?.directory;
    expect(next?.walkIn).toEqual({ unknown: 'Inloop is gestopt; nieuwe tijden nog niet bekend.' });
    expect(next?.status.value).toBe('in-ontwikkeling');
    expect(result.changed).toEqual(['walkIn', 'status']);

    edit.facts.walkIn = { known: true, text: '   ' };
    const empty = applyEntryEdit(catalogue, ID, edit);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems.join(' ')).toMatch(/^walkIn/);
  });

  it('says so for an organisation that has no kaart entry', () => {
    const result = applyEntryEdit(catalogue, 'bestaat-niet', unchanged());
    expect(result).toEqual({ ok: false, problems: ['No kaart entry "bestaat-niet".'] });
  });
});
