import { describe, expect, it } from 'vitest';
import nl from '../../../src/app/i18n/locales/nl.json';
import en from '../../../src/app/i18n/locales/en.json';
import ar from '../../../src/app/i18n/locales/ar.json';
import checkNl from '../../../src/app/i18n/locales/check-nl.json';
import checkEn from '../../../src/app/i18n/locales/check-en.json';
import checkAr from '../../../src/app/i18n/locales/check-ar.json';
import signalsNl from '../../../src/app/i18n/locales/signals-nl.json';
import signalsEn from '../../../src/app/i18n/locales/signals-en.json';
import signalsAr from '../../../src/app/i18n/locales/signals-ar.json';
import lockNl from '../../../src/app/i18n/locales/lock-nl.json';
import lockEn from '../../../src/app/i18n/locales/lock-en.json';
import lockAr from '../../../src/app/i18n/locales/lock-ar.json';
import adminNl from '../../../src/app/i18n/locales/admin-nl.json';
import adminEn from '../../../src/app/i18n/locales/admin-en.json';
import adminAr from '../../../src/app/i18n/locales/admin-ar.json';
import toekomstNl from '../../../src/app/i18n/locales/toekomst-nl.json';
import toekomstEn from '../../../src/app/i18n/locales/toekomst-en.json';
import toekomstAr from '../../../src/app/i18n/locales/toekomst-ar.json';
import insightNl from '../../../src/app/i18n/locales/insight-nl.json';
import insightEn from '../../../src/app/i18n/locales/insight-en.json';
import insightAr from '../../../src/app/i18n/locales/insight-ar.json';
import outreachNl from '../../../src/app/i18n/locales/outreach-nl.json';
import outreachEn from '../../../src/app/i18n/locales/outreach-en.json';
import outreachAr from '../../../src/app/i18n/locales/outreach-ar.json';
import lifeEventsNl from '../../../src/app/i18n/locales/life-events-nl.json';
import lifeEventsEn from '../../../src/app/i18n/locales/life-events-en.json';
import lifeEventsAr from '../../../src/app/i18n/locales/life-events-ar.json';
import questionsNl from '../../../src/domain/check/questions-nl.json';
import questionsEn from '../../../src/domain/check/questions-en.json';
import questionsAr from '../../../src/domain/check/questions-ar.json';
import { LANGUAGES } from '../../../src/app/i18n/i18n';
import { DUTCH_STOP_WORDS } from '../../helpers/dutch';

/**
 * Every language holds the same keys as Dutch: no missing text, no leftover one, the same
 * placeholders ({{name}}), and every plural form the language's own plural rules ask for (Arabic
 * has six). Nothing falls back to Dutch silently.
 */
type Bundle = Record<string, unknown>;
type Language = 'nl' | 'en' | 'ar';

const NAMESPACES: Record<string, Record<Language, Bundle>> = {
  app: { nl, en, ar },
  check: { nl: checkNl, en: checkEn, ar: checkAr },
  questions: { nl: questionsNl, en: questionsEn, ar: questionsAr },
  signals: { nl: signalsNl, en: signalsEn, ar: signalsAr },
  lock: { nl: lockNl, en: lockEn, ar: lockAr },
  admin: { nl: adminNl, en: adminEn, ar: adminAr },
  toekomst: { nl: toekomstNl, en: toekomstEn, ar: toekomstAr },
  insight: { nl: insightNl, en: insightEn, ar: insightAr },
  outreach: { nl: outreachNl, en: outreachEn, ar: outreachAr },
  lifeEvents: { nl: lifeEventsNl, en: lifeEventsEn, ar: lifeEventsAr },
};

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

function flatten(bundle: unknown, prefix = '', out: Record<string, unknown> = {}) {
  if (typeof bundle === 'object' && bundle !== null && !Array.isArray(bundle)) {
    for (const [key, value] of Object.entries(bundle))
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else out[prefix] = bundle;
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}|\$t\(([^)]+)\)/g)]
    .map((m) => m[1] ?? `$t(${m[2]})`)
    .sort();
}

interface Entry {
  /** Plural forms present, or null for a plain key. */
  forms: string[] | null;
  values: string[];
}

