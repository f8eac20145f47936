import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { logout } from '../../data/sync/session';
import { SyncError, type SyncErrorCode } from '../../data/sync/sync-error';
import { syncAllWorkers, syncNow } from '../../data/sync/sync-runner';
import { db } from '../../data/db';
import { useSyncStatus } from '../../data/sync/use-sync-status';
import { paths } from '../paths';
import { syncErrorText } from './sync-error-text';
import { useSession } from './use-session';
import { useOnline } from '../components/online-status';
import { OutcomeMessage, type OutcomeMessageValue } from '../components/outcome-message';
import { currentFormat } from '../i18n/format';
import { AppLink } from '../components/app-link';
import { Button, ButtonLink } from '../components/button';
import { Notice } from '../components/notice';
import { Heading, Paragraph } from '../components/typography';

/** The worker's account: sync now, what is waiting, and signing out without losing anything. */
export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const status = useSyncStatus();
  const online = useOnline();
  const [message, setMessage] = useState<OutcomeMessageValue | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  if (!session) return null;

  async function sync() {
    setMessage(null);
    // Every worker of a shared tablet who can sync now goes along; this page shows this worker's.
    const active = db().name;
    const outcome =
      (await syncAllWorkers()).find((r) => r.dbName === active)?.outcome ?? (await syncNow());
    setMessage(
      outcome.ok
        ? {
            kind: 'ok',
            text: t('sync.done', { pushed: outcome.report.pushed, pulled: outcome.report.pulled }),
          }
        : { kind: 'error', text: syncErrorText(t, outcome.code) },
    );
  }

  async function signOut(discardPending: boolean) {
    setMessage(null);
    if (!discardPending) {
      // Try to bring everything to the server first, so signing out loses nothing.
      await syncNow();
    }
    try {
      await logout({ discardPending });
      await navigate(paths.start.href(), { replace: true });
    } catch (e) {
      const code: SyncErrorCode = e instanceof SyncError ? e.code : 'server';
      if (code === 'pendingChanges') setConfirmDiscard(true);
      setMessage({ kind: 'error', text: syncErrorText(t, code) });
    }
  }

  return (
    <div className="narrow">
      <Heading level={1}>{t('session.accountTitle')}</Heading>
      <Paragraph>
        {t('session.signedInAs', { name: session.user.name })} — {t(`role.${session.user.role}`)}
      </Paragraph>
      {session.needsLogin && <Notice type="warning">{t('sync.error.sessionExpired')}</Notice>}
      {/* A shared tablet: another worker opens her own data with her own PIN (issue 16). */}
      <ButtonLink purpose="secondary" to={paths.workers.href()}>
        {t('session.switchWorker')}
      </ButtonLink>
      <section aria-labelledby="sync-heading">
        <Heading level={2} id="sync-heading">
          {t('sync.title')}
        </Heading>
        <dl className="facts">
          <dt>{t('sync.pendingLabel')}</dt>
          <dd data-testid="pending-count">{status.pending}</dd>
          <dt>{t('sync.lastSuccess')}</dt>
          <dd>
            {status.lastSuccessAt
              ? currentFormat().dateTime(status.lastSuccessAt)
              : t('sync.never')}
          </dd>
          {status.conflicts > 0 && (
            <>
              <dt>{t('sync.conflicts')}</dt>
              <dd data-testid="conflict-count">
                <AppLink to={paths.differences.href()}>
                  {t('conflicts.account', { count: status.conflicts })}
                </AppLink>
              </dd>
            </>
          )}
          {status.rejected > 0 && (
            <>
              <dt>{t('sync.rejected')}</dt>
              <dd data-testid="rejected-count">
                <AppLink to={paths.differences.href()}>
                  {t('conflicts.accountRejected', { count: status.rejected })}
                </AppLink>
              </dd>
            </>
          )}
        </dl>
        {!online && <Notice>{t('sync.offlineHint')}</Notice>}
        <Button onClick={() => void sync()} disabled={status.running}>
          {status.running ? t('sync.running') : t('sync.now')}
        </Button>
        <OutcomeMessage message={message} />
      </section>
      <section aria-labelledby="logout-heading">
        <Heading level={2} id="logout-heading">
          {t('session.logoutTitle')}
        </Heading>
        <Paragraph>{t('session.logoutIntro')}</Paragraph>
        <Button purpose="secondary" onClick={() => void signOut(false)}>
          {t('session.logout')}
        </Button>
        {confirmDiscard && (
          <Notice type="warning">
            <Paragraph>
              {t('session.discardWarning', { count: status.pending + status.rejected })}
            </Paragraph>
            <Button onClick={() => void signOut(true)}>{t('session.logoutDiscard')}</Button>
          </Notice>
        )}
      </section>
    </div>
  );
}
