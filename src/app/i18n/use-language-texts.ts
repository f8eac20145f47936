import { useEffect, useState } from 'react';
import { loadLanguage } from './feature-translations';
import type { LanguageCode } from './i18n';

/**
 * Loads a language's texts for a part of the screen shown in another language than the app's
 * (the resident's summary). False until they are there; Dutch is always there.
 */
export function useLanguageTexts(language: LanguageCode): boolean {
  const [loaded, setLoaded] = useState<ReadonlySet<LanguageCode>>(() => new Set(['nl']));
  useEffect(() => {
    let live = true;
    void loadLanguage(language).then(() => {
      if (live) setLoaded((previous) => new Set(previous).add(language));
    });
    return () => {
      live = false;
    };
  }, [language]);
  return loaded.has(language);
}
