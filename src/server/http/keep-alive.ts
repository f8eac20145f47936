import type { Server } from 'node:http';

/**
 * Node closes an idle kept-alive connection after 5 s by default. A client that sends its next
 * request on it just then gets "other side closed" (seen as sync errors under load, when
 * devices wait a few seconds between pushes). Idle connections are kept longer than clients
 * and proxies keep theirs, so the client, not the server, is the one that closes them.
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>) {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or a slow first request on a reused socket is cut off.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
