import { useLiveQuery } from 'dexie-react-hooks';
import type { ComputedWith } from '../../domain/eligibility/outcome-snapshot';
import type { PublishedRulesVersion } from '../../domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../domain/eligibility/shipped-rules';
import type { CheckRecord } from '../../data/repositories/checks';
import { activeRulesVersion, readRulesVersion } from '../../data/rules/rules-store';
import { todayIso } from './check-model';

/** Which rules on which peildatum an outcome is computed with, and what today's rules are. */
export type OutcomeBasis =
  | { status: 'loading' }
  | {
      status: 'ready';
      rules: PublishedRulesVersion;
      peildatum: string;
      /** The version the check uses today (installed, else shipped). */
      today: PublishedRulesVersion;
      /** What a completed check stored when it was completed. */
      stored: ComputedWith | undefined;
      /** The stored version is not on this device: the outcome shown is today's, compared with the stored verdicts. */
      originalMissing: boolean;
    };

/**
 * An open check is judged on today with the version installed today. A completed one keeps the
 * version and peildatum it was completed with, so its outcome and the resident's summary do not
 * change when new norms arrive; a check completed before versions were stored is read with the
 * rules built into the app on the day it was completed.
 */
export function useOutcomeBasis(check: CheckRecord): OutcomeBasis {
  const today = useLiveQuery(() => activeRulesVersion(), []);
  const stored = check.status === 'afgerond' ? check.data.computedWith : undefined;
  const storedId = stored?.rulesVersionId;
  // null: looked up and not on this device; undefined: still loading.
  const original = useLiveQuery(
    async () => (storedId === undefined ? null : ((await readRulesVersion(storedId)) ?? null)),
    [storedId],
  );
  if (today === undefined || (storedId !== undefined && original === undefined))
    return { status: 'loading' };
  if (check.status !== 'afgerond') {
    return {
      status: 'ready',
      rules: today,
      peildatum: todayIso(),
      today,
      stored: undefined,
      originalMissing: false,
    };
  }
  if (stored === undefined) {
    const completedAt = check.data.completedAt;
    return {
      status: 'ready',
      rules: shippedRulesVersion,
      peildatum: completedAt ? todayIso(new Date(completedAt)) : todayIso(),
      today,
      stored: undefined,
      originalMissing: false,
    };
  }
  return {
    status: 'ready',
    rules: original ?? today,
    peildatum: original ? stored.peildatum : todayIso(),
    today,
    stored,
    originalMissing: !original,
  };
}
