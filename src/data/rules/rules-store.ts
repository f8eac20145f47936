import {
  publishedRulesVersionSchema,
  rulesVersionId,
  type PublishedRulesVersion,
} from '../../domain/eligibility/rules-version';
import { shippedRulesVersion } from '../../domain/eligibility/shipped-rules';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { log } from '../log';

/**
 * The norms and rules on this device. Installed versions are kept (they are small and change
 * twice a year), so a check completed with an older version can still be shown exactly as it
 * was computed. They are not personal data: a wipe keeps them, like the catalogue.
 */

export const RULES_META_PREFIX = 'rules:';
const CURRENT_KEY = `${RULES_META_PREFIX}current`;
const versionKey = (id: string) => `${RULES_META_PREFIX}version:${id}`;

/** The server sent a version whose content does not match its id: never install it. */
export class RulesVersionMismatchError extends Error {
  constructor() {
    super('The rules version does not match its id.');
    this.name = 'RulesVersionMismatchError';
  }
}

/** Stores a published version and makes it the one the check uses, in one transaction. */
export async function installRulesVersion(
  published: PublishedRulesVersion,
  database: DichtbijDb = db(),
): Promise<void> {
  const parsed = publishedRulesVersionSchema.parse(published);
  if (rulesVersionId(parsed.version) !== parsed.id) throw new RulesVersionMismatchError();
  await database.transaction('rw', database.meta, async () => {
    await database.meta.put({ key: versionKey(parsed.id), value: parsed });
    await database.meta.put({ key: CURRENT_KEY, value: parsed.id });
  });
  log.info('rules.installed');
}

/** The id of the installed version, or undefined when the device uses the shipped one. */
export async function installedRulesId(database: DichtbijDb = db()): Promise<string | undefined> {
  const row = await database.meta.get(CURRENT_KEY);
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** A version by id: the shipped one, or one installed earlier; undefined when this device never had it. */
export async function readRulesVersion(
  id: string,
  database: DichtbijDb = db(),
): Promise<PublishedRulesVersion | undefined> {
  if (id === shippedRulesVersion.id) return shippedRulesVersion;
  const row = await database.meta.get(versionKey(id));
  if (!row) return undefined;
  const parsed = publishedRulesVersionSchema.safeParse(row.value);
  if (!parsed.success || parsed.data.id !== id) {
    log.warn('rules.stored-damaged');
    return undefined;
  }
  return parsed.data;
}

/** The version the check uses now: the installed one, else (none, or damaged) the shipped one. */
export async function activeRulesVersion(
  database: DichtbijDb = db(),
): Promise<PublishedRulesVersion> {
  const id = await installedRulesId(database);
  if (id === undefined) return shippedRulesVersion;
  return (await readRulesVersion(id, database)) ?? shippedRulesVersion;
}
