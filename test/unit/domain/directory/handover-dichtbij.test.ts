import { describe, it, expect } from 'vitest';
import { DEFAULT_TEAMS, handoverChoices } from '../../../../src/domain/signals/handover';
import { fixtureWithRealDirectory } from '../../helpers/real-directory';

const { organisations, wijken } = fixtureWithRealDirectory();
const directory = { teams: DEFAULT_TEAMS, organisations };
const orgIds = (wijk: string | null) =>
  handoverChoices(directory, { wijk, wijken })
    .filter((c) => c.kind === 'organisation')
    .map((c) => c.id);

describe('handover choices, dichtbij', () => {
  it('lists teams first, then the Crabbehof door and Dordt West partners before city-wide ones', () => {
    const choices = handoverChoices(directory, { wijk: 'crabbehof', wijken });
    expect(choices.slice(0, DEFAULT_TEAMS.length).every((c) => c.kind === 'team')).toBe(true);
    const ids = orgIds('crabbehof');
    const dw = ids.indexOf('sdd-team-dordt-west');
    expect(dw).toBeGreaterThanOrEqual(0);
    expect(dw).toBeLessThan(ids.indexOf('sociale-dienst-drechtsteden'));
    expect(ids.indexOf('toekomstmakelaar')).toBeLessThan(ids.indexOf('sociaal-wijkteam'));
  });

  it('offers a Sterrenburg signal no Dordt West-only partner', () => {
    const ids = orgIds('sterrenburg');
    expect(ids).not.toContain('sdd-team-dordt-west');
    expect(ids).not.toContain('toekomstmakelaar');
    expect(ids).not.toContain('uitvoeringsbrigade');
    expect(ids).toContain('sociale-dienst-drechtsteden');
    // Partners without a kaart entry stay available, after the kaart's.
    expect(ids).toContain('woonbron');
  });

  it('keeps the old behaviour without a wijk: every partner that accepts referrals', () => {
    const all = handoverChoices(directory).filter((c) => c.kind === 'organisation');
    expect(all).toHaveLength(organisations.filter((o) => o.acceptsReferrals).length);
  });
});
