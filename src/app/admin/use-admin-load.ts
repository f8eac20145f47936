import { useCallback, useEffect, useRef, useState } from 'react';
import { useOnline } from '../components/online-status';

export type AdminLoad<T> =
  | { status: 'loading' }
  | { status: 'offline' }
  | { status: 'ready'; data: T; key: string }
  | { status: 'failed'; error: unknown };

/**
 * Loads what an admin screen shows from the server, again when `key` changes or the connection
 * returns. Admin data is never stored on the device, so offline there is simply nothing to show.
 */
export function useAdminLoad<T>(
  key: string,
  load: () => Promise<T>,
): { state: AdminLoad<T>; reload: () => void } {
  const online = useOnline();
  const [state, setState] = useState<AdminLoad<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest loader, so a new closure on every render does not start a new request.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!online) {
      // What was read while online stays on screen; actions are disabled by the page.
      setState((current) =>
        current.status === 'ready' && current.key === key ? current : { status: 'offline' },
      );
      return undefined;
    }
    let cancelled = false;
    // A reload after an action keeps the table in place; a new filter starts afresh.
    setState((current) =>
      current.status === 'ready' && current.key === key ? current : { status: 'loading' },
    );
    loadRef.current().then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data, key });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, online, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
