import normsJson from './data/norms-2026.json';
import rulesJson from './data/rules-2026.json';
import { parseNorms, type Norms } from './norms-schema';
import { parseRules, type RulesFile } from './rule-schema';

/**
 * The 2026 rules and norms, parsed once. Parsing at import fails loudly in tests and at build time
 * when an editor breaks the data, instead of giving a wrong answer in the field.
 */
export const norms2026: Norms = parseNorms(normsJson);
export const rules2026: RulesFile = parseRules(rulesJson);
