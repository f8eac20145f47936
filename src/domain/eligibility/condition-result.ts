import type { SimpleResult } from './outcome-schema';

/** Building blocks every condition evaluator shares. */

export const NOT_ANSWERED = 'Nog niet ingevuld';

export function result(
  c: { kind: string; label: string; confirmed: boolean; note?: string | undefined },
  status: SimpleResult['status'],
  valueText: string,
  extra: Partial<SimpleResult> = {},
): SimpleResult {
  const notes = c.note === undefined ? [] : [c.note];
  return {
    kind: c.kind,
    label: c.label,
    status,
    valueText,
    missing: [],
    thresholdUnknown: false,
    softFail: false,
    unconfirmed: !c.confirmed,
    ...extra,
    notes: [...notes, ...(extra.notes ?? [])],
  };
}

export function failOrMaybe(failOutcome: 'geen-recht' | 'misschien'): SimpleResult['status'] {
  return failOutcome === 'misschien' ? 'unknown' : 'fail';
}

export interface CentsRange {
  lowCents: number;
  highCents: number | null;
}

/** A value range against a limit range: a verdict only when the whole range is on one side. */
export function compareRanges(value: CentsRange, limit: CentsRange): SimpleResult['status'] {
  if (value.highCents !== null && value.highCents <= limit.lowCents) return 'pass';
  if (limit.highCents !== null && value.lowCents > limit.highCents) return 'fail';
  return 'unknown';
}
