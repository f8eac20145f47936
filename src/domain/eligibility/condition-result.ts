import type { SimpleResult, Threshold } from './outcome-schema';
import type { ReasonMessage } from './reason-message';
import { NOT_ANSWERED, dutchReason } from './dutch-reasons';

/** Building blocks every condition evaluator shares. */

export { NOT_ANSWERED };

export const notAnswered: ReasonMessage = { code: 'not-answered' };

/** Extra fields of a result; the Dutch texts (notes, outdated) are made from the messages. */
export type ResultExtra = Partial<
  Omit<SimpleResult, 'notes' | 'outdated' | 'valueText' | 'valueMsg'>
>;

/** A threshold from its message, with the Dutch text beside it. */
export function th(msg: ReasonMessage, extra: Omit<Threshold, 'msg' | 'text'> = {}): Threshold {
  return { ...extra, msg, text: dutchReason(msg) };
}

export function result(
  c: { kind: string; label: string; confirmed: boolean; note?: string | undefined },
  status: SimpleResult['status'],
  valueMsg: ReasonMessage,
  extra: ResultExtra = {},
): SimpleResult {
  const own: ReasonMessage[] = c.note === undefined ? [] : [{ code: 'data-text', text: c.note }];
  const noteMsgs = [...own, ...(extra.noteMsgs ?? [])];
  return {
    kind: c.kind,
    label: c.label,
    status,
    valueMsg,
    valueText: dutchReason(valueMsg),
    missing: [],
    thresholdUnknown: false,
    softFail: false,
    unconfirmed: !c.confirmed,
    ...extra,
    ...(extra.outdatedMsg === undefined ? {} : { outdated: dutchReason(extra.outdatedMsg) }),
    noteMsgs,
    notes: noteMsgs.map((n) => dutchReason(n)),
  };
}

/** Messages each once, compared by their content (the Dutch `unique` works on strings). */
export function uniqueMsgs(msgs: readonly ReasonMessage[]): ReasonMessage[] {
  const seen = new Set<string>();
  return msgs.filter((msg) => {
    const key = JSON.stringify(msg);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
