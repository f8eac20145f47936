import { describe, expect, it } from 'vitest';
import { norms2026, rules2026 } from '../../../../src/domain/eligibility/data-2026';
import { evaluateRegelingen } from '../../../../src/domain/eligibility/evaluate';
import { HOUSEHOLD_FIELDS } from '../../../../src/domain/eligibility/household-schema';
import { answersToHousehold } from '../../../../src/domain/check/answers-to-household';
import {
  checkAnswersSchema,
  emptyCheckAnswers,
  parseAmountInput,
  validateAnswer,
  type AnswerEntry,
  type AnswerValue,
  type CheckAnswers,
} from '../../../../src/domain/check/answers-schema';
import { TOPIC_IDS } from '../../../../src/domain/check/question-schema';
import { QUESTIONS, TOPICS, getQuestion, nlText } from '../../../../src/domain/check/questions';
import {
  isQuestionVisible,
  openQuestions,
  visibleQuestions,
} from '../../../../src/domain/check/skip-logic';
import { summariseCheck } from '../../../../src/domain/check/summarise';

function answered(value: AnswerValue): AnswerEntry {
  return { status: 'answered', value };
}

function check(
  variant: CheckAnswers['variant'],
  answers: Record<string, AnswerEntry>,
): CheckAnswers {
  return { ...emptyCheckAnswers(variant), consent: { given: true }, answers };
}

function q(id: string) {
  const question = getQuestion(id);
  if (question === undefined) throw new Error(`no question ${id}`);
  return question;
}

const singleParent = check('short', {
  woonplaats: answered('dordrecht'),
  huishouden: answered([
    { id: 'm1', role: 'aanvrager', age: 34 },
    { id: 'm2', role: 'kind', age: 6 },
    { id: 'm3', role: 'kind', age: 13 },
  ]),
  'inkomen-aanvrager': answered([
    { type: 'loon', netMonthly: 1450 },
    { type: 'kinderbijslag', netMonthly: 160 },
  ]),
  vermogen: answered(300),
  rondkomen: answered('moeilijk'),
  betalingsachterstanden: answered('ja'),
  schulden: { status: 'declined' },
  woning: answered('huur-sociaal'),
  woonlasten: answered(720),
  'energie-zorgen': answered('nee'),
  zorgverzekering: answered('andere-verzekering'),
  kinderopvang: answered('nee'),
});

describe('question data', () => {
  it('every i18n key has a Dutch default', () => {
    for (const t of TOPICS) {
      expect(nlText(t.titleKey), t.titleKey).toBeTypeOf('string');
      expect(nlText(t.introKey), t.introKey).toBeTypeOf('string');
    }
    for (const question of QUESTIONS) {
      const keys = [
        question.labelKey,
        ...(question.helpKey ? [question.helpKey] : []),
        ...question.options.map((o) => o.labelKey),
        ...question.findings.map((f) => f.key),
      ];
      for (const key of keys) expect(nlText(key), key).toBeTypeOf('string');
    }
  });

  it('covers every topic, and every household field the engine can miss is asked somewhere', () => {
    for (const topic of TOPIC_IDS) expect(QUESTIONS.some((x) => x.topic === topic)).toBe(true);
    const asked = new Set(QUESTIONS.flatMap((x) => x.householdFields));
    for (const field of HOUSEHOLD_FIELDS) expect(asked.has(field), field).toBe(true);
  });

  it('the short variant is a subset of the full one', () => {
    const short = QUESTIONS.filter((x) => x.variants.includes('short'));
    expect(short.length).toBeGreaterThan(5);
    expect(short.every((x) => x.variants.includes('full'))).toBe(true);
    expect(
      short.every((x) => ['inkomen', 'wonen', 'hulp-en-zorg', 'meedoen'].includes(x.topic)),
    ).toBe(true);
  });
});

