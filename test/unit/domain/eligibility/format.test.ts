import { describe, expect, it } from 'vitest';
import {
  formatEuro,
  isValidPeildatum,
  peildatumSchema,
} from '../../../../src/domain/eligibility/format';

describe('dates and money for the reasons', () => {
  it('refuses impossible dates with a message for the field', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', 'gisteren', '']) {
      expect(isValidPeildatum(bad), bad).toBe(false);
    }
    for (const good of ['2024-02-29', '2026-07-01', '2026-11-30']) {
      expect(isValidPeildatum(good), good).toBe(true);
    }
    const r = peildatumSchema.safeParse('2026-02-30');
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('Vul een bestaande datum in.');
  });

  it('formats euro amounts the Dutch way, also when memoised', () => {
    expect(formatEuro(198724)).toBe('€ 1.987,24');
    expect(formatEuro(198724)).toBe('€ 1.987,24');
    expect(formatEuro(-5)).toBe('-€ 0,05');
  });
});
