import type { LanguageCode } from './i18n';

/**
 * Attributes for text that exists in Dutch only (source quotes, names, catalogue texts without a
 * translation yet) shown on an English or Arabic page: `lang` makes screen readers pronounce it as
 * Dutch (WCAG 3.1.2), `dir` keeps its punctuation where Dutch puts it inside a right-to-left page.
 */
export function dutchAttrs(language: LanguageCode): { lang?: 'nl'; dir?: 'ltr' } {
  return language === 'nl' ? {} : { lang: 'nl', dir: 'ltr' };
}
