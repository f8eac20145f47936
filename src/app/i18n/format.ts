import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { isLanguageCode, type LanguageCode } from './i18n';

/**
 * Dates, amounts and numbers as the reader's language writes them, never as ISO strings. Arabic
 * keeps Western digits (the `latn` numbering system): residents compare these figures with Dutch
 * letters and bank statements, which print them that way.
 */
const LOCALES: Record<LanguageCode, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
};

export function localeFor(language: LanguageCode): string {
  return LOCALES[language];
}

/** A date-only ISO string ("2026-11-24") is a calendar day: read it at noon so no zone shifts it. */
function toDate(iso: string): Date | undefined {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface Formatters {
  language: LanguageCode;
  /** 24 november 2026 · 24 November 2026 · 24 نوفمبر 2026 */
  date(iso: string): string;
  /** 24 nov 2026 14:05 */
  dateTime(iso: string): string;
  number(value: number): string;
  /** € 1.234,50 in Dutch, €1,234.50 in English; whole euros without cents. */
  euro(value: number): string;
}

/** Made on first use: each Intl constructor costs a few milliseconds, and a screen needs few. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function formatters(language: LanguageCode): Formatters {
  const locale = LOCALES[language];
  const day = lazy(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }),
  );
  const stamp = lazy(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  const number = lazy(() => new Intl.NumberFormat(locale));
  const euroFormat = (fractionDigits: 0 | 2) =>
    lazy(
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: fractionDigits,
          maximumFractionDigits: 2,
        }),
    );
  const wholeEuros = euroFormat(0);
  const euroCents = euroFormat(2);
  return {
    language,
    date: (iso) => {
      const d = toDate(iso);
      return d ? day().format(d) : iso;
    },
    dateTime: (iso) => {
      const d = toDate(iso);
      return d ? stamp().format(d) : iso;
    },
    number: (value) => number().format(value),
    euro: (value) => (Number.isInteger(value) ? wholeEuros() : euroCents()).format(value),
  };
}

const cache = new Map<LanguageCode, Formatters>();

function cached(language: LanguageCode): Formatters {
  let f = cache.get(language);
  if (!f) {
    f = formatters(language);
    cache.set(language, f);
  }
  return f;
}

/** Formatters for the app's current language (components re-render on a switch via useTranslation). */
export function currentFormat(): Formatters {
  return cached(isLanguageCode(i18next.language) ? i18next.language : 'nl');
}

/** Formatters for the app's current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return cached(isLanguageCode(i18n.language) ? i18n.language : 'nl');
}
