import { describe, expect, it } from 'vitest';
import {
  computeMonthFigures,
  rowsOf,
  type InsightResponse,
} from '../../../../src/domain/insight/figures';
import type { RollupCount, RollupMetric } from '../../../../src/domain/insight/rollup';
import { computeToekomstFigures } from '../../../../src/domain/insight/toekomst-figures';
import { MIN_CELL } from '../../../../src/domain/insight/suppression';
import { insightCsv, screenTables, WHOLE_CITY } from '../../../../src/domain/insight/view';

const dims = {
  wijken: ['wielwijk'],
  categories: ['eenzaamheid'],
  urgencies: ['normaal'],
  statuses: ['nieuw'],
  roles: ['vrijwilliger'],
  regelingen: ['dordtpas', 'kindpakket'],
  doelgroepen: ['jongere'],
  creditorTypes: ['huur', 'energie'],
  languages: ['nl', 'en', 'ar', 'none'],
};

function response(): InsightResponse {
  const at = (metric: RollupMetric, key: string, n: number): RollupCount => ({
    wijk: 'wielwijk',
    team: '',
    metric,
    key,
    n,
  });
  const current = computeMonthFigures('2026-11', dims, [
    // Nine signals with contact and help accepted…
    at('signals', '', 9),
    at('category', 'eenzaamheid', 9),
    at('urgency', 'normaal', 9),
    at('status', 'nieuw', 9),
    at('contact', '', 9),
    at('accepted', '', 9),
    // …and seven checks suggesting both regelingen, dordtpas granted.
    at('checks', '', 7),
    at('role', 'vrijwilliger', 7),
    at('suggested', 'dordtpas', 7),
    at('suggested', 'kindpakket', 7),
    at('applied', 'dordtpas', 7),
    at('appliedTogether', 'dordtpas', 6),
    at('granted', 'dordtpas', 7),
    // …and vroegsignalen: 8 about rent (6 reached, 5 helped), 10 about energy (5 reached, all helped).
    at('vroeg', 'huur', 8),
    at('vroegContact', 'huur', 6),
    at('vroegAccepted', 'huur', 5),
    at('vroeg', 'energie', 10),
    at('vroegContact', 'energie', 5),
    at('vroegAccepted', 'energie', 5),
  ]);
  const previous = computeMonthFigures('2026-10', dims, []);
  // No trajectories: the toekomst tables are there, with nothing in them.
  const toekomst = (month: string) =>
    computeToekomstFigures(month, rowsOf(dims), [], '2026-11-30T12:00:00.000Z');
  return {
    minCell: MIN_CELL,
    nationalContactShare: 0.2,
    current: { ...current, toekomst: toekomst('2026-11') },
    previous: { ...previous, toekomst: toekomst('2026-10') },
  };
}

describe('the vroegsignalen table', () => {
  it('gives no share where a count is "< 5" or hidden', () => {
    const small = screenTables({ ...response(), current: response().previous }, 'wielwijk').find(
      (t) => t.key === 'vroeg',
    );
    expect(small?.rows.every((r) => r.cells[0]?.kind === 'small')).toBe(true);
    expect(
      small?.rows.every((r) => r.cells[2]?.kind === 'share' && r.cells[2].value === null),
    ).toBe(true);
  });
});

describe('what the screen shows is what the CSV holds', () => {
  it('has one CSV line per shown number, in screen order, with the same text', () => {
    const data = response();
    const tables = screenTables(data, 'wielwijk');
    const funnel = tables.find((t) => t.key === 'funnel');
    expect(funnel?.rows.map((r) => r.id)).toEqual(['dordtpas', 'kindpakket']);
    expect(funnel?.columns).toEqual(['suggested', 'applied', 'appliedTogether', 'granted']);
    expect(funnel?.rows[0]?.cells).toEqual([
      { kind: 'value', value: 7 },
      { kind: 'value', value: 7 },
      { kind: 'value', value: 6 },
      { kind: 'value', value: 7 },
    ]);
    const csv = insightCsv(data, 'wielwijk', {
      table: (k) => k,
      row: (_t, id) => id,
      column: (_table, c) => c,
      wijk: (w) => w || 'Dordrecht',
      share: (v) => (v === null ? 'niet getoond' : `${Math.round(v * 100)}%`),
      header: ['Cijfer', 'Wijk', 'Onderdeel', 'Kolom', 'Aantal'],
    })
      .trimEnd()
      .split('\r\n');
    const expected = tables.flatMap((t) =>
      t.rows.flatMap((r) => t.columns.map((c, k) => [t.key, r.id, c, r.cells[k]])),
    );
    expect(csv.length - 1).toBe(expected.length);
    expect(csv).toContain('funnel;wielwijk;kindpakket;granted;< 5');
    expect(csv).toContain('funnel;wielwijk;dordtpas;appliedTogether;6');
    expect(csv).toContain('contactHelp;wielwijk;helpAccepted;thisMonth;9');
    expect(csv).toContain('contactHelp;wielwijk;helpAccepted;previousMonth;< 5');
    // The vroegsignalen per creditor type, with their shares where both counts are shown.
    const vroeg = tables.find((t) => t.key === 'vroeg');
    expect(vroeg?.rows.map((r) => r.id)).toEqual(['huur', 'energie', 'alle']);
    expect(csv).toContain('vroeg;wielwijk;huur;vroegSignals;8');
    expect(csv).toContain('vroeg;wielwijk;huur;vroegContactShare;75%');
    expect(csv).toContain('vroeg;wielwijk;huur;vroegAcceptedShare;83%');
    expect(csv).toContain('vroeg;wielwijk;energie;vroegContactShare;50%');
    expect(csv).toContain('vroeg;wielwijk;energie;vroegAcceptedShare;100%');
    // All creditors together: 18 signals, 11 with contact, 10 helped.
    expect(csv).toContain('vroeg;wielwijk;alle;vroegSignals;18');
    expect(csv).toContain('vroeg;wielwijk;alle;vroegContactShare;61%');
    expect(csv).toContain('vroeg;wielwijk;alle;vroegAcceptedShare;91%');
  });

  it('quotes a label with a separator in it', () => {
    const csv = insightCsv(response(), WHOLE_CITY, {
      table: () => 'Regelingen; per stap',
      row: (_t, id) => id,
      column: (_table, c) => c,
      wijk: () => 'Heel "Dordrecht"',
      share: () => '',
      header: ['a', 'b', 'c', 'd', 'e'],
    });
    expect(csv.split('\r\n')[1]).toMatch(/^"Regelingen; per stap";"Heel ""Dordrecht""";/);
  });
});
