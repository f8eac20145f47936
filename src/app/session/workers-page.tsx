import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { db, workerDb } from '../../data/db';
import { log } from '../../data/log';
import type { UnlockState } from '../../data/lock/unlock-attempts';
import { syncNow } from '../../data/sync/sync-runner';
import type { WorkerEntry } from '../../data/workers/registry';
import { listWorkers } from '../../data/workers/registry';
import { ensureActiveRegistered, switchToWorker } from '../../data/workers/switch';
import { paths } from '../paths';
import { keepsPersonalData, startPathFor } from '../role-navigation';
import { PinPad } from '../lock/pin-pad';
import type { WipedOutcome } from '../lock/use-vault';
import { WipeNotice } from '../lock/wipe-notice';
import '../lock/lock.css';
import { Button, ButtonLink } from '../components/button';
import { Heading, Paragraph } from '../components/typography';

/** The workers of this tablet; undefined while reading. */
function useWorkers(reload: number): WorkerEntry[] | undefined {
  const [workers, setWorkers] = useState<WorkerEntry[]>();
  useEffect(() => {
    let live = true;
    void ensureActiveRegistered()
      .catch(() => undefined)
      .then(listWorkers)
      // A role without residents' data has no PIN to switch with: she signs in again instead.
      .then((all) => all.filter((w) => keepsPersonalData(w.role)))
      .then(
        (list) => live && setWorkers(list),
        () => {
          log.warn('workers.list-failed');
          if (live) setWorkers([]);
        },
      );
    return () => {
      live = false;
    };
  }, [reload]);
  return workers;
}

/**
 * "Wissel van medewerker" (issue 16): the workers who signed in on this shared tablet. A tap on
 * a name asks for her own PIN, which opens her own data, offline; the worker who was at the
 * screen is locked. Nothing of any resident is shown here. A worker new to the tablet signs in
 * (online) through "Andere medewerker aanmelden".
 */
export function WorkersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reload, setReload] = useState(0);
  const workers = useWorkers(reload);
  const [chosen, setChosen] = useState<WorkerEntry | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<{ wrong: boolean; unlock: UnlockState | null }>({
    wrong: false,
    unlock: null,
  });
  const [wiped, setWiped] = useState<WipedOutcome | null>(null);

  function choose(worker: WorkerEntry | null) {
    setChosen(worker);
    setPin('');
    setState({ wrong: false, unlock: null });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || busy || pin.length === 0) return;
    setBusy(true);
    performance.mark('dichtbij:switch-submit');
    const target = workerDb(chosen.dbName);
    const outcome = await switchToWorker(chosen, pin, {
      // Before a 10-strike wipe, her unsynced work goes to the server if it can.
      pushPending: async () => (await syncNow(target)).ok,
    });
    // Never keep a tried PIN around, right or wrong.
    setPin('');
    setBusy(false);
    if (outcome.outcome === 'unlocked') {
      await navigate(startPathFor(chosen.role), { replace: true });
    } else if (outcome.outcome === 'wiped') {
      setWiped(outcome);
      choose(null);
      setReload((n) => n + 1);
    } else {
      setState({ wrong: outcome.outcome === 'wrong-pin', unlock: outcome.state });
    }
  }

  if (wiped) return <WipeNotice wiped={wiped} onContinue={() => setWiped(null)} />;

  const active = db().name;
  return (
    <section className="vault-screen" aria-labelledby="workers-title">
      <Heading level={1} id="workers-title">
        {t('lock.workersTitle')}
      </Heading>
      {chosen ? (
        <form onSubmit={(e) => void submit(e)}>
          <PinPad
            value={pin}
            onChange={setPin}
            label={t('lock.workersPinFor', { name: chosen.name })}
            disabled={busy}
            autoFocus
          />
          <div role="status" aria-live="polite" className="vault-status">
            {busy && <Paragraph>{t('lock.checking')}</Paragraph>}
            {!busy && state.wrong && (
              <Paragraph className="vault-error">{t('lock.wrongPin')}</Paragraph>
            )}
            {!busy && state.unlock && state.unlock.failedAttempts > 0 && (
              <Paragraph>{t('lock.attemptsLeft', { count: state.unlock.attemptsLeft })}</Paragraph>
            )}
            {!busy && state.unlock?.retryAt && (
              <Paragraph>
                {t('lock.wait', {
                  count: Math.max(1, Math.ceil((state.unlock.retryAt - Date.now()) / 1000)),
                })}
              </Paragraph>
            )}
          </div>
          <Button type="submit" className="vault-submit" disabled={busy || pin.length === 0}>
            {t('lock.unlock')}
          </Button>
          <Button purpose="secondary" type="button" onClick={() => choose(null)}>
            {t('lock.workersBack')}
          </Button>
        </form>
      ) : (
        <>
          <Paragraph>{t('lock.workersIntro')}</Paragraph>
          {workers === undefined ? (
            <Paragraph role="status" className="muted">
              {t('lock.loading')}
            </Paragraph>
          ) : workers.length === 0 ? (
            <Paragraph className="muted">{t('lock.workersNone')}</Paragraph>
          ) : (
            <ul className="worker-list">
              {workers.map((w) => (
                <li key={w.dbName}>
                  <Button purpose="secondary" onClick={() => choose(w)} data-worker={w.userId}>
                    <span translate="no">{w.name}</span>
                    <span className="worker-role">
                      {t(`role.${w.role}`)}
                      {w.dbName === active ? ` — ${t('lock.workersCurrent')}` : ''}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Heading level={2}>{t('lock.workersOther')}</Heading>
          <Paragraph>{t('lock.workersOtherIntro')}</Paragraph>
          <ButtonLink purpose="secondary" to={paths.loginOther.href()}>
            {t('lock.workersOther')}
          </ButtonLink>
        </>
      )}
    </section>
  );
}
