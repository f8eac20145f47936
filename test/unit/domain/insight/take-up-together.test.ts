import { describe, expect, it } from 'vitest';
import { checkParts, type RecordInput } from '../../../../src/domain/insight/rollup';
import {
  appliedAtTableEntry,
  appliedTogether,
  takeUpEntrySchema,
} from '../../../../src/domain/insight/take-up';

function check(takeUp: Record<string, unknown>): RecordInput {
  return {
    entity_type: 'check',
    wijk: 'wielwijk',
    status: 'afgerond',
    team_id: null,
    created_at: '2026-11-30T18:00:00.000Z',
    deleted: 0,
    data: JSON.stringify({ suggested: ['dordtpas', 'zorgtoeslag'], takeUp }),
  };
}

const keys = (r: RecordInput, metric: string) =>
  checkParts(r, 'vrijwilliger')
    .filter((p) => p.metric === metric)
    .map((p) => p.key)
    .sort();

describe('"samen aangevraagd aan tafel"', () => {
  it('is an aangevraagd entry for today with the together flag', () => {
    const entry = takeUpEntrySchema.parse({
      ...appliedAtTableEntry('2026-11-30'),
      recordedAt: '2026-11-30T18:00:00.000Z',
    });
    expect(entry).toEqual({
      status: 'aangevraagd',
      date: '2026-11-30',
      together: true,
      recordedAt: '2026-11-30T18:00:00.000Z',
    });
  });

  it('keeps old entries (written before the flag) parsing', () => {
    const old = { status: 'aangevraagd', date: '2026-10-01', recordedAt: '2026-10-01T09:00:00Z' };
    expect(takeUpEntrySchema.safeParse(old).success).toBe(true);
    expect(appliedTogether(old)).toBe(false);
  });

  it('refuses a flag that is not true (nothing else may hide in it)', () => {
    const bad = { status: 'aangevraagd', together: 'yes', recordedAt: '2026-10-01T09:00:00Z' };
    expect(takeUpEntrySchema.safeParse(bad).success).toBe(false);
  });

  it('is counted by the rollup as applied and applied together, per regeling', () => {
    const r = check({
      dordtpas: { ...appliedAtTableEntry('2026-11-30'), recordedAt: '2026-11-30T18:00:00.000Z' },
      zorgtoeslag: { status: 'aangevraagd', date: '2026-11-30', recordedAt: '2026-11-30T18:00Z' },
    });
    expect(keys(r, 'applied')).toEqual(['dordtpas', 'zorgtoeslag']);
    expect(keys(r, 'appliedTogether')).toEqual(['dordtpas']);
  });

  it('keeps counting once the application was decided, never for "niet aangevraagd"', () => {
    const r = check({
      dordtpas: { status: 'toegekend', together: true, recordedAt: '2026-11-30T18:00:00.000Z' },
      zorgtoeslag: {
        status: 'niet-aangevraagd',
        together: true,
        recordedAt: '2026-11-30T18:00:00.000Z',
      },
    });
    expect(keys(r, 'appliedTogether')).toEqual(['dordtpas']);
  });
});
