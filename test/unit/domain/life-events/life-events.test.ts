import { describe, expect, it } from 'vitest';
import data from '../../../../src/domain/life-events/data/life-events.json';
import {
  LIFE_EVENT_IDS,
  lifeEventsSchema,
  type LifeEvent,
} from '../../../../src/domain/life-events/schema';
import { LIFE_EVENTS, checkStartFor } from '../../../../src/domain/life-events/life-events';
import { checkAnswersSchema, emptyCheckAnswers } from '../../../../src/domain/check/answers-schema';
import { getQuestion } from '../../../../src/domain/check/questions';
import { isQuestionVisible } from '../../../../src/domain/check/skip-logic';
import { rules2026 } from '../../../../src/domain/eligibility/data-2026';
import regelingen from '../../../../src/domain/catalogue/data/regelingen.json';

const regelingIds = new Set([
  ...regelingen.map((r) => r.id),
  ...rules2026.rules.map((r) => r.regeling),
]);

describe('the life events', () => {
  it('parse, and all eight from the issue are there, once each', () => {
    expect(LIFE_EVENTS.map((e) => e.id)).toEqual([...LIFE_EVENT_IDS]);
    expect(LIFE_EVENT_IDS).toHaveLength(8);
  });

  it('refuse an event without its Arabic text, a fact without a source, a deadline without one', () => {
    const copy = () => structuredClone(data) as unknown as LifeEvent[];
    const noArabic = copy() as unknown as { title: Record<string, string> }[];
    delete noArabic[0]!.title.ar;
    expect(lifeEventsSchema.safeParse(noArabic).success).toBe(false);
    const noSource = copy();
    noSource[1]!.changes[0]!.source = [];
    expect(lifeEventsSchema.safeParse(noSource).success).toBe(false);
    const deadline = copy() as unknown as { changes: { deadline: object }[] }[];
    deadline[0]!.changes[0]!.deadline = { text: { nl: 'Snel', en: 'Soon', ar: 'قريبًا' } };
    expect(lifeEventsSchema.safeParse(deadline).success).toBe(false);
    const missing = copy().slice(1);
    expect(lifeEventsSchema.safeParse(missing).success).toBe(false);
  });

  it('name only regelingen that exist in the catalogue or the check', () => {
    const named = LIFE_EVENTS.flatMap((e) => e.changes.flatMap((c) => c.regeling ?? []));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((id) => !regelingIds.has(id))).toEqual([]);
  });

  it('give every fact, deadline and event a source, and every text in nl, en and ar', () => {
    for (const event of LIFE_EVENTS) {
      expect(event.source.length).toBeGreaterThan(0);
      const texts = [event.title, event.intro, ...event.changes.map((c) => c.text)];
      for (const change of event.changes) {
        expect(change.source.length, `${event.id}: ${change.text.nl}`).toBeGreaterThan(0);
        if ('text' in change.deadline) {
          expect(change.deadline.source.length).toBeGreaterThan(0);
          texts.push(change.deadline.text);
        }
      }
      for (const t of texts) {
        // Parity: three different texts, and the Arabic one is written in Arabic script.
        expect(new Set([t.nl, t.en, t.ar]).size, t.nl).toBe(3);
        expect(/[\u0600-\u06ff]/.test(t.ar), t.ar).toBe(true);
      }
    }
  });

  it('keep B1 sentences short in Dutch (no sentence over 25 words)', () => {
    for (const event of LIFE_EVENTS) {
      for (const t of [event.intro, ...event.changes.map((c) => c.text)]) {
        for (const sentence of t.nl.split(/[.?!]\s/)) {
          expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(25);
        }
      }
    }
  });

  it('states a deadline only where a source gives one (the rest say "unknown")', () => {
    const deadlines = LIFE_EVENTS.flatMap((e) => e.changes.map((c) => c.deadline));
    expect(deadlines.some((d) => 'unknown' in d)).toBe(true);
    expect(deadlines.some((d) => 'text' in d)).toBe(true);
  });
});

describe('checkStartFor', () => {
  it.each(LIFE_EVENT_IDS)(
    '%s: answers the check schema accepts, known topics and questions',
    (id) => {
      const start = checkStartFor(id);
      expect(start.lifeEvent).toBe(id);
      expect(start.topics.length).toBeGreaterThan(0);
      for (const variant of ['short', 'full'] as const) {
        const answers = { ...emptyCheckAnswers(variant), answers: start.answers };
        const parsed = checkAnswersSchema.safeParse(answers);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
      for (const q of start.questions) {
        const question = getQuestion(q);
        expect(question, q).toBeDefined();
        // The questions to look at are on the topics the check opens with.
        expect(start.topics).toContain(question?.topic);
      }
    },
  );

  it('18 worden: the resident is 18, and the toeslagen and zorgverzekering questions are asked', () => {
    const start = checkStartFor('18-worden');
    expect(start.answers.huishouden).toEqual({
      status: 'answered',
      value: [{ id: 'm1', role: 'aanvrager', age: 18 }],
    });
    expect(start.topics[0]).toBe('inkomen');
    expect(start.questions).toEqual(expect.arrayContaining(['zorgverzekering', 'ontvangt-al']));
    const short = { ...emptyCheckAnswers('short'), answers: start.answers };
    expect(isQuestionVisible(short, getQuestion('zorgverzekering')!)).toBe(true);
  });

  it('AOW: the resident has the AOW age, so the question about an incomplete AOW shows', () => {
    const start = checkStartFor('met-pensioen');
    const short = { ...emptyCheckAnswers('short'), answers: start.answers };
    expect(isQuestionVisible(short, getQuestion('aow-onvolledig')!)).toBe(true);
  });

  it('gives a fresh copy each time (a caller changing it changes nothing for the next)', () => {
    const first = checkStartFor('18-worden');
    first.answers.huishouden = { status: 'declined' };
    first.topics.push('vertrouwen');
    expect(checkStartFor('18-worden').answers.huishouden?.status).toBe('answered');
    expect(checkStartFor('18-worden').topics).not.toContain('vertrouwen');
  });
});
