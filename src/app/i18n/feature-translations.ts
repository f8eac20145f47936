import i18next from 'i18next';

/**
 * Texts of the bigger features load with their pages, not with the start-up bundle: the check's
 * questions alone are larger than the rest of the app's texts.
 */
type Resources = Record<'nl' | 'en' | 'ar', Record<string, unknown>>;

const FEATURES = {
  check: async (): Promise<Resources> => {
    const [questionsNl, questionsEn, questionsAr, nl, en, ar] = await Promise.all([
      import('../../domain/check/questions-nl.json'),
      import('../../domain/check/questions-en.json'),
      import('../../domain/check/questions-ar.json'),
      import('./locales/check-nl.json'),
      import('./locales/check-en.json'),
      import('./locales/check-ar.json'),
    ]);
    return {
      nl: { ...questionsNl.default, ...nl.default },
      en: { ...questionsEn.default, ...en.default },
      ar: { ...questionsAr.default, ...ar.default },
    };
  },
  signals: async (): Promise<Resources> => {
    const [nl, en, ar] = await Promise.all([
      import('./locales/signals-nl.json'),
      import('./locales/signals-en.json'),
      import('./locales/signals-ar.json'),
    ]);
    return { nl: nl.default, en: en.default, ar: ar.default };
  },
  lock: async (): Promise<Resources> => {
    const [nl, en, ar] = await Promise.all([
      import('./locales/lock-nl.json'),
      import('./locales/lock-en.json'),
      import('./locales/lock-ar.json'),
    ]);
    return { nl: nl.default, en: en.default, ar: ar.default };
  },
  admin: async (): Promise<Resources> => {
    const [nl, en, ar] = await Promise.all([
      import('./locales/admin-nl.json'),
      import('./locales/admin-en.json'),
      import('./locales/admin-ar.json'),
    ]);
    return { nl: nl.default, en: en.default, ar: ar.default };
  },
} as const;

export type Feature = keyof typeof FEATURES;

const loading = new Map<Feature, Promise<void>>();

export function loadTranslations(...features: Feature[]): Promise<void> {
  return Promise.all(
    features.map((feature) => {
      let promise = loading.get(feature);
      if (!promise) {
        promise = FEATURES[feature]().then((resources) => {
          for (const [language, bundle] of Object.entries(resources)) {
            i18next.addResourceBundle(language, 'translation', bundle, true, true);
          }
        });
        loading.set(feature, promise);
      }
      return promise;
    }),
  ).then(() => undefined);
}
