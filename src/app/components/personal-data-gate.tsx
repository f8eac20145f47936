import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepsPersonalData } from '../role-navigation';
import { useSession } from '../session/use-session';
import { syncNow } from '../../data/sync/sync-runner';
import { VaultGate } from '../lock/vault-gate';
import { RequireSession } from '../session/require-session';
import { useSyncOnUnlock } from '../session/use-sync-on-unlock';
import { Notice } from './notice';
import { NextResident } from '../lock/next-resident';

// Before a wipe after too many wrong PINs, unsynced work is sent to the server if it can be.
async function pushPending(): Promise<boolean> {
  return (await syncNow()).ok;
}

function syncInBackground(): void {
  void syncNow();
}

/**
 * One gate for every route with residents' data: a signed-in worker and an unlocked PIN vault.
 * One layout route, so there is one auto-lock timer however the worker moves between pages.
 */
export function PersonalDataGate() {
  useSyncOnUnlock(syncInBackground);
  return (
    <RequireSession>
      <VaultForRole />
    </RequireSession>
  );
}

/** A coordinator stores no residents' data: she gets no PIN and no personal-record screens. */
function VaultForRole() {
  const { t } = useTranslation();
  const session = useSession();
  if (session && !keepsPersonalData(session.user.role))
    return <Notice>{t('nav.noPersonalData')}</Notice>;
  return (
    <VaultGate
      pushPending={pushPending}
      unlockedBar={session && <NextResident role={session.user.role} />}
    >
      <Outlet />
    </VaultGate>
  );
}
