import i18next from 'i18next';
import type { LanguageCode } from './i18n';

/**
 * Texts load per language and per feature: the start-up bundle holds only the Dutch base texts.
 * English and Arabic load when a worker chooses them (or a resident's summary asks for them),
 * and the bigger features' texts (the check's questions alone are larger than the rest of the
 * app's texts) load with their pages, in the languages in use only.
 */
type Bundle = Record<string, unknown>;
type Loader = () => Promise<Bundle>;

/** Dutch base texts are in the start-up bundle (i18n.ts); the others load when chosen. */
const BASE: Record<Exclude<LanguageCode, 'nl'>, Loader> = {
  en: async () => (await import('./locales/en.json')).default,
  ar: async () => (await import('./locales/ar.json')).default,
};

const FEATURES = {
  check: {
    nl: async () => {
      const [questions, texts] = await Promise.all([
        import('../../domain/check/questions-nl.json'),
        import('./locales/check-nl.json'),
      ]);
      return { ...questions.default, ...texts.default };
    },
    en: async () => {
      const [questions, texts] = await Promise.all([
        import('../../domain/check/questions-en.json'),
        import('./locales/check-en.json'),
      ]);
      return { ...questions.default, ...texts.default };
    },
    ar: async () => {
      const [questions, texts] = await Promise.all([
        import('../../domain/check/questions-ar.json'),
        import('./locales/check-ar.json'),
      ]);
      return { ...questions.default, ...texts.default };
    },
  },
  signals: {
    nl: async () => (await import('./locales/signals-nl.json')).default,
    en: async () => (await import('./locales/signals-en.json')).default,
    ar: async () => (await import('./locales/signals-ar.json')).default,
  },
  insight: {
    nl: async () => (await import('./locales/insight-nl.json')).default,
    en: async () => (await import('./locales/insight-en.json')).default,
    ar: async () => (await import('./locales/insight-ar.json')).default,
  },
  toekomst: {
    nl: async () => (await import('./locales/toekomst-nl.json')).default,
    en: async () => (await import('./locales/toekomst-en.json')).default,
    ar: async () => (await import('./locales/toekomst-ar.json')).default,
  },
  lock: {
    nl: async () => (await import('./locales/lock-nl.json')).default,
    en: async () => (await import('./locales/lock-en.json')).default,
    ar: async () => (await import('./locales/lock-ar.json')).default,
  },
  outreach: {
    nl: async () => (await import('./locales/outreach-nl.json')).default,
    en: async () => (await import('./locales/outreach-en.json')).default,
    ar: async () => (await import('./locales/outreach-ar.json')).default,
  },
  /** Life events and the help with applying (issue 16). */
  lifeEvents: {
    nl: async () => (await import('./locales/life-events-nl.json')).default,
    en: async () => (await import('./locales/life-events-en.json')).default,
    ar: async () => (await import('./locales/life-events-ar.json')).default,
  },
  admin: {
    nl: async () => (await import('./locales/admin-nl.json')).default,
    en: async () => (await import('./locales/admin-en.json')).default,
    ar: async () => (await import('./locales/admin-ar.json')).default,
  },
} as const satisfies Record<string, Record<LanguageCode, Loader>>;

export type Feature = keyof typeof FEATURES;

/** Dutch is always in use: every other language falls back to it. */
const languages = new Set<LanguageCode>(['nl']);
const features = new Set<Feature>();
const loading = new Map<string, Promise<void>>();

function load(key: string, loader: Loader, language: LanguageCode): Promise<void> {
  let promise = loading.get(key);
  if (!promise) {
    promise = loader().then((bundle) => {
      i18next.addResourceBundle(language, 'translation', bundle, true, true);
    });
    // A failed load (offline before the chunk was cached) may be tried again later.
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

/** The texts of these features, in every language in use. */
export function loadTranslations(...wanted: Feature[]): Promise<void> {
  for (const feature of wanted) features.add(feature);
  const jobs: Promise<void>[] = [];
  for (const feature of wanted) {
    for (const language of languages) {
      jobs.push(load(`${feature}:${language}`, FEATURES[feature][language], language));
    }
  }
  return Promise.all(jobs).then(() => undefined);
}

/**
 * Puts a language in use: its base texts and those of every feature loaded so far. Dutch base
 * texts are part of the start-up bundle already (see i18n.ts).
 */
export function loadLanguage(language: LanguageCode): Promise<void> {
  languages.add(language);
  const jobs: Promise<void>[] = [];
  if (language !== 'nl') jobs.push(load(`base:${language}`, BASE[language], language));
  for (const feature of features) {
    jobs.push(load(`${feature}:${language}`, FEATURES[feature][language], language));
  }
  return Promise.all(jobs).then(() => undefined);
}
