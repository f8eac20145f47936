import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SYNC_KEY_TTL_MS, lock } from '../../data/crypto/vault';
import type { Role } from '../../domain/sync/roles';
import { startPathFor } from '../role-navigation';
import { Button } from '../components/button';

/**
 * "Volgende bewoner" (issue 16): one tap between two conversations at the spreekuur table. It
 * locks the way the idle lock does (the key stays for sync only) and leaves the last resident's
 * page, so after her PIN the worker starts on her own start page, not on that resident.
 */
export function NextResident({ role }: { role: Role }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="vault-bar">
      <Button
        purpose="secondary"
        data-testid="next-resident"
        onClick={() => {
          lock({ keepKeyForSyncMs: DEFAULT_SYNC_KEY_TTL_MS });
          void navigate(startPathFor(role), { replace: true });
        }}
      >
        {t('lock.nextResident')}
      </Button>
    </div>
  );
}
