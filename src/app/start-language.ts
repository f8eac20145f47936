/**
 * The language setting the app starts in: the active worker's. The device registry says whose
 * database is active, and most tablets have one worker, whose database is the first one. Her
 * setting is read at the same time as the registry instead of after it: two IndexedDB opens at
 * once rather than one after the other, on every start. When another worker is active, her own
 * setting is read once the registry has said so.
 */
export interface StartLanguageSources {
  /** Reads the registry, makes its active database the app's, and names it. */
  restoreActive: () => Promise<string>;
  /** A worker database's language setting (undefined when unset or unreadable). */
  readSetting: (dbName: string) => Promise<string | undefined>;
  /** The first worker's database: the active one on most tablets. */
  firstDbName: string;
}

export async function readStartLanguage({
  restoreActive,
  readSetting,
  firstDbName,
}: StartLanguageSources): Promise<string | undefined> {
  const first = readSetting(firstDbName).catch(() => undefined);
  const active = await restoreActive();
  if (active === firstDbName) return first;
  return readSetting(active).catch(() => undefined);
}
