import { isIPv4, isIPv6 } from 'node:net';
import type { Context } from 'hono';

/**
 * What @hono/node-server passes as `c.env` (the Node request), reduced to what we read. Absent
 * in `app.request()` calls from tests, which may pass their own.
 */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } };
}

function socketOf(c: Context) {
  // `c.env` is undefined for requests that did not come through a server.
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket;
}

/**
 * Whether the browser reached us over TLS: a TLS socket, or (only when TRUST_PROXY says a
 * proxy in front terminates TLS) `X-Forwarded-Proto: https`. Without TRUST_PROXY the header is
 * ignored, because any client can send it.
 */
export function overTls(c: Context, trustProxy: boolean): boolean {
  if (socketOf(c)?.encrypted === true) return true;
  if (!trustProxy) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Expands an IPv6 address to its eight groups, so equal prefixes compare equal. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) =>
    (g || '0').toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/**
 * The address a rate limit counts against. IPv4 as is; IPv6 by its /64, because one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressKey(raw: string): string {
  const address = raw.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address))
    return `${ipv6Groups(address.split('%')[0] ?? '')
      .slice(0, 4)
      .join(':')}::/64`;
  return 'unknown';
}

/**
 * The client's address: the socket's peer, or behind a trusted proxy the last address in
 * X-Forwarded-For (the one our proxy added; earlier entries are whatever the client claimed).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return addressKey(forwarded);
  }
  const remote = socketOf(c)?.remoteAddress;
  return remote ? addressKey(remote) : 'unknown';
}
