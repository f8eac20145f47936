import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutchDetector } from '../../helpers/dutch-detector';

/**
 * The reach walk (test/e2e/reach.test.ts) fails on Dutch text in the English and Arabic app; this
 * checks that its detector catches Dutch, including Dutch it has never seen, and does not cry wolf
 * on the translations or on proper names.
 */
const LOCALES = join(import.meta.dirname, '..', '..', '..', 'src', 'app', 'i18n', 'locales');

function values(language: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const file of readdirSync(LOCALES))
    if (
      file.endsWith(`${language}.json`) &&
      (file === `${language}.json` || file.endsWith(`-${language}.json`))
    )
      walk(JSON.parse(readFileSync(join(LOCALES, file), 'utf8')));
  return out;
}

describe.each(['en', 'ar'] as const)('the Dutch detector for %s screens', (language) => {
  const detector = dutchDetector(language);

  it('catches the app’s Dutch texts, filled-in templates and Dutch it has never seen', () => {
    expect(detector.why('Bewaard op dit apparaat.')).not.toBeNull();
    expect(detector.why('Nieuwe check starten')).not.toBeNull();
    // A catalogue sentence.
    expect(
      detector.why(
        'Met de Dordtpas krijgt u korting op sport, cultuur en uitjes in Dordrecht. Mensen met een laag inkomen krijgen de pas gratis of met korting. Aanbod voor kinderen loopt via de pas.',
      ),
    ).not.toBeNull();
    expect(detector.why('Vul eerst in: de woonsituatie en het spaargeld.')).not.toBeNull();
    expect(
      detector.why('Dit is een zin die de app nooit schreef, maar het is wel Nederlands.'),
    ).not.toBeNull();
  });

  it('lets proper names and every translation through', () => {
    for (const name of ['Dordtpas', 'Wielwijk', 'Veilig Thuis', 'Gemeente Dordrecht'])
      expect(detector.why(name), name).toBeNull();
    const flagged = values(language).filter((v) => detector.why(v));
    expect(flagged).toEqual([]);
  });
});
