import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { precompressPlugin } from '../../src/build/precompress';
import { chunkMapPlugin } from '../../src/build/chunk-map-plugin';
import { appServer, launchBrowser, waitForServiceWorker, type AppServer } from '../e2e/harness';
import { throttleCpu } from './browser';
import { entryBytes, entryCssBytes } from './entry-bytes';
import { summarise } from './stats';

/**
 * Start-up in Chromium at 4× CPU throttle. The app's cold first contentful paint is compared
 * with a floor app (React, react-router, i18next, Dexie and one heading) built by the same Vite
 * and served by the same server, measured alternately in the same run; then a warm start from
 * the service worker to a search field that takes a keystroke.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
export const FLOOR_DIST = join(ROOT, '.tmp', 'bench-floor');
const COLD_ROUNDS = 7;
/**
 * What the first paint loaded before the UI moved onto NL Design System components and the
 * Dordrecht token theme, measured with entryBytes/entryCssBytes on a build of main at 8b4b729
 * (2026-11-30). A recorded constant, not a rebuild of the old commit: the bench builds one tree.
 */
export const BEFORE_NL_DESIGN_SYSTEM = {
  commit: '8b4b7292299e9271623d8be37821f24cd8ebfdd1',
  entry_js_gzip_bytes: 166_198,
  entry_js_brotli_bytes: 146_139,
  entry_css_gzip_bytes: 2_211,
  entry_css_brotli_bytes: 1_910,
} as const;
const WARM_ROUNDS = 7;

/** The floor app: the same libraries and one heading, built by the same Vite and plugins. */
export async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'floor'),
    logLevel: 'warn',
    plugins: [react(), chunkMapPlugin(), precompressPlugin()],
    build: {
      outDir: FLOOR_DIST,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      manifest: true,
    },
  });
}

/** Paint and main-thread figures, collected from the first byte of the document on. */
const OBSERVE = () => {
  const w = window as unknown as { __bench: Record<string, unknown> };
  const state = {
    lcp: 0,
    longTasks: [] as [number, number][],
    searchShown: 0,
    firstInput: 0,
    tiles: 0,
  };
  w.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'input',
    () => {
      if (!state.firstInput) state.firstInput = performance.now();
    },
    true,
  );
  const look = new MutationObserver(() => {
    if (document.querySelector('input[type="search"]')) {
      state.searchShown = performance.now();
      look.disconnect();
    }
  });
  look.observe(document, { childList: true, subtree: true });
  // index.html paints the start page's tiles too: the app's own are there once its start shell
  // (.start-shell-only) is gone.
  const app = new MutationObserver(() => {
    if (document.querySelector('.tiles') && !document.querySelector('.start-shell-only')) {
      state.tiles = performance.now();
      app.disconnect();
    }
  });
  app.observe(document, { childList: true, subtree: true });
};

interface PaintFigures {
  fcp: number;
  lcp: number;
  tbt: number;
}