describe('skip logic', () => {
  const table: [string, CheckAnswers, string, boolean][] = [
    ['partner income hidden without a partner', check('full', {}), 'inkomen-partner', false],
    [
      'partner income shown with a partner',
      check('full', {
        huishouden: answered([
          { id: 'a', role: 'aanvrager' },
          { id: 'b', role: 'partner' },
        ]),
      }),
      'inkomen-partner',
      true,
    ],
    [
      'kinderopvang shown with a child of 12',
      check('short', {
        huishouden: answered([
          { id: 'a', role: 'aanvrager' },
          { id: 'k', role: 'kind', age: 12 },
        ]),
      }),
      'kinderopvang',
      true,
    ],
    [
      'kinderopvang hidden with only a child of 13',
      check('short', {
        huishouden: answered([
          { id: 'a', role: 'aanvrager' },
          { id: 'k', role: 'kind', age: 13 },
        ]),
      }),
      'kinderopvang',
      false,
    ],
    [
      'woonlasten hidden when living in',
      check('short', { woning: answered('inwonend') }),
      'woonlasten',
      false,
    ],
    [
      'woonlasten shown for a koophuis',
      check('short', { woning: answered('koop') }),
      'woonlasten',
      true,
    ],
    [
      'debt amount shown when there are debts',
      check('full', { schulden: answered('ja') }),
      'schulden-bedrag',
      true,
    ],
    [
      'debt amount hidden when declined',
      check('full', { schulden: { status: 'declined' } }),
      'schulden-bedrag',
      false,
    ],
    [
      'debt amount is full-only',
      check('short', { schulden: answered('ja') }),
      'schulden-bedrag',
      false,
    ],
    [
      'help with debts shown on arrears only',
      check('short', { betalingsachterstanden: answered('ja') }),
      'schulden-hulp',
      true,
    ],
    ['loneliness is full-only', check('short', {}), 'eenzaam', false],
    ['loneliness in the full check', check('full', {}), 'eenzaam', true],
  ];
  it.each(table)('%s', (_name, answers, id, visible) => {
    expect(isQuestionVisible(answers, q(id))).toBe(visible);
  });

  it('lists open questions for resuming', () => {
    const open = openQuestions(singleParent).map((x) => x.id);
    expect(open).toContain('ontvangt-al');
    expect(open).not.toContain('vermogen');
    expect(visibleQuestions(singleParent, 'wonen').map((x) => x.id)).toEqual([
      'woning',
      'woonlasten',
      'energie-zorgen',
    ]);
  });
});

describe('answers schema and field messages', () => {
  it('accepts a valid record and rejects bad values with Dutch messages at the field', () => {
    expect(checkAnswersSchema.safeParse(singleParent).success).toBe(true);
    const bad = check('full', {
      vermogen: answered(-5),
      huishouden: answered([{ id: 'a', role: 'aanvrager', age: 130 }]),
      woning: answered('kasteel'),
    });
    const result = checkAnswersSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [String(i.path.slice(0, 2).join('.')), i.message]),
    );
    expect(messages['answers.vermogen']).toBe('Vul een bedrag van 0 of meer in.');
    expect(messages['answers.huishouden']).toBe('Vul een leeftijd in tussen 0 en 120 jaar.');
    expect(messages['answers.woning']).toBe('Kies een van de antwoorden.');
  });

  it('validateAnswer gives the first message for the field', () => {
    expect(validateAnswer(q('vermogen'), 'veel')).toEqual({
      ok: false,
      message: 'Vul een getal in.',
    });
    expect(validateAnswer(q('vermogen'), -1)).toEqual({
      ok: false,
      message: 'Vul een bedrag van 0 of meer in.',
    });
    expect(validateAnswer(q('vermogen'), 250)).toEqual({ ok: true, value: 250 });
    expect(validateAnswer(q('huishouden'), [{ id: 'a', role: 'kind', age: 4 }])).toEqual({
      ok: false,
      message: 'Zet uzelf als eerste in het huishouden.',
    });
    expect(validateAnswer(q('schulden'), 'misschien')).toEqual({
      ok: false,
      message: 'Kies ja, nee of weet ik niet.',
    });
  });

  it('reads amounts as people type them', () => {
    expect(parseAmountInput('1.234,56')).toEqual({ ok: true, value: 1234.56 });
    expect(parseAmountInput('€ 850')).toEqual({ ok: true, value: 850 });
    expect(parseAmountInput('1.500')).toEqual({ ok: true, value: 1500 });
    expect(parseAmountInput('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseAmountInput('veel')).toEqual({ ok: false, message: 'Vul een getal in.' });
    expect(parseAmountInput('')).toEqual({ ok: false, message: 'Vul een getal in.' });
    expect(parseAmountInput('-20')).toEqual({
      ok: false,
      message: 'Vul een bedrag van 0 of meer in.',
    });
  });

  it('rejects answers to questions that do not exist', () => {
    expect(checkAnswersSchema.safeParse(check('full', { onbekend: answered('x') })).success).toBe(
      false,
    );
  });
});

