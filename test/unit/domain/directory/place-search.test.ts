import { describe, it, expect } from 'vitest';
import { createPlaceSearch } from '../../../../src/domain/search/place-search';
import { fixtureWithRealDirectory } from '../../helpers/real-directory';

const { organisations, wijken } = fixtureWithRealDirectory();
const search = createPlaceSearch(organisations, wijken);
const ids = (q: string, filters = {}) => search.search(q, filters).map((p) => p.organisation.id);

describe('place search (sociale kaart)', () => {
  it('finds places by language: "arabisch"', () => {
    const found = ids('arabisch');
    expect(found).toContain('geldpraatje');
    expect(found).toContain('bibliotheek-crabbehof');
    expect(found).not.toContain('veilig-thuis');
  });

  it('finds places with walk-in times: "inloop"', () => {
    const found = ids('inloop');
    expect(found).toEqual(expect.arrayContaining(['sociaal-wijkteam', 'juridisch-loket']));
    expect(found).not.toContain('toekomstmakelaar');
  });

  it('finds by wijk name, including what serves all of Dordt West: "Wielwijk"', () => {
    const found = ids('Wielwijk');
    expect(found[0]).toBe('leerpraktijkcentrum-waterwiel');
    expect(found).toEqual(expect.arrayContaining(['toekomstmakelaar', 'sdd-team-dordt-west']));
    expect(found).not.toContain('juridisch-loket');
  });

  it('finds by what a place helps with, typo tolerant and without accents', () => {
    expect(ids('schulden')).toContain('alliantie-vrijwillige-schuldhulp');
    expect(ids('taalcafe')).toContain('taalcafe-crabbehof');
    expect(ids('clientondersteuning')).toContain('meeplus');
    expect(ids('voedselpakket')).toContain('voedselbank-dordrecht');
    expect(ids('digid')).toContain('ido-crabbehof');
  });

  it('with a wijk filter, keeps only places serving it, nearest first', () => {
    const sterrenburg = ids('werk', { wijk: 'sterrenburg' });
    expect(sterrenburg).not.toContain('toekomstmakelaar');
    expect(sterrenburg).toContain('sociale-dienst-drechtsteden');
    const wielwijk = search.search('werk', { wijk: 'wielwijk' });
    expect(wielwijk[0]?.organisation.id).toBe('leerpraktijkcentrum-waterwiel');
    const tiers = wielwijk.map((p) => p.tier);
    expect(tiers.indexOf('stad')).toBeGreaterThan(tiers.lastIndexOf('dordt-west'));
  });

  it('filters on a topic and lists everything without a query', () => {
    const all = search.search('');
    expect(all.length).toBe(organisations.filter((o) => o.directory).length);
    expect(search.search('', { topic: 'voedsel' }).map((p) => p.organisation.id)).toEqual([
      'voedselbank-dordrecht',
    ]);
  });
});
