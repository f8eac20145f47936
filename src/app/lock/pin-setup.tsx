import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '../../data/crypto/vault';
import { log } from '../../data/log';
import { PinPad } from './pin-pad';

interface PinSetupProps {
  onSetUp: (pin: string) => Promise<unknown>;
  /** Other words for the same steps, e.g. a new PIN after "PIN vergeten?". */
  title?: string;
  intro?: string;
}

/** First use: choose a PIN, type it again, save. Nothing personal is on the device yet. */
export function PinSetup({ onSetUp, title, intro }: PinSetupProps) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [step, setStep] = useState<'choose' | 'repeat'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function next(e: FormEvent) {
    e.preventDefault();
    const problem = pinProblem(first);
    if (problem) {
      setError(t(problem === 'too-short' ? 'lock.tooShort' : 'lock.tooSimple'));
      return;
    }
    setError(null);
    setStep('repeat');
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (second !== first) {
      setError(t('lock.mismatch'));
      setFirst('');
      setSecond('');
      setStep('choose');
      return;
    }
    setBusy(true);
    try {
      await onSetUp(first);
    } catch (err) {
      log.error('vault.setup-failed', { name: err instanceof Error ? err.name : 'unknown' });
      setError(
        t(
          err instanceof Error && err.name === 'StorageFullError'
            ? 'lock.storageFull'
            : 'lock.setupFailed',
        ),
      );
      setBusy(false);
    }
  }

  return (
    <section className="vault-screen" aria-labelledby="pin-setup-title">
      <h1 id="pin-setup-title">{title ?? t('lock.setupTitle')}</h1>
      <p>{intro ?? t('lock.setupIntro')}</p>
      {step === 'choose' ? (
        <form onSubmit={next}>
          <p className="muted">{t('lock.setupRules')}</p>
          <PinPad value={first} onChange={setFirst} label={t('lock.pinLabel')} autoFocus />
          {error && (
            <p role="alert" className="vault-error">
              {error}
            </p>
          )}
          <button type="submit" className="button vault-submit">
            {t('lock.setupNext')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <p>{t('lock.setupRepeat')}</p>
          <PinPad
            value={second}
            onChange={setSecond}
            label={t('lock.pinLabel')}
            disabled={busy}
            autoFocus
          />
          {error && (
            <p role="alert" className="vault-error">
              {error}
            </p>
          )}
          <p className="muted small">{t('lock.setupForget')}</p>
          <div className="vault-actions">
            <button type="submit" className="button" disabled={busy || second.length === 0}>
              {busy ? t('lock.checking') : t('lock.setupSave')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => {
                setFirst('');
                setSecond('');
                setError(null);
                setStep('choose');
              }}
            >
              {t('lock.setupBack')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
