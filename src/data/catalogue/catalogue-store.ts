import type { Catalogue } from '../../domain/catalogue/schema';
import { catalogueChecksum, isCatalogueShaped } from '../../domain/catalogue/checksum';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { requestJson } from '../http';
import { log } from '../log';

export const CATALOGUE_URL = '/catalogue.json';

/** Where the catalogue on the device came from: the app's own build, or a version a beheerder published. */
export type CatalogueOrigin = 'shipped' | 'server';

interface CatalogueMeta {
  version: string;
  origin: CatalogueOrigin;
  /** The shipped version seen when this catalogue was installed; a newer app build replaces it. */
  shippedVersion: string;
  counts: Record<string, number>;
  /** Checksum of the stored records, to notice damaged or half-written data on start. */
  checksum: string;
}

const META_KEY = 'catalogue';

function countsOf(c: Catalogue): Record<string, number> {
  return {
    fundamenten: c.fundamenten.length,
    programmes: c.programmes.length,
    regelingen: c.regelingen.length,
    organisations: c.organisations.length,
    wijken: c.wijken.length,
    indicators: c.indicators.length,
  };
}

function catalogueTables(database: DichtbijDb) {
  return [
    database.fundamenten,
    database.programmes,
    database.regelingen,
    database.organisations,
    database.wijken,
    database.indicators,
  ];
}

/** Fetches the catalogue that shipped with this build (the service worker serves it offline). */
export async function fetchShippedCatalogue(): Promise<Catalogue> {
  // The file was validated with the zod schemas at build time; this only guards against a
  // truncated or foreign response, and keeps zod out of the start-up bundle.
  const body = await requestJson(CATALOGUE_URL);
  if (!isCatalogueShaped(body)) throw new Error('catalogue.json is not a catalogue');
  return body;
}

/** Replaces the whole catalogue in one transaction: a device never sees half of two versions. */
export async function installCatalogue(
  catalogue: Catalogue,
  origin: CatalogueOrigin,
  shippedVersion: string,
  database: DichtbijDb = db(),
): Promise<void> {
  const meta: CatalogueMeta = {
    version: catalogue.version,
    origin,
    shippedVersion,
    counts: countsOf(catalogue),
    checksum: await catalogueChecksum(catalogue),
  };
  await database.transaction('rw', [...catalogueTables(database), database.meta], async () => {
    await Promise.all(catalogueTables(database).map((t) => t.clear()));
    await database.fundamenten.bulkPut(catalogue.fundamenten);
    await database.programmes.bulkPut(catalogue.programmes);
    await database.regelingen.bulkPut(catalogue.regelingen);
    await database.organisations.bulkPut(catalogue.organisations);
    await database.wijken.bulkPut(catalogue.wijken);
    await database.indicators.bulkPut(catalogue.indicators);
    await database.meta.put({ key: META_KEY, value: meta });
  });
}

/**
 * Reads the catalogue from the device and checks it is whole and valid. Returns undefined when
 * it is missing or damaged, so the caller rebuilds it from the shipped copy.
 */
export async function readStoredCatalogue(
  database: DichtbijDb = db(),
): Promise<{ catalogue: Catalogue; meta: CatalogueMeta } | undefined> {
  const metaRow = await database.meta.get(META_KEY);
  const meta = metaRow?.value as CatalogueMeta | undefined;
  if (!meta || typeof meta.version !== 'string') return undefined;
  const [fundamenten, programmes, regelingen, organisations, wijken, indicators] =
    await Promise.all(catalogueTables(database).map((t) => t.toArray()));
  const candidate = {
    version: meta.version,
    fundamenten,
    programmes,
    regelingen,
    organisations,
    wijken,
    indicators,
  };
  if (!isCatalogueShaped(candidate) || (await catalogueChecksum(candidate)) !== meta.checksum) {
    log.warn('catalogue.stored-damaged');
    return undefined;
  }
  return { catalogue: candidate, meta };
}

export interface EnsureCatalogueResult {
  catalogue: Catalogue;
  /** False when the device could not store it (private mode, broken storage): it still works for this visit. */
  stored: boolean;
}

/**
 * Makes sure the device holds a whole, valid catalogue: the stored one when it is current, else
 * the shipped one (first start, damaged data, or an app update with a newer catalogue).
 */
export async function ensureCatalogue(
  database: DichtbijDb = db(),
  fetchShipped: () => Promise<Catalogue> = fetchShippedCatalogue,
): Promise<EnsureCatalogueResult> {
  let stored: Awaited<ReturnType<typeof readStoredCatalogue>>;
  try {
    stored = await readStoredCatalogue(database);
  } catch (e) {
    log.warn('catalogue.read-failed', { error: e instanceof Error ? e.name : 'unknown' });
    stored = undefined;
  }

  let shipped: Catalogue | undefined;
  try {
    shipped = await fetchShipped();
  } catch (e) {
    log.warn('catalogue.fetch-failed', { error: e instanceof Error ? e.name : 'unknown' });
    if (stored) return { catalogue: stored.catalogue, stored: true };
    throw e;
  }

  const current =
    stored &&
    (stored.meta.origin === 'shipped'
      ? stored.meta.version === shipped.version
      : stored.meta.shippedVersion === shipped.version);
  if (stored && current) return { catalogue: stored.catalogue, stored: true };

  try {
    await installCatalogue(shipped, 'shipped', shipped.version, database);
    return { catalogue: shipped, stored: true };
  } catch (e) {
    log.error('catalogue.install-failed', { error: e instanceof Error ? e.name : 'unknown' });
    return { catalogue: shipped, stored: false };
  }
}
