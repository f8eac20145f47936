import { describe, expect, it } from 'vitest';
import regelingen from '../../../src/domain/catalogue/data/regelingen.json';
import fundamenten from '../../../src/domain/catalogue/data/fundamenten.json';
import wijken from '../../../src/domain/catalogue/data/wijken.json';
import organisations from '../../../src/domain/catalogue/data/organisations.json';
import overlayEn from '../../../src/domain/catalogue/i18n/overlay-en.json';
import overlayAr from '../../../src/domain/catalogue/i18n/overlay-ar.json';
import {
  catalogueOverlaySchema,
  localiseOutcome,
  localiseRegeling,
  type CatalogueOverlay,
} from '../../../src/domain/catalogue/overlay';
import { norms2026, rules2026 } from '../../../src/domain/eligibility/data-2026';
import { REFERRAL_IDS } from '../../../src/domain/check/question-schema';
import { evaluateRegelingen } from '../../../src/domain/eligibility/evaluate';
import { regelingSchema } from '../../../src/domain/catalogue/schema';
import { dutchDetector } from '../../helpers/dutch-detector';

/**
 * The English and Arabic texts of what the check suggests: every regeling the rules judge and every
 * partner it refers to, with as many steps and documents as the Dutch, and every condition label.
 */
const OVERLAYS: Record<string, CatalogueOverlay> = {
  en: catalogueOverlaySchema.parse(overlayEn),
  ar: catalogueOverlaySchema.parse(overlayAr),
};
const catalogue = regelingen.map((r) => regelingSchema.parse(r));

/** A Dutch field with something to translate: a non-empty text or list. */
function hasText(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
}

function conditionLabels(): Set<string> {
  const labels = new Set<string>();
  const walk = (c: { label: string; conditions?: readonly { label: string }[] }) => {
    labels.add(c.label);
    for (const child of c.conditions ?? []) walk(child);
  };
  for (const rule of rules2026.rules) for (const c of rule.conditions) walk(c);
  return labels;
}

/**
 * The Dutch texts from the rules and norms data that reach an outcome: rule and condition notes,
 * estimate labels, norm and limit notes, vakantiegeld labels.
 */
function engineDataTexts(): Set<string> {
  const texts = new Set<string>();
  const walk = (c: { note?: string | undefined; conditions?: readonly object[] }) => {
    if (c.note !== undefined) texts.add(c.note);
    for (const child of c.conditions ?? []) walk(child as typeof c);
  };
  for (const rule of rules2026.rules) {
    for (const note of rule.notes) texts.add(note);
    for (const c of rule.conditions) walk(c);
    if (rule.estimate) texts.add(rule.estimate.label);
  }
  for (const table of [norms2026.bijstandsnormen, norms2026.vermogensgrenzen])
    for (const p of table.pending) texts.add(p.note);
  for (const r of norms2026.limits.records) if (r.note !== undefined) texts.add(r.note);
  for (const share of norms2026.vakantiegeld) texts.add(share.label);
  return texts;
}