describe('answersToHousehold', () => {
  it('maps the answers onto the household the engine reads', () => {
    expect(answersToHousehold(singleParent)).toEqual({
      gemeente: 'Dordrecht',
      members: [
        {
          id: 'm1',
          role: 'aanvrager',
          age: 34,
          incomes: [
            { type: 'loon', netMonthly: 1450 },
            { type: 'kinderbijslag', netMonthly: 160 },
          ],
        },
        { id: 'm2', role: 'kind', age: 6 },
        { id: 'm3', role: 'kind', age: 13 },
      ],
      savings: 300,
      moneyWorries: true,
      hasArrears: true,
      usesKinderopvang: false,
      housing: 'huur-sociaal',
      rentMonthly: 720,
      energyWorries: false,
      healthInsurance: 'andere-verzekering',
    });
  });

  it('keeps declined and "weet ik niet" unknown, never zero', () => {
    const h = answersToHousehold(
      check('full', {
        vermogen: { status: 'declined' },
        schulden: answered('weet-niet'),
        'inkomen-aanvrager': { status: 'unknown' },
        huishouden: answered([{ id: 'a', role: 'aanvrager', age: 40 }]),
      }),
    );
    expect(h.savings).toBeUndefined();
    expect(h.hasDebts).toBeUndefined();
    expect(h.members?.[0]?.incomes).toBeUndefined();
  });

  it('ignores answers to questions that are hidden now', () => {
    const h = answersToHousehold(
      check('full', {
        huishouden: answered([{ id: 'a', role: 'aanvrager', age: 40 }]),
        'inkomen-partner': answered([{ type: 'loon', netMonthly: 3000 }]),
        woning: answered('inwonend'),
        woonlasten: answered(900),
        eenzaam: answered('vaak'),
      }),
    );
    expect(h.members).toEqual([{ id: 'a', role: 'aanvrager', age: 40 }]);
    expect(h.rentMonthly).toBeUndefined();
  });

  it('puts a mortgage under mortgage, and the Gemeentepolis under what the household already gets', () => {
    const h = answersToHousehold(
      check('short', {
        woning: answered('koop'),
        woonlasten: answered(800),
        zorgverzekering: answered('gemeentepolis'),
        'ontvangt-al': answered(['zorgtoeslag', 'geen']),
      }),
    );
    expect(h.mortgageMonthly).toBe(800);
    expect(h.rentMonthly).toBeUndefined();
    expect(h.receives).toEqual(['zorgtoeslag', 'collectieve-zorgverzekering-minima']);
  });

  it('drops full-only answers in a short check', () => {
    const h = answersToHousehold(
      check('short', { 'vaste-lasten': answered(300), vermogen: answered(10) }),
    );
    expect(h.fixedCostsMonthly).toBeUndefined();
    expect(h.savings).toBe(10);
  });
});

