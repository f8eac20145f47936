import type { NavigateFunction } from 'react-router';
import {
  quickCheckStartSchema,
  type QuickCheckStart,
} from '../../domain/spreekuur/quick-check-start';
import { paths } from '../paths';

/**
 * THE entry for starting an anonymous quick check with answers and topics from another screen
 * (a life event such as "18 worden"):
 *
 *   await openQuickCheck(navigate, { answers: { … }, topics: ['inkomen'], lifeEvent: '18-worden' });
 *
 * The start is checked (unknown questions or wrong values throw a ZodError) and handed over in
 * memory, not in the URL or the history state: the browser keeps those on disk (session restore).
 * The quick check's start screen takes it once; a reload starts empty.
 */
export function openQuickCheck(
  navigate: NavigateFunction,
  start: QuickCheckStart = {},
): Promise<void> | void {
  pending = quickCheckStartSchema.parse(start);
  return navigate(paths.quickCheck.href());
}

let pending: QuickCheckStart | undefined;

/** The start handed over by openQuickCheck, once. */
export function takeQuickCheckStart(): QuickCheckStart | undefined {
  const start = pending;
  pending = undefined;
  return start;
}

/** Looks without taking (the start screen shows what it will begin with). */
export function peekQuickCheckStart(): QuickCheckStart | undefined {
  return pending;
}
