import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { appServer } from '../e2e/harness';
import { FLOOR_DIST, buildFloor } from './startup';
import { summarise } from './stats';

/**
 * Lighthouse's mobile performance score (its default: simulated slow 4G and 4× CPU), for the app's
 * start page cold and for the floor app with the same libraries, alternately in the same run. The
 * score depends on this machine's speed and load (the simulation scales the tasks it observes), so
 * the floor is the figure to read it against.
 */
const HERE = join(import.meta.dirname, 'lighthouse');
const CLI = join(HERE, 'node_modules', 'lighthouse', 'cli', 'index.js');
const ROUNDS = 3;

const reportSchema = z.object({
  categories: z.object({ performance: z.object({ score: z.number() }) }),
  audits: z.record(z.string(), z.object({ numericValue: z.number().optional() })),
});

interface LighthouseFigures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  speedIndex: number;
}

function ensureInstalled(): void {
  if (existsSync(CLI)) return;
  // Pinned by its own lock: Lighthouse 13 wants Node 22 (see the env notes).
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: HERE, stdio: 'inherit' });
}

function lighthouse(url: string): LighthouseFigures {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-lh-'));
  const out = join(dir, 'report.json');
  try {
    execFileSync(
      process.execPath,
      [
        CLI,
        url,
        '--chrome-path=/usr/bin/chromium',
        '--chrome-flags=--headless=new --no-sandbox',
        '--only-categories=performance',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const report = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round(report.categories.performance.score * 100),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      speedIndex: value('speed-index'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number>> {
  ensureInstalled();
  await buildFloor();
  const app = await appServer();
  const floor = await appServer({ DIST_DIR: FLOOR_DIST, SEED_DEMO_DATA: '0' });
  await app.start();
  await floor.start();
  const appRuns: LighthouseFigures[] = [];
  const floorRuns: LighthouseFigures[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      appRuns.push(lighthouse(`${app.url}/`));
      floorRuns.push(lighthouse(`${floor.url}/`));
    }
  } finally {
    await app.stop();
    await floor.stop();
  }
  const median = (runs: LighthouseFigures[], key: keyof LighthouseFigures) =>
    Math.round(summarise(runs.map((r) => r[key])).median);
  return {
    rounds: ROUNDS,
    mobile_performance_app_median: median(appRuns, 'score'),
    mobile_performance_floor_median: median(floorRuns, 'score'),
    fcp_app_median_ms: median(appRuns, 'fcp'),
    fcp_floor_median_ms: median(floorRuns, 'fcp'),
    lcp_app_median_ms: median(appRuns, 'lcp'),
    lcp_floor_median_ms: median(floorRuns, 'lcp'),
    tbt_app_median_ms: median(appRuns, 'tbt'),
    tbt_floor_median_ms: median(floorRuns, 'tbt'),
    speed_index_app_median_ms: median(appRuns, 'speedIndex'),
    speed_index_floor_median_ms: median(floorRuns, 'speedIndex'),
  };
}
