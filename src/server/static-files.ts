import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Cache rules that keep a PWA updatable: the service worker and index.html are always
 * revalidated (else a device could be stuck on an old version), hashed assets never change.
 */
function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(full);
    return info.isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}

/** Files the build compressed (see src/build/precompress.ts); the same list as there. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
]);

/** The encodings the client accepts, by its Accept-Encoding header (q=0 refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  return accepted;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Sends the build's brotli or gzip copy when the client takes it (brotli first: smaller), else the
 * file itself. Caches must keep the variants apart, hence `Vary: Accept-Encoding` on every
 * compressible file, whichever variant this answer is.
 */
async function send(c: Context, file: string, path: string): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControl(path),
  };
  let chosen = file;
  if (COMPRESSIBLE.has(extname(file))) {
    headers['vary'] = 'Accept-Encoding';
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (accepted.has(encoding) && (await isFile(file + suffix))) {
        chosen = file + suffix;
        headers['content-encoding'] = encoding;
        break;
      }
    }
  }
  const body = await readFile(chosen);
  headers['content-length'] = String(body.length);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(body, 200, headers);
}

/** Serves the built app from `dir`, falling back to index.html for app routes (not for /api). */
export function staticHandler(dir: string) {
  const root = resolve(dir);
  return async (c: Context): Promise<Response> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('Method not allowed', 405);
    const path = c.req.path;
    const file = await fileAt(root, path === '/' ? '/index.html' : path);
    if (file) return send(c, file, path === '/' ? '/index.html' : path);
    // A missing asset is a 404; anything else is a route of the single-page app.
    if (extname(path) !== '' && !path.endsWith('.html')) return c.text('Not found', 404);
    const index = await fileAt(root, '/index.html');
    if (!index) return c.text('The app is not built yet: run npm run build.', 503);
    return send(c, index, '/index.html');
  };
}
