import { join } from 'node:path';
import { build } from 'vite';
import { precompressPlugin } from '../../src/build/precompress';
import { appServer, launchBrowser } from '../e2e/harness';

/**
 * The device benches in Chromium (real IndexedDB, real WebCrypto), not in fake-indexeddb: the
 * page test/bench/device/ is built by Vite as its own entry (never part of the app build) and
 * served by the product server; its functions return the figures.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DEVICE_DIST = join(ROOT, '.tmp', 'bench-device');

type Figures = Record<string, number>;
interface DeviceBench {
  apply(): Promise<Figures>;
  applySteps(): Promise<Figures>;
  filter(): Promise<Figures>;
  saveCheck(): Promise<Figures>;
  toekomst(): Promise<Figures>;
  dayList(): Promise<Figures>;
}

export async function run(): Promise<Figures> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'device'),
    logLevel: 'warn',
    plugins: [precompressPlugin()],
    build: { outDir: DEVICE_DIST, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  const server = await appServer({ DIST_DIR: DEVICE_DIST, SEED_DEMO_DATA: '0' });
  await server.start();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(server.url);
    await page.locator('#state', { hasText: 'ready' }).waitFor();
    const call = (name: keyof DeviceBench) =>
      page.evaluate(
        (n) => (window as unknown as { deviceBench: DeviceBench }).deviceBench[n](),
        name,
      );
    const figures: Figures = {};
    const only = (process.env.DEVICE_BENCH ?? '').split(',').filter(Boolean);
    for (const name of [
      'apply',
      'applySteps',
      'filter',
      'saveCheck',
      'toekomst',
      'dayList',
    ] as const) {
      if (only.length > 0 && !only.includes(name)) continue;
      Object.assign(figures, await call(name));
    }
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}
