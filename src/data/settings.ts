import type { DichtbijDb } from './db';
import { db } from './db';

/** Device settings (not personal data) in the meta table, the app's replacement for localStorage. */
export async function saveSetting(key: string, value: string, database: DichtbijDb = db()) {
  await database.meta.put({ key: `setting:${key}`, value });
}

export async function loadSetting(
  key: string,
  database: DichtbijDb = db(),
): Promise<string | undefined> {
  try {
    const row = await database.meta.get(`setting:${key}`);
    return typeof row?.value === 'string' ? row.value : undefined;
  } catch {
    return undefined;
  }
}
