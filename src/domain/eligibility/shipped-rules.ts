import { norms2026, rules2026 } from './data-2026';
import {
  rulesVersionId,
  rulesVersionLabel,
  type PublishedRulesVersion,
  type RulesVersion,
} from './rules-version';

const shipped: RulesVersion = { norms: norms2026, rules: rules2026 };

/**
 * The norms and rules built into this app: what a device uses until it installs a version a
 * beheerder published, and whenever the installed one cannot be read.
 */
export const shippedRulesVersion: PublishedRulesVersion = {
  id: rulesVersionId(shipped),
  label: rulesVersionLabel(shipped),
  publishedAt: null,
  version: shipped,
};
