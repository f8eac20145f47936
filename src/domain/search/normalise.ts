/** Lowercases and strips diacritics, so "cliënt" and "client" are the same word to search. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
