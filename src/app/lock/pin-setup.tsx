import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '../../data/crypto/vault';
import { log } from '../../data/log';
import { PinPad } from './pin-pad';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';

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
      <Heading level={1} id="pin-setup-title">
        {title ?? t('lock.setupTitle')}
      </Heading>
      <Paragraph>{intro ?? t('lock.setupIntro')}</Paragraph>
      {step === 'choose' ? (
        <form onSubmit={next}>
          <Paragraph className="muted">{t('lock.setupRules')}</Paragraph>
          <PinPad value={first} onChange={setFirst} label={t('lock.pinLabel')} autoFocus />
          {error && (
            <Paragraph role="alert" className="vault-error">
              {error}
            </Paragraph>
          )}
          <Button type="submit" className="vault-submit">
            {t('lock.setupNext')}
          </Button>
        </form>
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <Paragraph>{t('lock.setupRepeat')}</Paragraph>
          <PinPad
            value={second}
            onChange={setSecond}
            label={t('lock.pinLabel')}
            disabled={busy}
            autoFocus
          />
          {error && (
            <Paragraph role="alert" className="vault-error">
              {error}
            </Paragraph>
          )}
          <Paragraph className="muted small">{t('lock.setupForget')}</Paragraph>
          <div className="vault-actions">
            <Button type="submit" disabled={busy || second.length === 0}>
              {busy ? t('lock.checking') : t('lock.setupSave')}
            </Button>
            <Button
              purpose="secondary"
              disabled={busy}
              onClick={() => {
                setFirst('');
                setSecond('');
                setError(null);
                setStep('choose');
              }}
            >
              {t('lock.setupBack')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
