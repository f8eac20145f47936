import { reportServerReach } from './server-reach';

/**
 * The app's one door to the network. Every request is same-origin (no request may leave the
 * deployment), and a failure to connect becomes an OfflineError the caller can show calmly.
 */
export class OfflineError extends Error {
  readonly reason = 'offline';
  constructor() {
    super('No connection to the server');
    this.name = 'OfflineError';
  }
}

export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super(`Server answered ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.body = body;
  }
}

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file's text), instead of `body` as JSON; with its content type. */
  text?: { content: string; type: string };
  token?: string;
  signal?: AbortSignal;
  cache?: RequestCache;
}

/**
 * Only the API speaks for the server: the service worker never serves /api/ (vite.config.ts), but
 * it does answer app files such as /catalogue.json from its cache while the server is gone.
 */
function speaksForServer(path: string): boolean {
  return path.startsWith('/api/');
}

function assertSameOrigin(path: string): void {
  if (!path.startsWith('/')) throw new Error(`Only same-origin paths may be requested: ${path}`);
}

/** Sends JSON and parses JSON; throws OfflineError when the server cannot be reached. */
export async function requestJson(path: string, options: HttpOptions = {}): Promise<unknown> {
  assertSameOrigin(path);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.text) headers['content-type'] = options.text.type;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.text
    ? options.text.content
    : options.body === undefined
      ? undefined
      : JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
      cache: options.cache,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    if (speaksForServer(path)) reportServerReach(false);
    throw new OfflineError();
  }
  // A gateway's 502/503/504 means the sync server itself did not answer.
  if (speaksForServer(path)) reportServerReach(![502, 503, 504].includes(response.status));
  const text = await response.text();
  let answer: unknown = null;
  if (text.length > 0) {
    try {
      answer = JSON.parse(text);
    } catch {
      answer = text;
    }
  }
  if (!response.ok) throw new HttpError(response.status, answer);
  return answer;
}

/** Asks the server whether it is there; the answer lands in server-reach.ts. Never throws. */
export async function pingServer(signal?: AbortSignal): Promise<boolean> {
  try {
    await requestJson('/api/health', { cache: 'no-store', ...(signal ? { signal } : {}) });
    return true;
  } catch {
    return false;
  }
}
