import type { TFunction } from 'i18next';
import { AdminRequestError } from '../../data/admin/admin-client';
import { SyncError } from '../../data/sync/sync-error';
import { syncErrorText } from '../session/sync-error-text';

/** One plain sentence for a failed admin request; codes and server messages are never shown. */
export function adminErrorText(t: TFunction, error: unknown): string {
  if (error instanceof AdminRequestError) {
    switch (error.reason) {
      case 'forbidden':
        return t('admin.onlyBeheerder');
      case 'notFound':
        return t('admin.error.notFound');
      case 'payloadTooLarge':
        return t('admin.catalogue.tooLarge');
      case 'catalogueInvalid':
        return t('admin.catalogue.invalid');
      case 'rulesInvalid':
        return t('admin.rules.invalid');
      case 'badRequest':
        return t('admin.error.badRequest');
      default:
        break;
    }
  }
  if (error instanceof SyncError) {
    if (error.code === 'offline') return t('admin.error.offline');
    return syncErrorText(t, error.code);
  }
  return syncErrorText(t, 'server');
}
