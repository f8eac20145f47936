import i18next from 'i18next';
import { saveSetting } from '../../data/settings';
import { loadLanguage } from './feature-translations';
import { applyDocumentLanguage, type LanguageCode } from './i18n';

/**
 * Switches the app's language once its texts are loaded, so the screen never shows a mix of
 * the old language and Dutch fallbacks while the new texts arrive.
 */
export async function changeAppLanguage(language: LanguageCode): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
  await saveSetting('language', language);
}