describe('summariseCheck', () => {
  it('single parent on a low income: Dordtpas and SMS-Kinderfonds to apply for, with referrals', () => {
    // Loon 1450 (kinderbijslag not counted) ≤ 140% of € 1.369,06 = € 1.916,68; kids 6 and 13; spaargeld 300.
    const outcomes = evaluateRegelingen(
      answersToHousehold(singleParent),
      rules2026,
      norms2026,
      '2025-09-01',
    );
    const summary = summariseCheck(singleParent, outcomes);
    const apply = summary.regelingenToApply.map((o) => o.regeling);
    expect(apply).toEqual(expect.arrayContaining(['dordtpas', 'sms-kinderfonds']));
    const sms = outcomes.find((o) => o.regeling === 'sms-kinderfonds');
    expect(sms?.status).toBe('waarschijnlijk-recht');
    expect(sms?.estimatedYearlyValue).toBe(800);
    expect(outcomes.find((o) => o.regeling === 'dordtpas')?.status).toBe('waarschijnlijk-recht');

    const meedoen = summary.fundamenten.find((f) => f.id === 'meedoen');
    expect(meedoen?.regelingen.map((o) => o.regeling)).toEqual(['sms-kinderfonds', 'dordtpas']);
    const inkomen = summary.fundamenten.find((f) => f.id === 'inkomen');
    expect(inkomen?.action.map((f) => f.key)).toEqual([
      'check.findings.rondkomenMoeilijk',
      'check.findings.achterstanden',
    ]);
    expect(summary.fundamenten.find((f) => f.id === 'wonen')?.good.map((f) => f.text)).toEqual([
      'Geen zorgen over de energierekening.',
    ]);
    // Arrears open the door to schuldhulp (finding + rule), budgetcoach (rondkomen) and Energiehulp (rule: achterstanden).
    expect(summary.referrals.map((r) => r.id)).toEqual([
      'schuldhulpverlening',
      'budgetcoach',
      'energiehulp',
    ]);
    expect(summary.declined).toEqual(['schulden']);
    expect(summary.consentGiven).toBe(true);
    expect(summary.fundamenten.map((f) => f.id)).toEqual([...TOPIC_IDS]);
  });

  it('does not list what the household already gets or has no right to', () => {
    const answers = check('short', {
      woonplaats: answered('zwijndrecht'),
      huishouden: answered([{ id: 'a', role: 'aanvrager', age: 50 }]),
      'inkomen-aanvrager': answered([
        { type: 'bijstand', netMonthly: 1369.06 },
        { type: 'zorgtoeslag', netMonthly: 120 },
      ]),
      vermogen: answered(0),
      zorgverzekering: answered('andere-verzekering'),
    });
    const outcomes = evaluateRegelingen(
      answersToHousehold(answers),
      rules2026,
      norms2026,
      '2025-09-01',
    );
    const apply = summariseCheck(answers, outcomes).regelingenToApply.map((o) => o.regeling);
    expect(apply).not.toContain('dordtpas');
    expect(apply).not.toContain('zorgtoeslag');
  });
});

describe('questions added for issue 9 (car, vakantiegeld, 12 months, AOW, illness)', () => {
  const base = {
    woonplaats: answered('dordrecht'),
    huishouden: answered([{ id: 'm1', role: 'aanvrager', age: 40 }]),
    'inkomen-aanvrager': answered([{ type: 'loon', netMonthly: 1950 }]),
    vermogen: answered(0),
  };

  it('maps the answers onto the household the engine reads', () => {
    const h = answersToHousehold(
      check('full', {
        ...base,
        vermogen: answered(5000),
        auto: answered('ja'),
        'auto-waarde': answered(4000),
        vakantiegeld: answered('nee'),
        'laag-inkomen-lang': answered('ja'),
        'ziekte-werk': answered('weet-niet'),
      }),
    );
    expect(h).toMatchObject({
      savings: 5000,
      hasCar: true,
      carValue: 4000,
      vakantiegeldIncluded: false,
      lowIncomeLongTerm: true,
    });
    expect(h.illnessLimitsWork).toBeUndefined();
  });

  it('asks for the car value only when there is a car, and the car only in the full check', () => {
    expect(isQuestionVisible(check('full', {}), q('auto'))).toBe(true);
    expect(isQuestionVisible(check('short', {}), q('auto'))).toBe(false);
    expect(isQuestionVisible(check('full', { auto: answered('nee') }), q('auto-waarde'))).toBe(
      false,
    );
    expect(isQuestionVisible(check('full', { auto: answered('ja') }), q('auto-waarde'))).toBe(true);
  });

  it('asks about an incomplete AOW only when the aanvrager or partner has AOW age', () => {
    expect(isQuestionVisible(check('short', base), q('aow-onvolledig'))).toBe(false);
    const older = check('short', {
      ...base,
      huishouden: answered([
        { id: 'm1', role: 'aanvrager', age: 60 },
        { id: 'm2', role: 'partner', age: 68 },
      ]),
    });
    expect(isQuestionVisible(older, q('aow-onvolledig'))).toBe(true);
  });

  it('the vakantiegeld answer decides the Dordtpas for the issue example (1950 on 30-11-2026)', () => {
    // 140% × 1419,46 = 1987,24. Included: 1950 → W. Apart: 1950 × 1,08 = 2106 → G. Not asked: misschien.
    const status = (v?: string) =>
      evaluateRegelingen(
        answersToHousehold(
          check('short', v === undefined ? base : { ...base, vakantiegeld: answered(v) }),
        ),
        rules2026,
        norms2026,
        '2026-11-30',
      ).find((o) => o.regeling === 'dordtpas')?.status;
    expect(status('ja')).toBe('waarschijnlijk-recht');
    expect(status('nee')).toBe('geen-recht');
    expect(status()).toBe('misschien');
  });
});
