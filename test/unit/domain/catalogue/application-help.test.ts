import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applicationHelp } from '../../../../src/domain/catalogue/application-help';
import { catalogueOverlaySchema } from '../../../../src/domain/catalogue/overlay';
import { organisationSchema, regelingSchema } from '../../../../src/domain/catalogue/schema';
import { rules2026 } from '../../../../src/domain/eligibility/data-2026';
import regelingenData from '../../../../src/domain/catalogue/data/regelingen.json';
import organisationsData from '../../../../src/domain/catalogue/data/organisations.json';
import overlayEn from '../../../../src/domain/catalogue/i18n/overlay-en.json';

const catalogue = {
  regelingen: z.array(regelingSchema).parse(regelingenData),
  organisations: z.array(organisationSchema).parse(organisationsData),
};
const rules = rules2026.rules;
const en = catalogueOverlaySchema.parse(overlayEn);
const nl = { catalogue, rules, overlay: undefined };

describe('application help from the catalogue', () => {
  it('shows what to bring, how to apply, the counter and its website, each from the catalogue', () => {
    const help = applicationHelp('bijzondere-bijstand', nl)!;
    const regeling = catalogue.regelingen.find((r) => r.id === 'bijzondere-bijstand')!;
    expect(help.steps).toEqual(regeling.howToApply);
    for (const d of regeling.documents) expect(help.documents).toContain(d);
    const sdd = catalogue.organisations.find((o) => o.id === 'sociale-dienst-drechtsteden')!;
    expect(help.counter).toMatchObject({
      organisation: 'sociale-dienst-drechtsteden',
      hours: sdd.directory!.hours,
      address: sdd.directory!.address,
      checkedOn: sdd.directory!.checkedOn,
    });
    // The SDD's address is unknown in the catalogue: it stays unknown, with why.
    expect(
      'counter' in help && 'address' in help.counter && 'unknown' in help.counter.address,
    ).toBe(true);
    expect(help.online?.url).toBe('https://www.socialedienstdrechtsteden.nl');
    expect(help.online?.source.length).toBeGreaterThan(0);
    expect(help.sources).toEqual(regeling.source);
  });

  it('adds the check rule’s documents to the catalogue’s, once each', () => {
    const help = applicationHelp('zorgtoeslag', nl)!;
    expect(help.documents).toEqual([
      'DigiD',
      'Gegevens van de zorgverzekering',
      'Schatting van het inkomen van dit jaar',
    ]);
  });

  it('says "unknown" where the catalogue names no documents or no counter (never invents one)', () => {
    // Kansrijke Start: no documents in the sources, a provider (JongJGZ) without a kaart entry.
    const start = applicationHelp('kansrijke-start', nl)!;
    expect(start.documents).toEqual([]);
    const jgz = catalogue.organisations.find((o) => o.id === 'jongjgz')!;
    expect(jgz.directory).toBeUndefined();
    expect(start.counter).toEqual({ unknown: 'no-place', provider: jgz.name });
    expect(start.online).toBeNull();
    expect(applicationHelp('zorgtoeslag', nl)!.counter).toEqual({ unknown: 'no-provider' });
  });

  it('falls back to the check rule for a regeling the catalogue does not hold', () => {
    const aio = applicationHelp('aio', nl)!;
    const rule = rules.find((r) => r.regeling === 'aio')!;
    expect(aio.steps).toEqual(rule.howToApply);
    expect(aio.sources).toEqual(rule.source);
    expect(applicationHelp('bestaat-niet', nl)).toBeUndefined();
  });

  it('gives the English texts from the overlay and flags nothing as Dutch when all are translated', () => {
    const help = applicationHelp('zorgtoeslag', { catalogue, rules, overlay: en })!;
    expect(help.steps).toEqual(en.regelingen.zorgtoeslag!.howToApply);
    expect(help.stepsDutch).toBe(false);
    expect(help.documentsDutch).toBe(false);
    expect(help.name).toBe('Zorgtoeslag');
  });

  it('flags Dutch steps on an English screen when the overlay lacks them', () => {
    const partial = { ...en, regelingen: {}, rules: {} };
    const help = applicationHelp('zorgtoeslag', { catalogue, rules, overlay: partial })!;
    expect(help.stepsDutch).toBe(true);
    expect(help.documentsDutch).toBe(true);
  });
});
