import { useEffect, useState } from 'react';
import type { CatalogueOverlay } from '../../domain/catalogue/overlay';
import type { LanguageCode } from './i18n';

/**
 * The catalogue's resident-facing texts in English or Arabic. Loaded only when a page shows them in
 * that language, so a Dutch start-up carries none of it. Dutch needs no overlay.
 */
const loaders: Record<Exclude<LanguageCode, 'nl'>, () => Promise<{ default: unknown }>> = {
  en: () => import('../../domain/catalogue/i18n/overlay-en.json'),
  ar: () => import('../../domain/catalogue/i18n/overlay-ar.json'),
};

const cache = new Map<LanguageCode, Promise<CatalogueOverlay>>();

export function loadCatalogueOverlay(
  language: LanguageCode,
): Promise<CatalogueOverlay | undefined> {
  if (language === 'nl') return Promise.resolve(undefined);
  let promise = cache.get(language);
  if (!promise) {
    // The schema (and with it zod) loads with the texts, never for a Dutch start-up.
    promise = Promise.all([loaders[language](), import('../../domain/catalogue/overlay')]).then(
      ([m, { catalogueOverlaySchema }]) => catalogueOverlaySchema.parse(m.default),
    );
    cache.set(language, promise);
  }
  return promise;
}

/** `ready` is false while a translation is loading, so a page never flashes Dutch first. */
export function useCatalogueOverlay(language: LanguageCode): {
  overlay: CatalogueOverlay | undefined;
  ready: boolean;
} {
  const [state, setState] = useState<{ language: LanguageCode; overlay?: CatalogueOverlay }>();
  useEffect(() => {
    let live = true;
    void loadCatalogueOverlay(language).then((overlay) => {
      if (live) setState({ language, ...(overlay ? { overlay } : {}) });
    });
    return () => {
      live = false;
    };
  }, [language]);
  const ready = language === 'nl' || state?.language === language;
  return { overlay: ready ? state?.overlay : undefined, ready };
}
