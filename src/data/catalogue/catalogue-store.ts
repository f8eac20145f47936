import type { Catalogue } from '../../domain/catalogue/schema';
import { catalogueChecksum, isCatalogueShaped } from '../../domain/catalogue/checksum';
import type { Table } from 'dexie';
import type { DichtbijDb } from '../db';
import { db } from '../db';
import { log } from '../log';
import { yieldToBrowser } from '../yield-to-browser';
import { fetchShippedCatalogue } from './shipped-catalogue';

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

/**
 * Records per `bulkPut` while installing: copying them into IndexedDB happens on the main thread,
 * and ~20 catalogue records (~30 KB) keep each piece short on a slow tablet. Each slice continues
 * from the previous one's success event, a new task, inside the same transaction.
 */
const SLICE = 20;

async function putInSlices<T, K>(table: Table<T, K>, records: readonly T[]): Promise<void> {
  for (let i = 0; i < records.length; i += SLICE) await table.bulkPut(records.slice(i, i + SLICE));
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
    checksum: await catalogueChecksum(catalogue, yieldToBrowser),
  };
  await database.transaction('rw', [...catalogueTables(database), database.meta], async () => {
    await Promise.all(catalogueTables(database).map((t) => t.clear()));
    await putInSlices(database.fundamenten, catalogue.fundamenten);
    await putInSlices(database.programmes, catalogue.programmes);
    await putInSlices(database.regelingen, catalogue.regelingen);
    await putInSlices(database.organisations, catalogue.organisations);
    await putInSlices(database.wijken, catalogue.wijken);
    await putInSlices(database.indicators, catalogue.indicators);
    await database.meta.put({ key: META_KEY, value: meta });
  });
}

/** Resolves when the browser has a quiet moment (or after `timeout` ms at the latest). */
function idle(timeout = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/**
 * When the device's copy of the catalogue on screen is checked on a warm start: a few seconds
 * after it, in a quiet moment. Reading and checksumming ~560 KB of records right away would land
 * on the main thread just as the worker starts typing in the search field.
 */
const STORED_CHECK_DELAY_MS = 4000;
function afterStartUp(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, STORED_CHECK_DELAY_MS)).then(() =>
    idle(),
  );
}

async function readMeta(database: DichtbijDb): Promise<CatalogueMeta | undefined> {
  const row = await database.meta.get(META_KEY);
  const meta = row?.value as CatalogueMeta | undefined;
  return meta && typeof meta.version === 'string' ? meta : undefined;
}

/**
 * Reads the catalogue from the device and checks it is whole and valid. Returns undefined when
 * it is missing or damaged, so the caller rebuilds it from the shipped copy.
 */
export async function readStoredCatalogue(
  database: DichtbijDb = db(),
): Promise<{ catalogue: Catalogue; meta: CatalogueMeta } | undefined> {
  const meta = await readMeta(database);
  if (!meta) return undefined;
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
  if (
    !isCatalogueShaped(candidate) ||
    (await catalogueChecksum(candidate, yieldToBrowser)) !== meta.checksum
  ) {
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
 *
 * When the shipped catalogue is the one to show, `showEarly` gets it as soon as it is fetched: the
 * first screen need not wait for the device's copy to be checked or written, which happens in the
 * next quiet moment (the copy is the offline fallback and the place of a published version).
 */
export interface EnsureCatalogueOptions {
  /** Gets the shipped catalogue to show as soon as it is fetched (see above). */
  showEarly?: (catalogue: Catalogue) => void;
  /** Waited for before checking a stored copy that says it is the version already shown. */
  checkStoredLater?: () => Promise<void>;
  /** Writes the shipped catalogue into the device's copy (the app does it in a worker). */
  installShipped?: (catalogue: Catalogue, database: DichtbijDb) => Promise<void>;
}

export async function ensureCatalogue(
  database: DichtbijDb = db(),
  fetchShipped: () => Promise<Catalogue> = fetchShippedCatalogue,
  {
    showEarly,
    checkStoredLater = afterStartUp,
    installShipped = (c, d) => installCatalogue(c, 'shipped', c.version, d),
  }: EnsureCatalogueOptions = {},
): Promise<EnsureCatalogueResult> {
  const [meta, fetched] = await Promise.all([
    readMeta(database).catch(() => undefined),
    fetchShipped().then(
      (catalogue) => ({ catalogue }),
      (error: unknown) => ({ error }),
    ),
  ]);
  const shipped = 'catalogue' in fetched ? fetched.catalogue : undefined;
  // A version a beheerder published is shown instead of the shipped one until a newer app ships.
  const publishedIsCurrent =
    meta?.origin === 'server' && shipped !== undefined && meta.shippedVersion === shipped.version;
  if (shipped && showEarly && !publishedIsCurrent) {
    showEarly(shipped);
    // The usual warm start: the device holds this very version. Its copy is the offline fallback,
    // so checking it is no work for the first screen (a damaged one is still found and rewritten,
    // just later). A first start or an update writes its copy at the first quiet moment.
    const sameVersionStored = meta?.origin === 'shipped' && meta.version === shipped.version;
    await (sameVersionStored ? checkStoredLater() : idle());
  }

  let stored: Awaited<ReturnType<typeof readStoredCatalogue>>;
  try {
    const checkStart = performance.now();
    stored = await readStoredCatalogue(database);
    // Read by `npm run bench` (test/bench/catalogue.ts): reading and checking the device's copy.
    performance.measure('dichtbij:catalogue-stored-check', { start: checkStart });
  } catch (e) {
    log.warn('catalogue.read-failed', { error: e instanceof Error ? e.name : 'unknown' });
    stored = undefined;
  }

  if (!shipped) {
    const error = 'error' in fetched ? fetched.error : undefined;
    log.warn('catalogue.fetch-failed', { error: error instanceof Error ? error.name : 'unknown' });
    if (stored) return { catalogue: stored.catalogue, stored: true };
    throw error;
  }

  const current =
    stored &&
    (stored.meta.origin === 'shipped'
      ? stored.meta.version === shipped.version
      : stored.meta.shippedVersion === shipped.version);
  // The stored shipped copy has the same content (the checksum says so): keep the object already
  // shown, so the screens and the search index are not rebuilt for nothing.
  if (stored && current)
    return {
      catalogue: stored.meta.origin === 'shipped' ? shipped : stored.catalogue,
      stored: true,
    };

  try {
    await installShipped(shipped, database);
    return { catalogue: shipped, stored: true };
  } catch (e) {
    log.error('catalogue.install-failed', { error: e instanceof Error ? e.name : 'unknown' });
    return { catalogue: shipped, stored: false };
  }
}
