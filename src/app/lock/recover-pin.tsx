import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRecoveryWrap } from '../../data/crypto/vault';
import { recoverWithNewPin } from '../../data/lock/recover';
import { log } from '../../data/log';
import { login } from '../../data/sync/session';
import { SyncError, type SyncErrorCode } from '../../data/sync/sync-error';
import { CredentialsFields } from '../session/credentials-fields';
import { PinSetup } from './pin-setup';
import { Button } from '../components/button';
import { Heading, Paragraph } from '../components/typography';

/**
 * "PIN vergeten?": sign in online with the password on this same device, then choose a new PIN.
 * The server releases the key that opens this device's data only for that sign-in, so all work
 * on the device, unsynced included, stays.
 */
export function RecoverPin({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [step, setStep] = useState<'sign-in' | 'new-pin'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SyncErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void hasRecoveryWrap().then(setAvailable, () => setAvailable(false));
  }, []);

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password, undefined, undefined, { recovery: true });
      setPassword('');
      setStep('new-pin');
    } catch (err) {
      setError(err instanceof SyncError ? err.code : 'server');
    } finally {
      setBusy(false);
    }
  }

  async function setNewPin(pin: string) {
    if (!(await recoverWithNewPin(pin))) {
      log.warn('lock.recover-failed');
      throw new Error('The recovery key does not open this device.');
    }
  }

  if (available === false) {
    return (
      <section className="vault-screen" aria-labelledby="recover-title">
        <Heading level={1} id="recover-title">
          {t('lock.recoverTitle')}
        </Heading>
        <Paragraph role="status">{t('lock.recoverUnavailable')}</Paragraph>
        <Button purpose="secondary" onClick={onCancel}>
          {t('lock.recoverBack')}
        </Button>
      </section>
    );
  }

  if (step === 'new-pin') {
    return (
      <PinSetup
        onSetUp={setNewPin}
        title={t('lock.recoverNewPinTitle')}
        intro={t('lock.recoverNewPinIntro')}
      />
    );
  }

  return (
    <section className="vault-screen" aria-labelledby="recover-title">
      <Heading level={1} id="recover-title">
        {t('lock.recoverTitle')}
      </Heading>
      <Paragraph>{t('lock.recoverIntro')}</Paragraph>
      <form onSubmit={(e) => void signIn(e)} className="form" noValidate>
        <CredentialsFields
          idPrefix="recover"
          email={email}
          onEmail={setEmail}
          password={password}
          onPassword={setPassword}
          error={error}
        />
        <div className="vault-actions">
          <Button type="submit" disabled={busy || !email || !password}>
            {busy ? t('lock.checking') : t('lock.recoverSignIn')}
          </Button>
          <Button purpose="secondary" onClick={onCancel}>
            {t('lock.recoverBack')}
          </Button>
        </div>
      </form>
    </section>
  );
}
