import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DUTCH_STOP_WORDS } from './dutch';

/**
 * Tells whether a text shown on an English or Arabic screen is Dutch. Built from the app's own
 * Dutch texts (every nl locale file, the check's questions) and the catalogue's Dutch data, so it
 * knows the exact sentences that would leak, plus a stop-word rule for Dutch it has never seen.
 * Proper names (regelingen, organisations, wijken, places) are allowed: a resident asks for the
 * Dordtpas by that name at the counter.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const LOCALES = join(ROOT, 'src', 'app', 'i18n', 'locales');
const CATALOGUE = join(ROOT, 'src', 'domain', 'catalogue', 'data');
const QUESTIONS = join(ROOT, 'src', 'domain', 'check');

type Json = unknown;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function flatten(value: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Texts per language, keyed by file and key, so a Dutch text equal to its translation is not "Dutch". */
function localeTexts(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(LOCALES)) {
    const match = /^(?:(.+)-)?(nl|en|ar)\.json$/.exec(file);
    if (!match || match[2] !== language) continue;
    for (const [k, v] of flatten(readJson(join(LOCALES, file))))
      out.set(`${match[1] ?? 'app'}:${k}`, v);
  }
  for (const [k, v] of flatten(readJson(join(QUESTIONS, `questions-${language}.json`))))
    out.set(`questions:${k}`, v);
  return out;
}

/** Names a resident may see in Dutch in any language. */
function properNames(): Set<string> {
  const names = new Set<string>(['Dichtbij', 'Nederlands', 'English', 'العربية']);
  const collect = (file: string, fields: string[]) => {
    const records = readJson(join(CATALOGUE, file)) as Record<string, unknown>[];
    for (const record of records) {
      for (const field of fields) {
        const value = record[field];
        if (typeof value === 'string') names.add(normalise(value));
      }
      const places = record.places;
      if (Array.isArray(places))
        for (const place of places as { name?: unknown }[])
          if (typeof place.name === 'string') names.add(normalise(place.name));
    }
  };
  collect('regelingen.json', ['name', 'provider']);
  collect('organisations.json', ['name']);
  collect('wijken.json', ['name']);
  collect('programmes.json', ['name']);
  // The teams a signal is handed to are named like organisations ("Toekomstmakelaars").
  const handover = readFileSync(join(ROOT, 'src', 'domain', 'signals', 'handover.ts'), 'utf8');
  for (const match of handover.matchAll(/\bname: '([^']+)'/g)) names.add(normalise(match[1]!));
  return names;
}

const PLACEHOLDER = /\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>/g;

export interface DutchDetector {
  /** Why the text counts as Dutch, or null when it does not. */
  why(text: string): string | null;
}

export function dutchDetector(language: 'en' | 'ar'): DutchDetector {
  const dutch = localeTexts('nl');
  const translated = localeTexts(language);
  const names = properNames();
  const exact = new Set<string>();
  const fragments = new Set<string>();
  const addDutch = (text: string) => {
    const parts = text.split(PLACEHOLDER).map(normalise);
    if (parts.length === 1) {
      if (/\p{L}{2,}/u.test(parts[0]!) && !names.has(parts[0]!)) exact.add(parts[0]!);
      return;
    }
    // A sentence with {{placeholders}}: its fixed parts of two words or more give it away.
    for (const part of parts) {
      const clean = part.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
      if (clean.split(' ').length >= 2 && clean.length >= 8) fragments.add(clean);
    }
  };
  // A text that is the same in the translation ("OK", "E-mail", "Dordtpas"), or that the
  // translation uses elsewhere (English "Kind" is Dutch "Kind", child), is not a leak.
  const ownWords = new Set([...translated.values()].map(normalise));
  for (const [key, text] of dutch) {
    if (translated.get(key) === text || ownWords.has(normalise(text))) continue;
    addDutch(text);
  }
  // The catalogue's Dutch sentences: summaries, steps, documents, facts and notes.
  for (const file of readdirSync(CATALOGUE)) {
    for (const [path, text] of flatten(readJson(join(CATALOGUE, file)))) {
      if (/(^|\.)(id|file|lines|url|source|section)$|\.source\[/.test(path)) continue;
      const clean = normalise(text);
      if (clean.split(' ').length >= 3 && !names.has(clean)) exact.add(clean);
    }
  }

  return {
    why(raw) {
      const text = normalise(raw);
      if (text === '' || names.has(text)) return null;
      if (exact.has(text)) return 'a Dutch text of the app or the catalogue';
      for (const fragment of fragments)
        if (text.includes(fragment)) return `part of a Dutch text: "${fragment}"`;
      // Dutch the app has never written down: two Dutch function words, names left out.
      let rest = ` ${text} `;
      for (const name of names)
        if (name.length > 3 && rest.includes(name)) rest = rest.split(name).join(' ');
      const words = rest.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
      const hits = words.filter((w) => DUTCH_STOP_WORDS.has(w));
      if (hits.length >= 2 && hits.length / words.length >= 0.15)
        return `Dutch words: ${hits.join(', ')}`;
      return null;
    },
  };
}
