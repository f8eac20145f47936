import type { ReactNode } from 'react';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { loadIdleMinutes, startAutoLock } from '../../data/lock/auto-lock';
import { LockScreen } from './lock-screen';
import { PinSetup } from './pin-setup';
import { useVault } from './use-vault';
import { WipeNotice } from './wipe-notice';
import './lock.css';
import { Paragraph } from '../components/typography';

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

function usePageHidden(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === 'hidden',
    () => false,
  );
}

/** Runs the idle and hidden-page lock while the vault is unlocked, with the device's idle setting. */
function useAutoLock(active: boolean, idleMs: number | undefined): void {
  useEffect(() => {
    if (!active) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void (
      idleMs !== undefined ? Promise.resolve(idleMs) : loadIdleMinutes().then((m) => m * 60_000)
    ).then((ms) => {
      if (!cancelled) stop = startAutoLock({ idleMs: ms });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [active, idleMs]);
}

interface VaultGateProps {
  children: ReactNode;
  /** The sync client's push of the outbox (resolves true when all was sent). */
  pushPending?: () => Promise<boolean>;
  /** Overrides the idle time from the device setting (e.g. a short one in end-to-end tests). */
  idleMs?: number;
  /** Shown above the pages while unlocked (the "Volgende bewoner" lock). */
  unlockedBar?: ReactNode;
}

/**
 * Wraps the routes with personal data. Children render only while the vault is unlocked: on
 * lock they unmount, so decrypted data leaves React state and the DOM (forms keep their input
 * through drafts). When the page is hidden an opaque cover goes over everything, so the app
 * switcher snapshot shows no resident where the platform takes it after this event.
 */
export function VaultGate({ children, pushPending, idleMs, unlockedBar }: VaultGateProps) {
  const { t } = useTranslation();
  const vault = useVault(pushPending ? { pushPending } : {});
  const hidden = usePageHidden();
  useAutoLock(vault.status === 'unlocked', idleMs);

  let content: ReactNode;
  if (vault.wiped) {
    content = <WipeNotice wiped={vault.wiped} onContinue={vault.acknowledgeWipe} />;
  } else if (vault.status === 'unknown') {
    content = (
      <Paragraph role="status" className="muted">
        {t('lock.loading')}
      </Paragraph>
    );
  } else if (vault.status === 'no-pin') {
    content = <PinSetup onSetUp={vault.setUp} />;
  } else if (vault.status === 'locked') {
    content = <LockScreen unlockState={vault.unlockState} onUnlock={vault.unlock} />;
  } else {
    content = (
      <>
        {unlockedBar}
        {children}
      </>
    );
  }

  return (
    <>
      <div className="vault-content" data-vault={vault.status}>
        {content}
      </div>
      {hidden && (
        <div className="vault-privacy-cover" aria-hidden="true">
          <span>{t('lock.hiddenCover')}</span>
        </div>
      )}
    </>
  );
}
