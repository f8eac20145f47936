import { describe, expect, it } from 'vitest';
import { createRegelingSearch, wijkScope } from '../../../src/domain/search/regeling-search';
import { fixtureCatalogue } from '../../fixtures/catalogue';

const catalogue = fixtureCatalogue();
const search = createRegelingSearch(catalogue.regelingen, catalogue.wijken);
const ids = (query: string, filters = {}) => search.search(query, filters).map((r) => r.id);

describe('regeling search', () => {
  it('finds a regeling by its name', () => {
    expect(ids('dordtpas')[0]).toBe('dordtpas');
  });

  it('forgives a typo', () => {
    expect(ids('dordpas')).toContain('dordtpas');
    expect(ids('energiehlup')).toContain('energiehulp');
  });

  it('ignores accents both ways', () => {
    expect(ids('clientondersteuning')).toEqual(['clientondersteuning']);
    expect(ids('CLIËNT')).toContain('clientondersteuning');
  });

  it('matches the beginning of a word while typing', () => {
    expect(ids('energ')).toContain('energiehulp');
  });

  it('searches keywords', () => {
    expect(ids('tochtstrips')).toEqual(['energiehulp']);
  });

  it('lists everything alphabetically for an empty query', () => {
    expect(ids('')).toEqual(['clientondersteuning', 'dordtpas', 'energiehulp', 'ik-word-18']);
  });

  it('filters by fundament and doelgroep', () => {
    expect(ids('', { fundament: 'wonen' })).toEqual(['energiehulp', 'ik-word-18']);
    expect(ids('', { doelgroep: 'kinderen' })).toEqual(['dordtpas']);
  });

  it('filters by wijk: city-wide regelingen match every wijk, Dordt West ones its buurten', () => {
    expect(ids('', { wijk: 'zuidhoven' })).toEqual([
      'clientondersteuning',
      'dordtpas',
      'energiehulp',
    ]);
    expect(ids('', { wijk: 'sterrenburg' })).toEqual([
      'clientondersteuning',
      'dordtpas',
      'ik-word-18',
    ]);
  });

  it('returns nothing rather than everything for nonsense', () => {
    expect(ids('xqzwv')).toEqual([]);
  });

  it('knows the areas a buurt belongs to', () => {
    expect([...wijkScope(catalogue.wijken, 'zuidhoven')].sort()).toEqual([
      'crabbehof',
      'dordt-west',
      'zuidhoven',
    ]);
  });
});
