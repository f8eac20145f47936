import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { login } from '../../data/sync/session';
import { listWorkers } from '../../data/workers/registry';
import { signInOtherWorker } from '../../data/workers/switch';
import { SyncError, type SyncErrorCode } from '../../data/sync/sync-error';
import { syncNow } from '../../data/sync/sync-runner';
import { useSyncStatus } from '../../data/sync/use-sync-status';
import { paths } from '../paths';
import { startPathFor } from '../role-navigation';
import { CredentialsFields } from './credentials-fields';
import { syncErrorText } from './sync-error-text';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

function safeReturnPath(value: string | null): string {
  // Only paths inside the app: a crafted link must not send the worker elsewhere after login.
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.start.href();
}

/** Whether other workers signed in on this tablet before (so "Wissel van medewerker" helps). */
function useOtherWorkers(): boolean {
  const [any, setAny] = useState(false);
  useEffect(() => {
    let live = true;
    listWorkers().then(
      (list) => live && setAny(list.length > 0),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return any;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SyncErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  // "Andere medewerker aanmelden" on a shared tablet: the worker signed in now is kept, locked.
  const other = params.get('ander') === '1';
  const workersHere = useOtherWorkers();
  // A device reported lost lands here after wiping itself; the worker must be told why.
  const wiped = useSyncStatus().lastErrorCode === 'deviceWiped';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = other
        ? await signInOtherWorker(email.trim(), password)
        : await login(email.trim(), password);
      void syncNow();
      // Straight to her own work: for a role with residents' data that page asks for the PIN at once.
      const back = params.get('terug');
      await navigate(back ? safeReturnPath(back) : startPathFor(session.user.role), {
        replace: true,
      });
    } catch (err) {
      setError(err instanceof SyncError ? err.code : 'server');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <Heading level={1}>{other ? t('session.otherWorkerTitle') : t('session.loginTitle')}</Heading>
      <Paragraph purpose="lead">{t('session.loginIntro')}</Paragraph>
      {other && <Paragraph>{t('session.otherWorkerIntro')}</Paragraph>}
      {!error && wiped && (
        <Notice type="warning" role="alert">
          {syncErrorText(t, 'deviceWiped')}
        </Notice>
      )}
      <form onSubmit={(e) => void submit(e)} className="form" noValidate>
        <CredentialsFields
          idPrefix="login"
          email={email}
          onEmail={setEmail}
          password={password}
          onPassword={setPassword}
          error={error}
        />
        <Button type="submit" disabled={busy || !email || !password}>
          {busy ? t('app.loading') : t('session.login')}
        </Button>
      </form>
      {/* After a logout on a shared tablet, the others still open their own data offline. */}
      {workersHere && (
        <ButtonLink purpose="secondary" to={paths.workers.href()}>
          {t('session.switchWorker')}
        </ButtonLink>
      )}
    </div>
  );
}
