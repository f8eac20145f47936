import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body saves less than it costs in CPU on both ends. */
export const API_COMPRESSION_THRESHOLD = 1024;

function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Brotli at its fastest quality or gzip level 1 (see compressApiResponses for why). */
async function pack(body: Buffer, encoding: 'br' | 'gzip'): Promise<Uint8Array<ArrayBuffer>> {
  const packed =
    encoding === 'br'
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 1,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : await gzipAsync(body, { level: 1 });
  return new Uint8Array(packed);
}

/**
 * A JSON answer compressed by the route itself, for the sync routes every device calls all day:
 * the body is serialised once and handed to the Node adapter as bytes, which it writes as they
 * are. The middleware would have to read the answer back out of a web stream first (with
 * Hono's Response; with the requests' streams, about a tenth of the JavaScript time in a CPU
 * profile of the sync bench). Its `Vary` tells the middleware the answer is negotiated already.
 */
export async function negotiatedJson(
  c: Context,
  value: unknown,
  threshold: number = API_COMPRESSION_THRESHOLD,
): Promise<Response> {
  const text = JSON.stringify(value);
  const headers = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  if (!encoding || Buffer.byteLength(text) < threshold) return c.body(text, 200, headers);
  const packed = await pack(Buffer.from(text), encoding);
  return c.body(packed, 200, { ...headers, 'content-encoding': encoding });
}

/**
 * Compresses JSON answers of the API above a size threshold (pulls of a few hundred records,
 * the audit log, the user list). Brotli at its fastest quality (and gzip level 1): on a pull
 * page of 500 records (190 KB) quality 1 took 0.5 ms for 4.6 KB where quality 5 took 6.5 ms
 * for 3.1 KB (2026-11-30, this machine), and the server pays that on every pull while the
 * 1.5 KB saved are nothing on a tablet's link. Small answers go out as they are, with their length.
 */
export function compressApiResponses(
  threshold: number = API_COMPRESSION_THRESHOLD,
): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // Headers first: reading them leaves the answer's body where it is (see negotiatedJson).
    if (c.req.method === 'HEAD' || res.headers.has('content-encoding')) return;
    if (/accept-encoding/i.test(res.headers.get('vary') ?? '')) return;
    if (!res.body) return;
    if (!/^application\/json\b/i.test(res.headers.get('content-type') ?? '')) return;
    // The answer differs by Accept-Encoding from here on, whichever variant this one is.
    res.headers.append('vary', 'Accept-Encoding');
    const encoding = preferredEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const body = Buffer.from(await res.arrayBuffer());
    let out: Uint8Array<ArrayBuffer> = new Uint8Array(body);
    let compressed = false;
    if (body.length >= threshold) {
      out = await pack(body, encoding);
      compressed = true;
    }
    c.res = new Response(out, {
      status: res.status,
      statusText: res.statusText,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
    });
    // Hono copies the old answer's other headers onto the new one; these two are the new body's.
    c.res.headers.set('content-length', String(out.length));
    if (compressed) c.res.headers.set('content-encoding', encoding);
  };
}
