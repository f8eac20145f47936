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

async function send(c: Context, file: string, path: string): Promise<Response> {
  const body = await readFile(file);
  return c.body(body, 200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControl(path),
  });
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
