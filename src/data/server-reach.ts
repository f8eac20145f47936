/**
 * Whether the sync server answered the last time the app asked, and when. `navigator.onLine` says
 * "online" when the wifi is up and the server is down; this says what the worker needs to know:
 * will my work reach the server now? Every request through http.ts reports here, and a light ping
 * to /api/health keeps it fresh while nothing else talks to the server.
 */
export type Reach = 'unknown' | 'reachable' | 'unreachable';

export interface ServerReach {
  reach: Reach;
  /** When the server last answered (any status), ISO time; null when never in this visit. */
  lastContactAt: string | null;
  /** When the app last asked, whatever came back. */
  checkedAt: string | null;
}

let state: ServerReach = { reach: 'unknown', lastContactAt: null, checkedAt: null };
const listeners = new Set<() => void>();

export function serverReach(): ServerReach {
  return state;
}

export function subscribeServerReach(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by http.ts after every request: `answered` is false when no server replied. */
export function reportServerReach(answered: boolean, now: Date = new Date()): void {
  const at = now.toISOString();
  const next: ServerReach = answered
    ? { reach: 'reachable', lastContactAt: at, checkedAt: at }
    : { reach: 'unreachable', lastContactAt: state.lastContactAt, checkedAt: at };
  state = next;
  for (const listener of listeners) listener();
}

/** For tests: forget what was seen. */
export function resetServerReach(): void {
  state = { reach: 'unknown', lastContactAt: null, checkedAt: null };
  for (const listener of listeners) listener();
}
