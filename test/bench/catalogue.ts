import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCatalogueFromDir } from '../../src/build/catalogue-files';
import { createRegelingSearch } from '../../src/domain/search/regeling-search';
import { createPlaceSearch } from '../../src/domain/search/place-search';
import type { Page } from 'playwright-core';
import { appServer, launchBrowser } from '../e2e/harness';
import { summarise } from './stats';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
}

/** The JavaScript a first visit must load before anything shows: the entry and its static imports. */
function bundleFigures(): Record<string, number> {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in dist/.vite/manifest.json');
  const collect = (key: string, seen: Set<string>) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) collect(dep, seen);
  };
  const initial = new Set<string>();
  collect(entryKey, initial);
  const startPageKey = Object.keys(manifest).find((k) => k === 'src/app/routes/start-page.tsx');
  const startRoute = new Set(initial);
  if (startPageKey) collect(startPageKey, startRoute);
  const sum = (keys: Set<string>) =>
    [...keys].reduce(
      (kb, k) => kb + (manifest[k]?.file.endsWith('.js') ? gzipKb(manifest[k].file) : 0),
      0,
    );
  const allJs = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
  return {
    initial_js_gzip_kb: Math.round(sum(initial) * 10) / 10,
    start_route_js_gzip_kb: Math.round(sum(startRoute) * 10) / 10,
    all_js_gzip_kb: Math.round(allJs.reduce((kb, c) => kb + gzipKb(c.file), 0) * 10) / 10,
    catalogue_json_gzip_kb: Math.round(gzipKb('catalogue.json') * 10) / 10,
  };
}

function typo(word: string, i: number): string {
  if (word.length < 5) return word;
  const at = 1 + (i % (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

function searchFigures(): Record<string, number> {
  const catalogue = loadCatalogueFromDir();
  const buildStart = performance.now();
  const search = createRegelingSearch(catalogue.regelingen, catalogue.wijken);
  const buildMs = performance.now() - buildStart;
  const words = catalogue.regelingen.flatMap((r, i) => [
    r.name,
    r.name.slice(0, 4),
    typo(r.name.toLowerCase(), i),
    ...r.keywords.slice(0, 2),
  ]);
  const queries = [
    ...words,
    'tandarts',
    'schulden',
    'huur',
    'kinderen sport',
    'energie',
    'zorgverzekering',
  ];
  for (const q of queries) search.search(q); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const start = performance.now();
      search.search(q, round % 2 === 0 ? {} : { fundament: 'inkomen' });
      samples.push(performance.now() - start);
    }
  }
  const s = summarise(samples);
  return {
    ...placeSearchFigures(catalogue),
    regelingen: catalogue.regelingen.length,
    search_queries: samples.length,
    search_median_ms: s.median,
    search_p95_ms: s.p95,
    search_max_ms: s.max,
    search_index_build_ms: Math.round(buildMs * 100) / 100,
  };
}

/** The sociale kaart's search over the directory: what it helps with, wijk names, languages. */
function placeSearchFigures(
  catalogue: ReturnType<typeof loadCatalogueFromDir>,
): Record<string, number> {
  const buildStart = performance.now();
  const search = createPlaceSearch(catalogue.organisations, catalogue.wijken);
  const buildMs = performance.now() - buildStart;
  const entries = catalogue.organisations.filter((o) => o.directory);
  const queries = [
    ...entries.flatMap((o, i) => [o.name.slice(0, 5), typo(o.name.toLowerCase(), i)]),
    'arabisch',
    'inloop',
    'Wielwijk',
    'schulden',
    'taalcafe',
    'werk',
    'digid',
  ];
  for (const q of queries) search.search(q); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const start = performance.now();
      search.search(q, round % 2 === 0 ? {} : { wijk: 'crabbehof' });
      samples.push(performance.now() - start);
    }
  }
  const s = summarise(samples);
  return {
    directory_entries: entries.length,
    place_search_queries: samples.length,
    place_search_median_ms: s.median,
    place_search_p95_ms: s.p95,
    place_search_index_build_ms: Math.round(buildMs * 100) / 100,
  };
}

/** Catalogue import on first start (empty IndexedDB) and read on a later start, in Chromium. */
async function loadFigures(): Promise<Record<string, number>> {
  const server = await appServer();
  await server.start();
  const browser = await launchBrowser();
  const first: number[] = [];
  const firstShown: number[] = [];
  const later: number[] = [];
  const laterShown: number[] = [];
  const readMeasure = async (page: Page, name = 'dichtbij:catalogue-load') =>
    page.evaluate(async (measure) => {
      // Up to 15 s: on a later start the device's copy is checked a few seconds after the start.
      for (let i = 0; i < 600; i++) {
        const entry = performance.getEntriesByName(measure).at(-1);
        if (entry) return entry.duration;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('catalogue did not load');
    }, name);
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      first.push(await readMeasure(page));
      firstShown.push(await readMeasure(page, 'dichtbij:catalogue-shown'));
      await page.reload();
      laterShown.push(await readMeasure(page, 'dichtbij:catalogue-shown'));
      later.push(await readMeasure(page, 'dichtbij:catalogue-stored-check'));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return {
    catalogue_first_load_median_ms: summarise(first).median,
    catalogue_first_load_max_ms: summarise(first).max,
    // The start page shows the fetched catalogue before the device's copy is written.
    catalogue_first_shown_median_ms: summarise(firstShown).median,
    // A later start shows the shipped copy at once and checks the device's copy of the same
    // version a few seconds afterwards (catalogue-store.ts): the time of that check itself.
    catalogue_later_shown_median_ms: summarise(laterShown).median,
    catalogue_stored_check_median_ms: summarise(later).median,
  };
}

export async function run(): Promise<Record<string, number>> {
  return { ...bundleFigures(), ...searchFigures(), ...(await loadFigures()) };
}
