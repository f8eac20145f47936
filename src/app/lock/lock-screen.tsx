import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockOutcome, UnlockState } from '../../data/lock/unlock-attempts';
import { MAX_WRONG_PINS } from '../../data/lock/unlock-attempts';
import { PinPad } from './pin-pad';
import { RecoverPin } from './recover-pin';
import { Button, ButtonLink } from '../components/button';
import { paths } from '../paths';
import { Heading, Paragraph } from '../components/typography';

interface LockScreenProps {
  unlockState: UnlockState | null;
  onUnlock: (pin: string) => Promise<UnlockOutcome>;
}

/** Seconds left until `retryAt`, ticking each second; 0 when the worker may try. */
function useSecondsUntil(retryAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}

/**
 * Shown while locked. It shows nothing about residents: only the PIN pad, how many tries are
 * left, and what happens after 10 wrong PINs.
 */
export function LockScreen({ unlockState, onUnlock }: LockScreenProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const waitSeconds = useSecondsUntil(unlockState?.retryAt ?? null);
  const attemptsLeft = unlockState?.attemptsLeft ?? MAX_WRONG_PINS;
  const failed = unlockState?.failedAttempts ?? 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || waitSeconds > 0 || pin.length === 0) return;
    setBusy(true);
    const result = await onUnlock(pin);
    // Never keep a tried PIN around, right or wrong.
    setPin('');
    setWrong(result.outcome === 'wrong-pin');
    setBusy(false);
  }

  if (recovering) return <RecoverPin onCancel={() => setRecovering(false)} />;

  return (
    <section className="vault-screen" aria-labelledby="lock-title">
      <Heading level={1} id="lock-title">
        {t('lock.lockedTitle')}
      </Heading>
      <Paragraph>{t('lock.lockedIntro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)}>
        <PinPad
          value={pin}
          onChange={setPin}
          label={t('lock.pinLabel')}
          disabled={busy || waitSeconds > 0}
          autoFocus
        />
        <div role="status" aria-live="polite" className="vault-status">
          {busy && <Paragraph>{t('lock.checking')}</Paragraph>}
          {!busy && wrong && <Paragraph className="vault-error">{t('lock.wrongPin')}</Paragraph>}
          {!busy && failed > 0 && (
            <Paragraph>{t('lock.attemptsLeft', { count: attemptsLeft })}</Paragraph>
          )}
          {!busy && waitSeconds > 0 && (
            <Paragraph>{t('lock.wait', { count: waitSeconds })}</Paragraph>
          )}
        </div>
        <Button
          type="submit"
          className="vault-submit"
          disabled={busy || waitSeconds > 0 || pin.length === 0}
        >
          {t('lock.unlock')}
        </Button>
      </form>
      <p className={attemptsLeft === 1 ? 'vault-warning' : 'muted small'}>
        {attemptsLeft === 1 ? t('lock.lastAttempt') : t('lock.strikesWarning')}
      </p>
      <div className="vault-bar vault-bar-centre">
        <Button purpose="secondary" onClick={() => setRecovering(true)}>
          {t('lock.forgotPin')}
        </Button>
        {/* Another worker of a shared tablet opens her own data with her own PIN (issue 16). */}
        <ButtonLink purpose="secondary" to={paths.workers.href()}>
          {t('lock.switchWorker')}
        </ButtonLink>
      </div>
    </section>
  );
}
