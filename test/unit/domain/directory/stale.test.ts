import { describe, it, expect } from 'vitest';
import { entriesToRecheck, monthsBefore } from '../../../../src/domain/directory/stale';
import { fixtureWithRealDirectory } from '../../helpers/real-directory';

const { organisations } = fixtureWithRealDirectory();

describe('entries to recheck', () => {
  it('counts six calendar months back, clamped to the end of a shorter month', () => {
    expect(monthsBefore('2027-05-30', 6)).toBe('2026-11-30');
    expect(monthsBefore('2027-08-31', 6)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
  });

  it('lists nothing while every entry was checked within six months, and all once they age', () => {
    expect(entriesToRecheck(organisations, '2027-05-30')).toEqual([]);
    const due = entriesToRecheck(organisations, '2027-06-01');
    expect(due.length).toBe(organisations.filter((o) => o.directory).length);
    expect(due.every((e) => e.checkedOn === '2026-11-30')).toBe(true);
  });

  it('puts the oldest check first', () => {
    const aged = organisations.map((o) =>
      o.id === 'veilig-thuis' && o.directory
        ? { ...o, directory: { ...o.directory, checkedOn: '2025-01-02' } }
        : o,
    );
    const due = entriesToRecheck(aged, '2026-12-01');
    expect(due).toEqual([{ id: 'veilig-thuis', name: 'Veilig Thuis', checkedOn: '2025-01-02' }]);
  });
});
