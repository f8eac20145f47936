import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import checkNl from '../../../src/app/i18n/locales/check-nl.json';
import checkEn from '../../../src/app/i18n/locales/check-en.json';
import checkAr from '../../../src/app/i18n/locales/check-ar.json';
import questionsNl from '../../../src/domain/check/questions-nl.json';
import questionsEn from '../../../src/domain/check/questions-en.json';
import questionsAr from '../../../src/domain/check/questions-ar.json';
import overlayEn from '../../../src/domain/catalogue/i18n/overlay-en.json';
import overlayAr from '../../../src/domain/catalogue/i18n/overlay-ar.json';
import {
  catalogueOverlaySchema,
  localiseOutcome,
  type CatalogueOverlay,
} from '../../../src/domain/catalogue/overlay';
import { norms2026, rules2026 } from '../../../src/domain/eligibility/data-2026';
import { evaluateRegelingen, type RegelingOutcome } from '../../../src/domain/eligibility/evaluate';
import {
  HEALTH_INSURANCE,
  HOUSEHOLD_FIELDS,
  HOUSING_TYPES,
  INCOME_TYPES,
  MEMBER_ROLES,
  type Household,
} from '../../../src/domain/eligibility/household-schema';
import { LIMIT_KEYS, NORM_CATEGORIES } from '../../../src/domain/eligibility/norms-schema';
import {
  REASON_CODES,
  limitNameSchema,
  reasonMessageSchema,
  type ReasonCode,
  type ReasonMessage,
  isTakeHomePoint,
} from '../../../src/domain/eligibility/reason-message';
import { dutchReason } from '../../../src/domain/eligibility/dutch-reasons';
import { formatters } from '../../../src/app/i18n/format';
import { reasonText, type ReasonWords } from '../../../src/app/check/reason-text';
import { dutchDetector } from '../../helpers/dutch-detector';

/**
 * The outcome's reasons on an English or Arabic screen: every code the engine can say, and every
 * message the engine really writes for many households, rendered through the app's locale files
 * and the catalogue overlay, must come out in that language (the Dutch detector finds no Dutch),
 * with no key or {{placeholder}} left over.
 */

const BUNDLES = {
  nl: { ...checkNl, ...questionsNl },
  en: { ...checkEn, ...questionsEn },
  ar: { ...checkAr, ...questionsAr },
} as const;
type Language = keyof typeof BUNDLES;

