import { render } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, type LanguageCode } from '../../../src/app/i18n/i18n';
import { loadLanguage, loadTranslations } from '../../../src/app/i18n/feature-translations';
import { PlanSheet } from '../../../src/app/toekomst/plan-sheet';
import toekomstNl from '../../../src/app/i18n/locales/toekomst-nl.json';
import offersEn from '../../../src/domain/toekomst/data/offers-en.json';
import offersAr from '../../../src/domain/toekomst/data/offers-ar.json';
import { OFFERS } from '../../../src/domain/toekomst/offers';
import { offerTextsSchema, type OfferTexts } from '../../../src/domain/toekomst/offer-texts';
import { reducePlan, type PlanEvent, type StepStatus } from '../../../src/domain/toekomst/plan';
import { WISHES } from '../../../src/domain/toekomst/vocabulary';
import type { Intake } from '../../../src/domain/toekomst/toekomst-schema';

/**
 * The plan a resident takes home, in English and Arabic: lang and dir on the printed part, and
 * not one Dutch sentence or label left (offer names aside: Waterwiel and Werkcentrum are names).
 */

initI18n('nl');

const PATH: StepStatus[] = [
  'kennismaking',
  'aangemeld',
  'gestart',
  'afgerond',
  'opleiding-gestart',
];
/** One step per offer, each at another point of its path; the first ones with a due date. */
function planEvents(): PlanEvent[] {
  return OFFERS.flatMap((offer, k) => {
    const path = PATH.slice(0, 1 + (k % PATH.length));
    return path.map((to, i) => ({
      id: `e-${k}-${i}`,
      kind: 'step',
      createdAt: `2026-11-0${1 + i}T10:00:00.000Z`,
      body: {
        stepId: `s-${k}`,
        offerId: offer.id,
        from: i === 0 ? null : path[i - 1],
        to,
        dueAt: '2026-12-05',
      },
    }));
  });
}

const intake: Intake = {
  wishes: [...WISHES],
  qualification: 'onbekend',
  drivingLicence: null,
  hoursPerWeek: 16,
  barriers: [],
  intakeAt: '2026-11-01T10:00:00.000Z',
};

/** Every Dutch text the sheet could show: its UI labels and the offers' summaries. */
function dutchTexts(): string[] {
  const t = toekomstNl.toekomst;
  const labels = [
    t.plan.printTitle,
    t.plan.myWish,
    t.plan.where,
    t.plan.now,
    t.plan.contactLine,
    t.plan.empty,
    t.plan.due.replace(' {{date}}', ''),
    ...Object.values(t.wish),
    ...Object.values(t.step),
  ];
  return [...labels, ...OFFERS.map((o) => o.summary)];
}

function renderSheet(lang: LanguageCode, texts: OfferTexts | undefined) {
  return render(
    <PlanSheet
      plan={reducePlan(planEvents())}
      intake={intake}
      lang={lang}
      offerTexts={texts}
      organisationName={(id) => `Organisatie ${id}`}
    />,
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the resident's plan in her language", () => {
  beforeAll(async () => {
    await loadTranslations('toekomst');
    await loadLanguage('en');
    await loadLanguage('ar');
  });

  it.each([
    ['en', 'ltr', offersEn],
    ['ar', 'rtl', offersAr],
  ] as const)('in %s: lang and dir on the printed part, no Dutch left', (lang, dir, raw) => {
    const { getByTestId, unmount } = renderSheet(lang, offerTextsSchema.parse(raw));
    const sheet = getByTestId('plan-sheet');
    expect(sheet.getAttribute('lang')).toBe(lang);
    expect(sheet.getAttribute('dir')).toBe(dir);
    // Organisation names are names; leave them out before looking for Dutch.
    const text = (sheet.textContent ?? '').replace(/Organisatie [a-z0-9-]+/g, '');
    for (const dutch of dutchTexts()) {
      expect(text, `"${dutch}" left in ${lang}`).not.toMatch(
        new RegExp(`(^|[^\\p{L}])${escape(dutch)}($|[^\\p{L}])`, 'u'),
      );
    }
    // Every step is there, with its status and due date in this language.
    expect(sheet.querySelectorAll('li')).toHaveLength(OFFERS.length);
    expect(text).toContain(lang === 'en' ? '5 December 2026' : '2026');
    unmount();
  });

  it('in Dutch the same plan reads Dutch (the check above can fail)', () => {
    const { getByTestId } = renderSheet('nl', undefined);
    const sheet = getByTestId('plan-sheet');
    expect(sheet.getAttribute('lang')).toBe('nl');
    expect(sheet.textContent).toContain(OFFERS[0]?.summary ?? '');
    expect(sheet.textContent).toContain(toekomstNl.toekomst.plan.printTitle);
  });
});
