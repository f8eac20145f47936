import type { TFunction } from 'i18next';
import type { SyncErrorCode } from '../../data/sync/sync-error';

/** Every sync or login error code has a plain sentence; the code itself is never shown. */
export function syncErrorText(t: TFunction, code: SyncErrorCode): string {
  return t(`sync.error.${code}`);
}