function wordsFor(language: Language): ReasonWords {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    resources: { [language]: { translation: BUNDLES[language] } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return { t: instance.t.bind(instance) as TFunction, format: formatters(language) };
}

const pct = {
  pct: 140,
  normLowCents: 140150,
  lowCents: 196210,
  highCents: 196210,
  normCategory: 'alleenstaande-21-aow',
  validFrom: '2026-01-01',
} as const;

/**
 * At least one message per code, with every variant the renderer words differently. A Record, so
 * a new code without a sample does not compile.
 */
const SAMPLES: Record<ReasonCode, ReasonMessage[]> = {
  'not-answered': [{ code: 'not-answered' }],
  money: [
    { code: 'money', lowCents: 150000, highCents: 150000, perMonth: true, pctOfNorm: 107.03 },
    { code: 'money', lowCents: 150000, highCents: 170000, perMonth: true },
    { code: 'money', lowCents: 150000, highCents: null, perMonth: true },
    { code: 'money', lowCents: 150000, highCents: 150000, perMonth: false },
    { code: 'money', lowCents: 100, highCents: 900, perMonth: false },
    { code: 'money', lowCents: 100, highCents: null, perMonth: false },
  ],
  'savings-and-more': [
    { code: 'savings-and-more', savingsCents: 500000, lowCents: 300000, highCents: null },
  ],
  children: [
    { code: 'children', ages: [] },
    { code: 'children', ages: [4, null] },
  ],
  'as-typed': [
    { code: 'as-typed', text: 'Dordrecht' },
    { code: 'as-typed', text: 'Andere gemeente' },
  ],
  housing: HOUSING_TYPES.map((housing) => ({ code: 'housing', housing })),
  rent: [{ code: 'rent', euro: 650 }],
  'income-types': [{ code: 'income-types', types: [...INCOME_TYPES] }],
  'no-uitkering': [{ code: 'no-uitkering' }],
  'yes-no': [
    { code: 'yes-no', value: true },
    { code: 'yes-no', value: false },
  ],
  debts: [{ code: 'debts', debts: true, arrears: null }],
  ages: [{ code: 'ages', ages: [34, null] }],
  insurance: HEALTH_INSURANCE.map((insurance) => ({ code: 'insurance', insurance })),
  'works-or-studies': [
    {
      code: 'works-or-studies',
      states: [
        { who: 'aanvrager', state: true },
        { who: 'partner', state: null },
      ],
    },
  ],
  'ask-about-it': [{ code: 'ask-about-it' }],
  'see-alternatives': [{ code: 'see-alternatives' }],
  'pct-of-norm': NORM_CATEGORIES.flatMap((normCategory) => [
    { code: 'pct-of-norm', ...pct, normCategory },
    { code: 'pct-of-norm', ...pct, normCategory, highCents: null },
    { code: 'pct-of-norm', ...pct, normCategory, highCents: 210000 },
  ]),
  'pct-of-norm-only': [
    { code: 'pct-of-norm-only', pct: 120, normUnknown: true },
    { code: 'pct-of-norm-only', pct: 120, normUnknown: false },
  ],
  'limit-unknown': [
    { code: 'limit-unknown' },
    {
      code: 'limit-unknown',
      surely: pct,
      yearly: {
        limit: 'zorgtoeslag-inkomen',
        lowCents: 4000000,
        highCents: 5000000,
        validFrom: '2026-01-01',
      },
    },
  ],
  'vermogensgrens-unknown': [{ code: 'vermogensgrens-unknown' }],
  limit: limitNameSchema.options.flatMap((limit) => [
    { code: 'limit', limit, lowCents: 800000, highCents: 800000, validFrom: '2026-01-01' },
    { code: 'limit', limit, lowCents: 800000, highCents: 1600000, validFrom: '2026-01-01' },
    { code: 'limit', limit, lowCents: 800000, highCents: null, validFrom: '2026-01-01' },
  ]),
  'child-in-household': [{ code: 'child-in-household' }],
  'child-aged': [{ code: 'child-aged', min: 4, max: 17 }],
  'lives-in': [{ code: 'lives-in', gemeenten: ['Dordrecht', 'Zwijndrecht'] }],
  'housing-one-of': [{ code: 'housing-one-of', housing: [...HOUSING_TYPES] }],
  'rent-range': [
    { code: 'rent-range', min: 250, max: 900 },
    { code: 'rent-range', max: null },
    { code: 'rent-range' },
  ],
  'income-one-of': [{ code: 'income-one-of', types: ['loon', 'studiefinanciering'] }],
  'age-range': [{ code: 'age-range', min: 18, max: 66 }, { code: 'age-range' }],
  'insurance-one-of': [{ code: 'insurance-one-of', insurance: [...HEALTH_INSURANCE] }],
  'data-text': [],
  'income-definition-missing': [{ code: 'income-definition-missing', id: 'netto' }],
  'vakantiegeld-added': [{ code: 'vakantiegeld-added', pct: 8, label: 'statutory pay' }],
  'vakantiegeld-unknown': [{ code: 'vakantiegeld-unknown', pct: 4.8, label: 'statutory pay' }],
  'debts-amount-missing': [{ code: 'debts-amount-missing' }],
  'debts-subtracted': [{ code: 'debts-subtracted', cents: 120000 }],
  'car-value-missing': [{ code: 'car-value-missing' }],
  'car-counts': [{ code: 'car-counts', cents: 300000 }],
  'invalid-peildatum': [{ code: 'invalid-peildatum' }],
  'norm-under-18': [{ code: 'norm-under-18' }],
  'norm-not-in-data': [{ code: 'norm-not-in-data', date: '2020-01-01' }],
  'vermogensgrens-not-in-data': [{ code: 'vermogensgrens-not-in-data' }],
  'limit-not-in-data': LIMIT_KEYS.map((limit) => ({
    code: 'limit-not-in-data',
    limit,
    date: '2020-01-01',
  })),
  'norm-depends-on-child-ages': [{ code: 'norm-depends-on-child-ages' }],
  'norm-raise-missing': [{ code: 'norm-raise-missing' }],
  'norm-raise': [{ code: 'norm-raise', lowCents: 30000, highCents: 140000 }],
  kostendelersnorm: [{ code: 'kostendelersnorm', cents: 100107 }],
  'stale-newer': [
    {
      code: 'stale-newer',
      what: 'bijstandsnorm',
      changedOn: '2027-01-01',
      usedFrom: '2026-01-01',
    },
    {
      code: 'stale-newer',
      what: 'vermogensgrens',
      changedOn: '2027-01-01',
      usedFrom: '2026-01-01',
    },
  ],
  'stale-old': [
    { code: 'stale-old', what: 'bijstandsnorm', usedFrom: '2026-01-01' },
    { code: 'stale-old', what: 'vermogensgrens', usedFrom: '2026-01-01' },
  ],
  'limit-stale': LIMIT_KEYS.map((limit) => ({
    code: 'limit-stale',
    limit,
    usedFrom: '2025-01-01',
  })),
  'net-yearly': [{ code: 'net-yearly', cents: 4000000 }],
  'capacity-fill-rent': [{ code: 'capacity-fill-rent', surplusCents: 12000 }],
  'capacity-fail': [{ code: 'capacity-fail', housingCents: 60000, leftCents: 5000 }],
  'capacity-close': [{ code: 'capacity-close', housingCents: 60000 }],
  'other-gemeente': [{ code: 'other-gemeente' }],
  'housing-depends': [{ code: 'housing-depends' }],
  'uncertain-fail': [{ code: 'uncertain-fail' }],
  // Rendered with the engine's own reasons below.
  deciding: [],
  'no-right': [{ code: 'no-right' }],
  'not-sure-yet': [{ code: 'not-sure-yet' }],
  'meets-known': [{ code: 'meets-known' }],
  'fill-in': [{ code: 'fill-in', fields: [...HOUSEHOLD_FIELDS] }],
  'probably-not': [{ code: 'probably-not', label: 'Income' }],
  'not-known-yet': [{ code: 'not-known-yet', label: 'Income' }],
  'not-sure': [{ code: 'not-sure', label: 'Income' }],
  'still-not-sure': [{ code: 'still-not-sure', label: 'Income' }],
  'rule-unconfirmed': [{ code: 'rule-unconfirmed' }],
  'not-from-source': [{ code: 'not-from-source', labels: ['Income', 'Savings'] }],
  'rules-year': [{ code: 'rules-year', rulesYear: 2026, peildatumYear: 2027 }],
  'estimate-year': [{ code: 'estimate-year', label: 'Pass', cents: 30000 }],
  'estimate-children': [0, 1, 2, 3, 11, 100].map((count) => ({
    code: 'estimate-children',
    label: 'Pass',
    amountCents: 30000,
    count,
  })),
  'estimate-gap': [{ code: 'estimate-gap', label: 'Top-up', cents: 20000 }],
};

const OVERLAYS = {
  en: catalogueOverlaySchema.parse(overlayEn),
  ar: catalogueOverlaySchema.parse(overlayAr),
};

/** Every message an outcome carries, each with the text it renders to. */
function renderOutcome(words: ReasonWords, o: RegelingOutcome): string[] {
  const say = (m: ReasonMessage) => reasonText(words, m, o.reasons);
  const conditions = o.reasons.flatMap((r) => [r, ...(r.children ?? [])]);
  return [
    ...conditions.flatMap((r) => [
      r.label,
      say(r.valueMsg),
      ...(r.threshold ? [say(r.threshold.msg)] : []),
      ...r.noteMsgs.map(say),
      ...(r.outdatedMsg ? [say(r.outdatedMsg)] : []),
    ]),
    ...(o.summaryMsg ? [say(o.summaryMsg)] : []),
    ...(o.openPointMsgs ?? []).map(say),
    ...o.unconfirmedMsgs.map(say),
    ...(o.estimateMsgs ?? []).map(say),
    ...o.notes,
    ...o.unknownThresholds,
  ];
}

function leftovers(text: string): string | null {
  if (text.trim() === '') return 'empty';
  if (/checkUi\.|\{\{|\}\}/.test(text)) return 'a key or placeholder';
  return null;
}

const member = fc.record(
  {
    role: fc.constantFrom(...MEMBER_ROLES),
    age: fc.integer({ min: 0, max: 90 }),
    incomes: fc.array(
      fc.record(
        {
          type: fc.constantFrom(...INCOME_TYPES),
          netMonthly: fc.integer({ min: 0, max: 400_000 }).map((c) => c / 100),
        },
        { requiredKeys: ['type'] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['role'] },
);

const household: fc.Arbitrary<Household> = fc.record(
  {
    members: fc.array(member, { maxLength: 5 }),
    gemeente: fc.constantFrom('Dordrecht', 'Zwijndrecht', 'Andere gemeente'),
    savings: fc.integer({ min: 0, max: 4_000_000 }).map((c) => c / 100),
    housing: fc.constantFrom(...HOUSING_TYPES),
    rentMonthly: fc.integer({ min: 0, max: 1500 }),
    hasDebts: fc.boolean(),
    hasArrears: fc.boolean(),
    debtAmount: fc.integer({ min: 0, max: 20_000 }),
    healthInsurance: fc.constantFrom(...HEALTH_INSURANCE),
    hasCar: fc.boolean(),
    carValue: fc.integer({ min: 0, max: 20_000 }),
    vakantiegeldIncluded: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Household>;

describe('the engine reasons as codes', () => {
  it('has a sample for every code, and each sample is a valid message', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REASON_CODES].sort());
    for (const m of Object.values(SAMPLES).flat()) reasonMessageSchema.parse(m);
  });

  it('keeps the Dutch rendering for the audit trail: every sample says something in Dutch', () => {
    for (const m of Object.values(SAMPLES).flat()) expect(dutchReason(m)).not.toBe('');
  });

  it.each(['nl', 'en', 'ar'] as const)('words every code in %s, with no key left over', (lang) => {
    const words = wordsFor(lang);
    const problems: string[] = [];
    for (const m of Object.values(SAMPLES).flat()) {
      const text = reasonText(words, m);
      const wrong = leftovers(text);
      if (wrong) problems.push(`${m.code}: ${wrong}: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(['en', 'ar'] as const)('says no code in Dutch on the %s screen', (lang) => {
    const words = wordsFor(lang);
    const detector = dutchDetector(lang);
    const problems: string[] = [];
    for (const m of Object.values(SAMPLES).flat()) {
      const text = reasonText(words, m);
      const why = detector.why(text);
      if (why) problems.push(`${m.code} (${why}): ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it('the detector this rests on does see Dutch reasons (the test can fail)', () => {
    const detector = dutchDetector('en');
    const nl = wordsFor('nl');
    for (const code of ['capacity-close', 'kostendelersnorm', 'other-gemeente'] as const) {
      const sample = SAMPLES[code][0]!;
      expect(detector.why(reasonText(nl, sample))).not.toBeNull();
      expect(detector.why(dutchReason(sample))).not.toBeNull();
    }
  });
});

/** What reads as Dutch, or is left unrendered, in every message of these households' outcomes. */
function outcomeProblems(
  lang: 'en' | 'ar',
  overlay: CatalogueOverlay,
  run: (check: (h: Household, peildatum: string) => void) => void,
): { problems: string[]; seen: Set<ReasonCode> } {
  const words = wordsFor(lang);
  const detector = dutchDetector(lang);
  const problems = new Set<string>();
  const seen = new Set<ReasonCode>();
  run((h, peildatum) => {
    for (const o of evaluateRegelingen(h, rules2026, norms2026, peildatum)) {
      for (const m of [
        ...o.reasons.flatMap((r) => [r, ...(r.children ?? [])]).flatMap((r) => r.noteMsgs),
        ...o.unconfirmedMsgs,
        ...(o.openPointMsgs ?? []),
      ])
        seen.add(m.code);
      if (o.summaryMsg) seen.add(o.summaryMsg.code);
      const rule = rules2026.rules.find((r) => r.regeling === o.regeling);
      for (const text of renderOutcome(words, localiseOutcome(o, overlay, rule))) {
        const why = detector.why(text) ?? leftovers(text);
        if (why) problems.add(`${o.regeling} (${why}): ${text.slice(0, 160)}`);
      }
    }
  });
  return { problems: [...problems], seen };
}

describe('the engine reasons for real households', () => {
  it.each(['en', 'ar'] as const)(
    'every message the engine writes for many households reads in %s, labels and notes included',
    (lang) => {
      const { problems, seen } = outcomeProblems(lang, OVERLAYS[lang], (check) => {
        check({}, '2026-03-01');
        check({ members: [{ role: 'aanvrager', age: 19 }] }, '2027-02-01');
        check({ members: [{ role: 'aanvrager', age: 16 }] }, '2026-02-30');
        fc.assert(
          fc.property(household, fc.constantFrom('2026-03-01', '2027-03-01'), (h, peildatum) => {
            check(h, peildatum);
          }),
          { numRuns: 120, seed: 20261130 },
        );
      });
      expect(problems).toEqual([]);
      // The walk reached the sentences that matter most, not only the easy ones.
      for (const code of ['deciding', 'fill-in', 'data-text', 'stale-newer'] as const)
        expect(seen).toContain(code);
    },
  );

  it('leaves household figures out of the points a resident takes home', () => {
    const words = wordsFor('en');
    const h: Household = {
      gemeente: 'Dordrecht',
      members: [{ role: 'aanvrager', age: 40, incomes: [{ type: 'loon', netMonthly: 1777.77 }] }],
      savings: 3333.33,
      hasDebts: true,
      debtAmount: 2222.22,
      hasCar: true,
      carValue: 4444.44,
      housing: 'huur-sociaal',
      rentMonthly: 555,
    };
    const figures = /1,777|3,333|2,222|4,444|555|21,333/;
    let points = 0;
    let shown = 0;
    for (const peildatum of ['2026-03-01', '2027-03-01']) {
      for (const o of evaluateRegelingen(h, rules2026, norms2026, peildatum)) {
        for (const m of (o.openPointMsgs ?? []).filter(isTakeHomePoint)) {
          points++;
          expect(reasonText(words, m, o.reasons)).not.toMatch(figures);
        }
        // The worker's screen does show them: the filter is what keeps them off paper.
        const all = (o.openPointMsgs ?? []).map((m) => reasonText(words, m, o.reasons));
        if (o.summaryMsg) all.push(reasonText(words, o.summaryMsg, o.reasons));
        if (all.some((text) => figures.test(text))) shown++;
      }
    }
    expect(points).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
  });

  it("fails when the overlay misses the editors' notes or the condition labels", () => {
    const bare = { ...OVERLAYS.en, dataTexts: {}, conditionLabels: {} };
    const { problems } = outcomeProblems('en', bare, (check) => check({}, '2026-03-01'));
    expect(problems.length).toBeGreaterThan(0);
  });
});
