import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing; images (png) are compressed already. */
export const PRECOMPRESSED_EXTENSIONS = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
]);

/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 512;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    // .vite/ holds build metadata (manifest, chunk map) that is never served to devices.
    if (entry.isDirectory() && !entry.name.startsWith('.')) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

export interface PrecompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/**
 * Writes `file.br` (brotli, best quality) and `file.gz` (gzip -9) next to every text file in `dir`,
 * once at build time, so the server sends compressed bytes without compressing per request.
 * A copy that would not be smaller is not written; the server then sends the file as it is.
 */
export async function precompressDir(dir: string): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const file of files(dir)) {
    if (!PRECOMPRESSED_EXTENSIONS.has(extname(file))) continue;
    const size = (await stat(file)).size;
    if (size < MIN_BYTES) continue;
    jobs.push(
      (async () => {
        const body = await readFile(file);
        const [br, gz] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
          gzipAsync(body, { level: 9 }),
        ]);
        report.files++;
        report.bytes += body.length;
        if (br.length < body.length) {
          await writeFile(`${file}.br`, br);
          report.brotliBytes += br.length;
        }
        if (gz.length < body.length) {
          await writeFile(`${file}.gz`, gz);
          report.gzipBytes += gz.length;
        }
      })(),
    );
  }
  await Promise.all(jobs);
  return report;
}

/**
 * Runs after every other build step (the service worker is written in closeBundle too), so
 * sw.js and the workbox runtime get compressed copies as well. The precache manifest lists
 * only the original names: the browser decodes what the server sends before Workbox sees it.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dichtbij:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const report = await precompressDir(outDir);
        this.info(
          `precompressed ${report.files} files: ${report.bytes} → brotli ${report.brotliBytes}, gzip ${report.gzipBytes} bytes`,
        );
      },
    },
  };
}
