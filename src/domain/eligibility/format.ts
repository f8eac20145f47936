import { z } from 'zod';
import type { HealthInsurance, HousingType, IncomeType } from './household-schema';

/**
 * Money, dates and words for the reason list. Money is compared in whole cents so that 130% of
 * € 1.345,45 is € 1.749,09 as the sources print it. Codes never reach a resident: every enum value
 * the engine shows has a plain Dutch word here.
 */

export function toCents(euro: number): number {
  return Math.round(euro * 100);
}

export function pctOf(cents: number, pct: number): number {
  return Math.round((cents * pct) / 100);
}

const euroCache = new Map<number, string>();

/** "€ 1.962,10". Memoised: the same few thresholds are formatted for every regeling. */
export function formatEuro(cents: number): string {
  const cached = euroCache.get(cents);
  if (cached !== undefined) return cached;
  const abs = Math.abs(Math.round(cents));
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = `${cents < 0 ? '-' : ''}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
  if (euroCache.size > 10_000) euroCache.clear();
  euroCache.set(cents, text);
  return text;
}

export function formatPct(value: number): string {
  return `${(Math.round(value * 10) / 10).toString().replace('.', ',')}%`;
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

export function monthsBetween(fromIso: string, toIso: string): number {
  const [fy = 0, fm = 0, fd = 0] = fromIso.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = toIso.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** A real calendar date: 2026-02-30 and 2025-02-29 are refused, 2024-02-29 is accepted. */
export const peildatumSchema = z.iso.date({ error: 'Vul een bestaande datum in.' });

export function isValidPeildatum(iso: string): boolean {
  return peildatumSchema.safeParse(iso).success;
}

export const HOUSING_WORDS: Record<HousingType, string> = {
  'huur-sociaal': 'sociale huurwoning',
  'huur-vrij': 'huurwoning (vrije sector)',
  koop: 'koopwoning',
  kamer: 'kamer',
  inwonend: 'woont in bij iemand anders',
  opvang: 'opvang',
  dakloos: 'geen vaste woonplek',
  anders: 'andere woonsituatie',
};

export const INCOME_WORDS: Record<IncomeType, string> = {
  loon: 'loon uit werk',
  zelfstandig: 'inkomen als zelfstandige',
  bijstand: 'bijstand',
  ww: 'WW',
  'wia-wao': 'WIA of WAO',
  wajong: 'Wajong',
  ziektewet: 'Ziektewet',
  aow: 'AOW',
  anw: 'Anw',
  'ioaw-ioaz': 'IOAW of IOAZ',
  pensioen: 'pensioen',
  'alimentatie-partner': 'partneralimentatie',
  'alimentatie-kind': 'kinderalimentatie',
  studiefinanciering: 'studiefinanciering',
  kinderbijslag: 'kinderbijslag',
  'kindgebonden-budget': 'kindgebonden budget',
  huurtoeslag: 'huurtoeslag',
  zorgtoeslag: 'zorgtoeslag',
  kinderopvangtoeslag: 'kinderopvangtoeslag',
  overig: 'ander inkomen',
};

export const INSURANCE_WORDS: Record<HealthInsurance, string> = {
  gemeentepolis: 'de Gemeentepolis',
  'andere-verzekering': 'een andere zorgverzekering',
  'niet-verzekerd': 'geen zorgverzekering',
};

/** "a, b of c" */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} of ${words[words.length - 1] ?? ''}`;
}

/** "a, b en c" */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} en ${words[words.length - 1] ?? ''}`;
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