describe.each(Object.entries(OVERLAYS))('catalogue overlay %s', (_language, overlay) => {
  it('covers the regelingen the check judged before the 2026 rule update and every partner', () => {
    const rules = new Set<string>(rules2026.rules.map((r) => r.regeling));
    for (const id of Object.keys(overlay.rules)) expect(rules.has(id), id).toBe(true);
    for (const id of REFERRAL_IDS) expect(overlay.regelingen[id], id).toBeDefined();
  });

  it('has a step, document and amount for each Dutch one', () => {
    const problems: string[] = [];
    for (const [id, texts] of Object.entries(overlay.regelingen)) {
      const dutch = catalogue.find((r) => r.id === id);
      if (!dutch) {
        problems.push(`${id}: not in the catalogue`);
        continue;
      }
      // A list given must match the Dutch one; a summary-only entry (for the list page) is fine.
      for (const field of ['howToApply', 'documents', 'conditions'] as const) {
        const list = texts[field];
        if (list && list.length !== dutch[field].length) problems.push(`${id}: ${field}`);
      }
      if (
        texts.howToApply &&
        (texts.accessPoint === undefined) !== (dutch.accessPoint === undefined)
      )
        problems.push(`${id}: accessPoint`);
    }
    for (const rule of rules2026.rules) {
      const texts = overlay.rules[rule.regeling];
      // Not translated yet, or written for older Dutch steps: localiseOutcome keeps the Dutch.
      if (!texts || texts.howToApply.length !== rule.howToApply.length) continue;
      if (texts.howToApply.length !== rule.howToApply.length)
        problems.push(`rule ${rule.regeling}: howToApply`);
      if (texts.documents.length !== rule.documents.length)
        problems.push(`rule ${rule.regeling}: documents`);
      if (texts.knownAmounts.length !== rule.knownAmounts.length)
        problems.push(`rule ${rule.regeling}: knownAmounts`);
    }
    expect(problems).toEqual([]);
  });

  it("translates every editors' note the engine passes on, and no note it does not", () => {
    const wanted = engineDataTexts();
    const missing = [...wanted].filter((t) => !(t in overlay.dataTexts));
    const extra = Object.keys(overlay.dataTexts).filter((t) => !wanted.has(t));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('translates every resident-facing field of every regeling and every organisation summary', () => {
    const problems: string[] = [];
    for (const regeling of catalogue) {
      const texts = overlay.regelingen[regeling.id];
      if (!texts) {
        problems.push(`${regeling.id}: missing`);
        continue;
      }
      const local = localiseRegeling(regeling, overlay);
      // Each field the Dutch has must be in the overlay's language (a list of the same length).
      for (const [field, done] of Object.entries(local.translated))
        if (!done && hasText(regeling[field as keyof typeof local.translated]))
          problems.push(`${regeling.id}: ${field}`);
    }
    for (const organisation of organisations)
      if (hasText(organisation.summary) && !overlay.organisations[organisation.id])
        problems.push(`organisation ${organisation.id}: summary`);
    expect(problems).toEqual([]);
  });

  it('reads as its own language: no regeling, organisation or note text in it is Dutch', () => {
    const detector = dutchDetector(_language as 'en' | 'ar');
    const texts = [
      ...Object.values(overlay.regelingen).flatMap((r) => Object.values(r).flat()),
      ...Object.values(overlay.organisations).map((o) => o.summary),
      ...Object.values(overlay.dataTexts),
    ];
    const dutch = texts.flatMap((t) => {
      const why = detector.why(t);
      return why ? [`${why}: ${t.slice(0, 100)}`] : [];
    });
    expect(dutch).toEqual([]);
  });

  it('translates only condition labels the rules use', () => {
    const labels = conditionLabels();
    const stale = Object.keys(overlay.conditionLabels).filter((l) => !labels.has(l));
    expect(stale.length).toBeLessThan(Object.keys(overlay.conditionLabels).length);
  });

  it('keeps the Dutch when a translation no longer matches the Dutch steps', () => {
    const outcome = evaluateRegelingen({}, rules2026, norms2026, '2026-03-01')[0]!;
    const stale: CatalogueOverlay = {
      ...overlay,
      rules: {
        [outcome.regeling]: {
          name: 'Stale',
          howToApply: [...outcome.howToApply, 'one step too many'],
          documents: outcome.documents,
          knownAmounts: outcome.knownAmounts.map((a) => a.label),
        },
      },
    };
    expect(localiseOutcome(outcome, stale).howToApply).toEqual(outcome.howToApply);
    expect(localiseOutcome(outcome, stale).name).toBe(outcome.name);
  });

  it('puts the translation into an outcome and a regeling', () => {
    const outcomes = evaluateRegelingen({}, rules2026, norms2026, '2026-03-01');
    const dordtpas = outcomes.find((o) => o.regeling === 'dordtpas')!;
    const local = localiseOutcome(dordtpas, overlay);
    if (overlay.rules.dordtpas!.howToApply.length === dordtpas.howToApply.length) {
      expect(local.name).toBe(overlay.rules.dordtpas!.name);
      expect(local.howToApply).toEqual(overlay.rules.dordtpas!.howToApply);
    }
    expect(
      local.reasons.some((r) => Object.values(overlay.conditionLabels).includes(r.label)),
    ).toBe(true);
    const regeling = localiseRegeling(
      catalogue.find((r) => r.id === 'dordtpas')!,
      overlay,
    );
    expect(regeling.summary).toBe(overlay.regelingen.dordtpas!.summary);
    // The name a resident asks for at the counter stays Dutch.
    expect(regeling.name).toBe('Dordtpas');
  });

  it('translates every rule of 2026, with its next step', () => {
    const problems: string[] = [];
    for (const rule of rules2026.rules) {
      const texts = overlay.rules[rule.regeling];
      if (!texts) problems.push(`${rule.regeling}: missing`);
      else if ((rule.nextStep === undefined) !== (texts.nextStep === undefined))
        problems.push(`${rule.regeling}: nextStep`);
      else if (
        texts.howToApply.length !== rule.howToApply.length ||
        texts.documents.length !== rule.documents.length ||
        texts.knownAmounts.length !== rule.knownAmounts.length
      )
        problems.push(`${rule.regeling}: lengths`);
    }
    const labels = [...conditionLabels()].filter((l) => !(l in overlay.conditionLabels));
    expect(problems).toEqual([]);
    expect(labels).toEqual([]);
  });

  it("translates the next step in each of the engine's three ways, and amounts a household gets", () => {
    const ruleOf = (id: string) => rules2026.rules.find((r) => r.regeling === id);
    // Nothing answered: "fill in first" with the fields in the overlay's words.
    for (const o of evaluateRegelingen({}, rules2026, norms2026, '2026-03-01')) {
      const local = localiseOutcome(o, overlay, ruleOf(o.regeling));
      if (o.status === 'misschien' && o.missing.length > 0) {
        const prefix = overlay.outcomeTexts.fillFirst.split('{{fields}}')[0]!;
        expect(local.nextStep, o.regeling).toContain(prefix);
        expect(local.nextStep, o.regeling).toContain(overlay.outcomeTexts.fields[o.missing[0]!]);
      }
      expect(local.nextStep ?? '', o.regeling).not.toMatch(/Vul eerst in|U krijgt dit al/);
    }
    // A child of 7: the engine lists only the primary-school amount, still translated.
    const household = {
      gemeente: 'Dordrecht',
      members: [
        {
          role: 'aanvrager' as const,
          age: 32,
          incomes: [{ type: 'bijstand' as const, netMonthly: 1450 }],
        },
        { role: 'kind' as const, age: 7, incomes: [] },
      ],
      savings: 250,
    };
    const outcomes = evaluateRegelingen(household, rules2026, norms2026, '2026-03-01');
    const sms = outcomes.find((o) => o.regeling === 'sms-kinderfonds')!;
    const rule = ruleOf('sms-kinderfonds')!;
    expect(sms.knownAmounts.length).toBeLessThan(rule.knownAmounts.length);
    const local = localiseOutcome(sms, overlay, rule);
    expect(local.howToApply).toEqual(overlay.rules['sms-kinderfonds']!.howToApply);
    for (const amount of local.knownAmounts)
      expect(overlay.rules['sms-kinderfonds']!.knownAmounts).toContain(amount.label);
    if (sms.status === 'waarschijnlijk-recht' && !sms.alreadyReceiving)
      expect(local.nextStep).toBe(overlay.rules['sms-kinderfonds']!.nextStep);
  });

  it('has a summary for every regeling and fundament, and wijk texts that match the Dutch', () => {
    const problems: string[] = [];
    for (const r of regelingen) if (!overlay.regelingen[r.id]) problems.push(`regeling ${r.id}`);
    for (const f of fundamenten) if (!overlay.fundamenten[f.id]) problems.push(`fundament ${f.id}`);
    for (const [id, texts] of Object.entries(overlay.wijken)) {
      const wijk = wijken.find((w) => w.id === id);
      if (!wijk) problems.push(`wijk ${id}: not in the catalogue`);
      else {
        if (texts.facts.length !== wijk.facts.length) problems.push(`wijk ${id}: facts`);
        if (texts.placeDescriptions.length !== (wijk.places ?? []).length)
          problems.push(`wijk ${id}: places`);
        for (const stat of wijk.stats ?? [])
          if (!overlay.statLabels[stat.label]) problems.push(`wijk ${id}: stat ${stat.label}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
