import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the Dutch texts are in the start-up bundle; English and Arabic load when chosen
// (feature-translations.ts), so a Dutch worker never downloads them.
import nl from './locales/nl.json';

export const LANGUAGES = [
  { code: 'nl', label: 'Nederlands', dir: 'ltr' },
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((l) => l.code === value);
}

/** Dutch is complete; a missing English or Arabic string falls back to Dutch, never to a key. */
export function initI18n(language: LanguageCode = 'nl') {
  void i18next.use(initReactI18next).init({
    // Other languages and the features' own texts (check, signals, lock) join later: see
    // feature-translations.ts. partialBundledLanguages: those bundles may be added after init.
    resources: { nl: { translation: nl } },
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function applyDocumentLanguage(language: LanguageCode): void {
  const entry = LANGUAGES.find((l) => l.code === language) ?? LANGUAGES[0];
  document.documentElement.lang = entry.code;
  document.documentElement.dir = entry.dir;
}
