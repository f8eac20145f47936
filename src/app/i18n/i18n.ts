import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './locales/nl.json';
import en from './locales/en.json';
import ar from './locales/ar.json';

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
    // The features' own texts (check, signals, lock) join later: see feature-translations.ts.
    resources: { nl: { translation: nl }, en: { translation: en }, ar: { translation: ar } },
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
