import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pingServer } from '../../data/http';
import { serverReach, subscribeServerReach } from '../../data/server-reach';
import { useSyncStatus } from '../../data/sync/use-sync-status';
import { useFormat } from '../i18n/format';
import { useSession } from '../session/use-session';

/** How often to ask the server while the app is visible and nothing else has asked. */
const PING_MS = 30_000;

/**
 * Keeps the reach fresh: asks on start, when the browser says the network changed, when the app
 * is shown again and every half minute while visible. Any other request also updates it.
 */
function usePing(): void {
  useEffect(() => {
    let controller: AbortController | undefined;
    const ping = () => {
      if (document.visibilityState === 'hidden') return;
      controller?.abort();
      controller = new AbortController();
      void pingServer(controller.signal);
    };
    ping();
    const timer = setInterval(() => {
      const last = serverReach().checkedAt;
      if (!last || Date.now() - Date.parse(last) >= PING_MS) ping();
    }, PING_MS);
    window.addEventListener('online', ping);
    window.addEventListener('offline', ping);
    document.addEventListener('visibilitychange', ping);
    return () => {
      clearInterval(timer);
      controller?.abort();
      window.removeEventListener('online', ping);
      window.removeEventListener('offline', ping);
      document.removeEventListener('visibilitychange', ping);
    };
  }, []);
}

/**
 * The header's honest connection state: whether the SERVER answered (not whether the device has
 * wifi) and, for a signed-in worker, when her work last reached it. Offline is normal, not an error.
 */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const status = useSyncStatus();
  const { reach } = useSyncExternalStore(subscribeServerReach, serverReach, serverReach);
  usePing();
  const label =
    reach === 'reachable'
      ? t('status.serverReachable')
      : reach === 'unreachable'
        ? t('status.serverUnreachable')
        : t('status.checking');
  return (
    <span
      className={`status-pill status-${reach}`}
      role="status"
      aria-label={t('status.connection')}
      data-testid="online-status"
    >
      <span aria-hidden="true" className="status-dot" />
      <span>
        {label}
        {session && (
          <span className="status-sub" data-testid="last-sync">
            {status.lastSuccessAt
              ? t('status.lastSync', { time: format.dateTime(status.lastSuccessAt) })
              : t('status.neverSynced')}
          </span>
        )}
      </span>
    </span>
  );
}
