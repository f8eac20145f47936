import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import type { ChunkInfo } from '../../src/build/chunk-map-plugin';
import { CHUNK_MAP_FILE } from '../../src/build/chunk-map-plugin';

/**
 * The chunks a start loads before the app's first render: the entry and its static imports, and
 * the chunks the entry itself imports (src/app/boot.ts imports the app and the start page once
 * the static shell is painted) with theirs. For an entry without dynamic imports (the floor app)
 * that is the entry and its static imports.
 */
export function entryChunks(distDir: string): string[] {
  const map = JSON.parse(readFileSync(join(distDir, CHUNK_MAP_FILE), 'utf8')) as Record<
    string,
    ChunkInfo
  >;
  const entry = Object.keys(map).find((file) => map[file]?.isEntry);
  if (!entry) throw new Error(`no entry chunk in ${CHUNK_MAP_FILE}`);
  const seen = new Set<string>();
  const stack = [entry, ...(map[entry]?.dynamicImports ?? [])];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(map[file]?.imports ?? []));
  }
  return [...seen];
}

/** Bytes on the wire for those chunks: the build's .br/.gz copies as the server sends them. */
export function entryBytes(distDir: string): {
  files: number;
  raw: number;
  gzip: number;
  br: number;
} {
  return wireBytes(distDir, entryChunks(distDir));
}

function wireBytes(
  distDir: string,
  files: string[],
): { files: number; raw: number; gzip: number; br: number } {
  let raw = 0;
  let gzip = 0;
  let br = 0;
  for (const file of files) {
    const path = join(distDir, file);
    const body = readFileSync(path);
    raw += body.length;
    gzip += existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : gzipSync(body).length;
    br += existsSync(`${path}.br`) ? statSync(`${path}.br`).size : brotliCompressSync(body).length;
  }
  return { files: files.length, raw, gzip, br };
}

/**
 * The stylesheets index.html links: the browser blocks the first paint on them, so they count
 * for start-up as much as the entry JavaScript does. Lazy routes' CSS loads with their chunks.
 */
export function entryStylesheets(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => {
    const href = /\bhref="\/?([^"]+)"/.exec(m[0])?.[1];
    if (!href) throw new Error(`a stylesheet link without href in index.html: ${m[0]}`);
    return href;
  });
}

/** Bytes on the wire for the entry stylesheets, measured as entryBytes measures the JavaScript. */
export function entryCssBytes(distDir: string): {
  files: number;
  raw: number;
  gzip: number;
  br: number;
} {
  return wireBytes(distDir, entryStylesheets(distDir));
}