function entries(bundle: Bundle): Map<string, Entry> {
  const result = new Map<string, Entry>();
  for (const [key, value] of Object.entries(flatten(bundle))) {
    const plural = PLURAL.exec(key);
    const base = plural ? plural[1]! : key;
    const entry = result.get(base) ?? { forms: plural ? [] : null, values: [] };
    if (plural) (entry.forms ??= []).push(plural[2]!);
    entry.values.push(typeof value === 'string' ? value : `<not text: ${JSON.stringify(value)}>`);
    result.set(base, entry);
  }
  return result;
}

/** Every way a translation differs from the Dutch bundle; empty means the two match. */
function parityProblems(language: Language, reference: Bundle, translated: Bundle): string[] {
  const problems: string[] = [];
  const want = entries(reference);
  const have = entries(translated);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [key, entry] of want) {
    const other = have.get(key);
    if (!other) {
      problems.push(`${key}: missing`);
      continue;
    }
    if ((entry.forms === null) !== (other.forms === null)) {
      problems.push(`${key}: plural in one language, plain in the other`);
      continue;
    }
    if (other.forms) {
      const missing = categories.filter((c) => !other.forms!.includes(c));
      const extra = other.forms.filter((f) => !(categories as string[]).includes(f));
      if (missing.length) problems.push(`${key}: plural forms missing: ${missing.join(', ')}`);
      if (extra.length) problems.push(`${key}: plural forms ${language} does not use: ${extra}`);
    }
    for (const value of other.values) {
      if (value.startsWith('<not text')) problems.push(`${key}: ${value}`);
      if (value.trim() === '' && entry.values.some((v) => v.trim() !== ''))
        problems.push(`${key}: empty`);
    }
    // A plural form may leave out {{count}} ("one child"); every other placeholder must stay.
    const ignore = entry.forms ? ['count'] : [];
    const expected = [...new Set(entry.values.flatMap(placeholders))].filter(
      (p) => !ignore.includes(p),
    );
    const got = [...new Set(other.values.flatMap(placeholders))].filter((p) => !ignore.includes(p));
    if (expected.sort().join() !== got.sort().join())
      problems.push(`${key}: placeholders ${got.join(', ') || '(none)'}, Dutch has ${expected}`);
  }
  for (const key of have.keys()) if (!want.has(key)) problems.push(`${key}: not in Dutch`);
  return problems;
}

describe('translations have the same keys in every language', () => {
  it('catches what it should (the check itself can fail)', () => {
    const dutch = {
      a: 'Hallo {{name}}',
      b: 'x',
      n_one: '{{count}} kind',
      n_other: '{{count}} kinderen',
    };
    expect(parityProblems('en', dutch, dutch)).toEqual([]);
    expect(parityProblems('en', dutch, { a: 'Hi {{naam}}', c: 'y', n_other: '{{count}}' })).toEqual(
      [
        'a: placeholders naam, Dutch has name',
        'b: missing',
        'n: plural forms missing: one',
        'c: not in Dutch',
      ],
    );
    expect(
      parityProblems('ar', dutch, { ...dutch, n_one: 'طفل واحد', n_other: '{{count}} طفل' }),
    ).toEqual(['n: plural forms missing: few, many, two, zero']);
  });

  for (const [name, bundles] of Object.entries(NAMESPACES)) {
    for (const { code } of LANGUAGES) {
      it(`${name}: ${code} matches Dutch`, () => {
        expect(parityProblems(code, bundles.nl, bundles[code])).toEqual([]);
      });
    }
  }

  it('leaves no Dutch sentence untranslated in English or Arabic', () => {
    const untranslated: string[] = [];
    for (const [name, bundles] of Object.entries(NAMESPACES)) {
      const dutch = flatten(bundles.nl);
      for (const code of ['en', 'ar'] as const) {
        for (const [key, value] of Object.entries(flatten(bundles[code]))) {
          if (typeof value !== 'string' || value !== dutch[key]) continue;
          const words = value.toLowerCase().split(/[^a-zëéïöü]+/);
          if (words.some((w) => DUTCH_STOP_WORDS.has(w)))
            untranslated.push(`${name} ${code} ${key}: ${value}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });
});
