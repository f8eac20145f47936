import { describe, expect, it } from 'vitest';
import { emptyCheckAnswers } from '../../../../src/domain/check/answers-schema';
import { spreekuurOverview } from '../../../../src/domain/spreekuur/overview';
import { quickCheckStartSchema } from '../../../../src/domain/spreekuur/quick-check-start';
import { buildTally, quickCheckTallySchema } from '../../../../src/domain/spreekuur/tally';

const ID = '01JQ0000000000000000000000';

describe('a quick check tally', () => {
  it('keeps which questions came up, never what was said', () => {
    const answers = {
      ...emptyCheckAnswers('short'),
      answers: {
        vermogen: { status: 'answered' as const, value: 97531 },
        schulden: { status: 'declined' as const },
        woning: { status: 'unknown' as const },
      },
    };
    const tally = buildTally({
      id: ID,
      day: '2026-11-30',
      wijk: undefined,
      answers,
      suggested: ['zorgtoeslag', 'dordtpas', 'dordtpas'],
      applied: ['dordtpas'],
      summaryLanguage: 'ar',
      lifeEvent: '18-worden',
    });
    expect(tally).toEqual({
      id: ID,
      day: '2026-11-30',
      wijk: 'unknown',
      suggested: ['dordtpas', 'zorgtoeslag'],
      applied: ['dordtpas'],
      topics: ['inkomen', 'wonen'],
      questions: ['schulden', 'vermogen', 'woning'],
      summaryLanguage: 'ar',
      lifeEvent: '18-worden',
    });
    expect(JSON.stringify(tally)).not.toContain('97531');
  });

  it('refuses free text, amounts and unknown keys', () => {
    const ok = {
      id: ID,
      day: '2026-11-30',
      wijk: 'crabbehof',
      suggested: [],
      applied: [],
      topics: [],
      questions: [],
      summaryLanguage: 'none',
    };
    expect(quickCheckTallySchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, amount: 12 },
      { ...ok, wijk: 'Mevrouw de Vries' },
      { ...ok, questions: ['vermogen=97531'] },
      { ...ok, lifeEvent: 'ik word 18 en woon op de Singel 3' },
      { ...ok, day: '30-11-2026' },
    ])
      expect(quickCheckTallySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('a start from a life event is checked like typed answers', () => {
    expect(
      quickCheckStartSchema.safeParse({
        answers: { vermogen: { status: 'answered', value: 100 } },
        topics: ['inkomen'],
        lifeEvent: '18-worden',
      }).success,
    ).toBe(true);
    expect(
      quickCheckStartSchema.safeParse({ answers: { bestaatniet: { status: 'unknown' } } }).success,
    ).toBe(false);
    expect(
      quickCheckStartSchema.safeParse({ answers: { vermogen: { status: 'answered', value: -5 } } })
        .success,
    ).toBe(false);
  });

  it('the overview counts residents, topics, regelingen and languages', () => {
    const base = {
      day: '2026-11-30',
      wijk: 'unknown',
      questions: [],
      summaryLanguage: 'nl' as const,
    };
    const o = spreekuurOverview([
      { ...base, id: 'a', suggested: ['dordtpas'], applied: ['dordtpas'], topics: ['inkomen'] },
      { ...base, id: 'b', suggested: ['dordtpas', 'zorgtoeslag'], applied: [], topics: [] },
    ]);
    expect(o.residents).toBe(2);
    expect(o.suggested).toEqual([
      { id: 'dordtpas', n: 2 },
      { id: 'zorgtoeslag', n: 1 },
    ]);
    expect(o.applied).toEqual([{ id: 'dordtpas', n: 1 }]);
    expect(o.languages).toEqual([{ id: 'nl', n: 2 }]);
  });
});