async function paintFigures(page: Page): Promise<PaintFigures> {
  const fcp = await page.evaluate(async () => {
    for (;;) {
      const entry = performance.getEntriesByName('first-contentful-paint')[0];
      if (entry) return entry.startTime;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  // Let the page settle (catalogue import, route chunks) before reading LCP and long tasks.
  await page.waitForTimeout(2500);
  return page.evaluate((fcpAt) => {
    const state = (
      window as unknown as {
        __bench: { lcp: number; longTasks: [number, number][] };
      }
    ).__bench;
    // Total blocking time as Lighthouse defines it: the part of each long task past 50 ms,
    // counted from the first contentful paint on.
    const tbt = state.longTasks
      .filter(([start]) => start >= fcpAt)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { fcp: fcpAt, lcp: state.lcp, tbt };
  }, fcp);
}

async function coldLoad(browser: Browser, url: string): Promise<PaintFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await throttleCpu(page);
    await page.goto(url, { waitUntil: 'commit' });
    return await paintFigures(page);
  } finally {
    await context.close();
  }
}

interface WarmFigures {
  shown: number[];
  input: number[];
  /** The app's own start page drawn (its tiles), the field handed over to it. */
  appStartPage: number[];
  /** Rounds where the key typed before the app took over was not in the app's field. */
  lostKeys: number;
  phases: { firstPaint: number[]; mainStart: number[]; languageReady: number[] };
}

/** A worker opening the installed app again: everything from the service worker's cache. */
async function warmStarts(browser: Browser, server: AppServer): Promise<WarmFigures> {
  const context = await browser.newContext();
  const shown: number[] = [];
  const input: number[] = [];
  const appStartPage: number[] = [];
  let lostKeys = 0;
  const phases: WarmFigures['phases'] = { firstPaint: [], mainStart: [], languageReady: [] };
  try {
    const first = await context.newPage();
    await first.goto(server.url);
    await waitForServiceWorker(first);
    await first.locator('input[type="search"]').waitFor();
    await first.close();
    for (let i = 0; i < WARM_ROUNDS; i++) {
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      await throttleCpu(page);
      await page.goto(server.url, { waitUntil: 'commit' });
      const field = page.locator('input[type="search"]').first();
      await field.pressSequentially('h');
      // The field may be index.html's (painted before any script): the key must survive the
      // app taking over, or the figure above would flatter a field that loses what is typed.
      await page.locator('.start-shell-only').waitFor({ state: 'detached' });
      await page.locator('.tiles').waitFor();
      const tilesAt = await page.evaluate(
        () => (window as unknown as { __bench: { tiles: number } }).__bench.tiles,
      );
      if ((await field.inputValue()) !== 'h') lostKeys += 1;
      const figures = await page.evaluate(() => {
        const state = (
          window as unknown as { __bench: { searchShown: number; firstInput: number } }
        ).__bench;
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const [firstPaint, mainStart, languageReady] = [
          'first-paint',
          'dichtbij:main-start',
          'dichtbij:language-ready',
        ].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
        return {
          // A field in the HTML is found while it is parsed: it is shown at the first paint.
          shown: Math.max(state.searchShown, firstPaint ?? NaN),
          input: state.firstInput,
          // Where the time goes (src/app/main.tsx marks them): the shell painted from the
          // service worker's copy, the entry modules evaluated, the worker and language read.
          firstPaint: firstPaint ?? NaN,
          mainStart: mainStart ?? NaN,
          languageReady: languageReady ?? NaN,
        };
      });
      shown.push(figures.shown);
      input.push(figures.input);
      appStartPage.push(tilesAt);
      phases.firstPaint.push(figures.firstPaint);
      phases.mainStart.push(figures.mainStart);
      phases.languageReady.push(figures.languageReady);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { shown, input, appStartPage, lostKeys, phases };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, number | string>> {
  await buildFloor();
  const app = await appServer();
  const floor = await appServer({ DIST_DIR: FLOOR_DIST, SEED_DEMO_DATA: '0' });
  await app.start();
  await floor.start();
  const browser = await launchBrowser();
  const appRuns: PaintFigures[] = [];
  const floorRuns: PaintFigures[] = [];
  let warm: WarmFigures;
  try {
    // One unmeasured load each, so neither side pays for the server's first file reads.
    await coldLoad(browser, app.url);
    await coldLoad(browser, floor.url);
    for (let i = 0; i < COLD_ROUNDS; i++) {
      appRuns.push(await coldLoad(browser, app.url));
      floorRuns.push(await coldLoad(browser, floor.url));
    }
    warm = await warmStarts(browser, app);
  } finally {
    await browser.close();
    await app.stop();
    await floor.stop();
  }
  const median = (runs: PaintFigures[], key: keyof PaintFigures) =>
    round1(summarise(runs.map((r) => r[key])).median);
  const appFcp = median(appRuns, 'fcp');
  const floorFcp = median(floorRuns, 'fcp');
  const appBytes = entryBytes(DIST);
  const floorBytes = entryBytes(FLOOR_DIST);
  const appCss = entryCssBytes(DIST);
  const before = BEFORE_NL_DESIGN_SYSTEM;
  return {
    cpu_throttle: 4,
    cold_rounds: COLD_ROUNDS,
    cold_fcp_app_median_ms: appFcp,
    cold_fcp_floor_median_ms: floorFcp,
    cold_fcp_ratio: Math.round((appFcp / floorFcp) * 100) / 100,
    cold_lcp_app_median_ms: median(appRuns, 'lcp'),
    cold_lcp_floor_median_ms: median(floorRuns, 'lcp'),
    cold_tbt_app_median_ms: median(appRuns, 'tbt'),
    cold_tbt_floor_median_ms: median(floorRuns, 'tbt'),
    warm_search_field_shown_median_ms: round1(summarise(warm.shown).median),
    warm_search_field_shown_max_ms: round1(summarise(warm.shown).max),
    warm_search_field_input_median_ms: round1(summarise(warm.input).median),
    warm_search_field_input_max_ms: round1(summarise(warm.input).max),
    warm_app_start_page_median_ms: round1(summarise(warm.appStartPage).median),
    warm_keys_lost_in_handover: warm.lostKeys,
    warm_first_paint_median_ms: round1(summarise(warm.phases.firstPaint).median),
    warm_app_code_running_median_ms: round1(summarise(warm.phases.mainStart).median),
    warm_language_read_median_ms: round1(summarise(warm.phases.languageReady).median),
    entry_js_files: appBytes.files,
    entry_js_raw_bytes: appBytes.raw,
    entry_js_gzip_bytes: appBytes.gzip,
    entry_js_brotli_bytes: appBytes.br,
    floor_entry_js_gzip_bytes: floorBytes.gzip,
    floor_entry_js_brotli_bytes: floorBytes.br,
    entry_css_files: appCss.files,
    entry_css_gzip_bytes: appCss.gzip,
    entry_css_brotli_bytes: appCss.br,
    before_nlds_commit: before.commit.slice(0, 7),
    before_nlds_entry_js_gzip_bytes: before.entry_js_gzip_bytes,
    before_nlds_entry_css_gzip_bytes: before.entry_css_gzip_bytes,
    entry_js_gzip_change_since_nlds_bytes: appBytes.gzip - before.entry_js_gzip_bytes,
    entry_css_gzip_change_since_nlds_bytes: appCss.gzip - before.entry_css_gzip_bytes,
  };
}
