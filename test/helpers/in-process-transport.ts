import { HttpError } from '../../src/data/http';
import type { HttpOptions } from '../../src/data/http';
import type { Transport } from '../../src/data/sync/sync-error';

/** Anything that answers a fetch-style request in process, such as the real server's Hono app. */
interface InProcessApp {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}

/**
 * The device's transport wired to the real server app in the same process (no network), so the
 * sync client's tests run against the server's actual rules. `app` is read at each call, so a
 * test may create it in `beforeAll`. `onCall` sees each call's path and
 * token (e.g. to check which account a push went under).
 */
export function inProcessTransport(
  app: () => InProcessApp,
  onCall?: (path: string, options: HttpOptions) => void,
): Transport {
  return async (path, options) => {
    onCall?.(path, options);
    const res = await app().request(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new HttpError(res.status, body);
    return body;
  };
}
