import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** Tells the worker whether the device has a connection; offline is normal, not an error. */
export function OnlineStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <span
      className={`status-pill ${online ? 'status-online' : 'status-offline'}`}
      role="status"
      data-testid="online-status"
    >
      <span aria-hidden="true" className="status-dot" />
      {online ? t('status.online') : t('status.offline')}
    </span>
  );
}
