import type { TFunction } from 'i18next';
import { AdminRequestError } from '../../data/admin/admin-client';
import { adminErrorText } from '../admin/admin-error-text';

/**
 * One plain sentence for a refused file, from the server's stable details (never its English
 * message): what is wrong with the file as a whole, so nothing was imported.
 */
export function vroegErrorText(t: TFunction, error: unknown): string {
  if (error instanceof AdminRequestError) {
    const [first, ...rest] = error.details;
    if (error.reason === 'forbidden') return t('admin.vroeg.onlyCoordinator');
    if (first === 'missingColumns')
      return t('admin.vroeg.file.missingColumns', { columns: rest.join(', ') });
    if (first === 'tooManyRows') return t('admin.vroeg.file.tooManyRows');
    if (first === 'notUtf8') return t('admin.vroeg.file.notUtf8');
    if (first?.startsWith('unclosedQuote'))
      return t('admin.vroeg.file.unclosedQuote', { line: first.split(':')[1] ?? '?' });
    if (first === 'empty' || first === 'noHeader') return t('admin.vroeg.file.empty');
    if (first === 'notJson' || first === 'notList') return t('admin.vroeg.file.notJson');
    if (first === 'wijkUnknown') return t('admin.vroeg.unplaced.wijkUnknown');
    if (error.reason === 'payloadTooLarge') return t('admin.vroeg.file.tooLarge');
  }
  return adminErrorText(t, error);
}
