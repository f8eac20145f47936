import { describe, expect, it } from 'vitest';
import type { HandoverDirectory } from '../../../../src/domain/signals/handover';
import { DEFAULT_TEAMS, resolveHandover } from '../../../../src/domain/signals/handover';
import { SIGNAL_CATEGORIES, SIGNAL_CATEGORY_IDS } from '../../../../src/domain/signals/categories';
import {
  addDays,
  defaultDueDate,
  signalDataFrom,
  validateNewSignal,
} from '../../../../src/domain/signals/signal-schema';
import { signalIndexFromData } from '../../../../src/domain/signals/signal-index';
import { sourceRefSchema } from '../../../../src/domain/catalogue/schema';

const TODAY = '2026-11-23';
const directory: HandoverDirectory = {
  teams: DEFAULT_TEAMS,
  organisations: [
    { id: 'sociaal-wijkteam', name: 'Sociaal wijkteam', acceptsReferrals: true },
    { id: 'veilig-thuis', name: 'Veilig Thuis', acceptsReferrals: true },
    { id: 'ocd', name: 'OCD', acceptsReferrals: false },
  ],
};
const context = { today: TODAY, directory, wijken: ['wielwijk', 'crabbehof'] };

const valid = {
  category: 'achterstand-huur',
  wijk: 'wielwijk',
  urgency: 'hoog',
  consent: 'gegeven',
  residentName: 'Mevrouw A (fictief)',
  contactWay: 'telefoon',
  contactValue: '06 1234 5678',
  dueAt: '2026-11-26',
};

function fields(input: unknown) {
  const result = validateNewSignal(input, context);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.code]));
}

describe('signal taxonomy', () => {
  it('has every category from the seeds, each with a valid source', () => {
    expect(SIGNAL_CATEGORY_IDS).toHaveLength(14);
    for (const c of SIGNAL_CATEGORIES) {
      expect(c.source.length).toBeGreaterThan(0);
      for (const s of c.source) expect(sourceRefSchema.safeParse(s).success).toBe(true);
    }
    expect(SIGNAL_CATEGORIES.filter((c) => c.route === 'safety').map((c) => c.id)).toEqual([
      'veiligheid',
    ]);
  });
});

describe('validateNewSignal', () => {
  it('accepts a complete signal', () => {
    const result = validateNewSignal(valid, context);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.assignedToTeam).toBeNull();
  });

  it('refuses a signal without a category, with a clear Dutch message', () => {
    const result = validateNewSignal({ ...valid, category: undefined }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        {
          field: 'category',
          code: 'categoryRequired',
          message: 'Kies waar het signaal over gaat.',
        },
      ]);
    }
  });

  it('refuses a due date in the past but accepts today', () => {
    expect(fields({ ...valid, dueAt: '2026-11-22' })).toEqual({ dueAt: 'dueDatePast' });
    expect(fields({ ...valid, dueAt: TODAY })).toEqual({});
    expect(fields({ ...valid, dueAt: '23-11-2026' })).toEqual({ dueAt: 'dueDateInvalid' });
    expect(fields({ ...valid, dueAt: '' })).toEqual({ dueAt: 'dueDateRequired' });
  });

  it('refuses a handover to an unknown team or organisation', () => {
    expect(fields({ ...valid, handoverTo: { kind: 'team', id: 'team-bestaat-niet' } })).toEqual({
      handoverTo: 'handoverUnknownTeam',
    });
    expect(fields({ ...valid, handoverTo: { kind: 'organisation', id: 'ocd' } })).toEqual({
      handoverTo: 'handoverUnknownOrganisation',
    });
    expect(fields({ ...valid, handoverTo: { kind: 'organisation', id: 'veilig-thuis' } })).toEqual({
      handoverTo: 'handoverExternalAtStart',
    });
  });

  it('turns a handover to the wijkteam organisation into its team for the wijk', () => {
    const result = validateNewSignal(
      { ...valid, handoverTo: { kind: 'organisation', id: 'sociaal-wijkteam' } },
      context,
    );
    expect(result.ok && result.value.assignedToTeam).toBe('team-wijkteam-west');
    expect(resolveHandover({ kind: 'team', id: 'team-geldpraatje' }, null, directory)).toEqual({
      ok: true,
      value: { kind: 'team', teamId: 'team-geldpraatje', name: 'Geldpraatje' },
    });
  });

  it('allows acting without consent only for safety, and only with a reason', () => {
    expect(fields({ ...valid, consent: 'zonder', consentReason: 'Zorgen' })).toEqual({
      consent: 'consentOnlyForSafety',
    });
    expect(fields({ ...valid, category: 'veiligheid', consent: 'zonder' })).toEqual({
      consentReason: 'consentReasonRequired',
    });
    expect(
      fields({
        ...valid,
        category: 'veiligheid',
        consent: 'zonder',
        consentReason: 'Kind in gevaar',
      }),
    ).toEqual({});
    expect(fields({ ...valid, consent: undefined })).toEqual({ consent: 'consentRequired' });
  });

  it('checks the one contact way and the least personal data', () => {
    expect(fields({ ...valid, contactValue: 'bel me' })).toEqual({ contactValue: 'phoneInvalid' });
    expect(fields({ ...valid, contactWay: 'e-mail', contactValue: 'geen-mail' })).toEqual({
      contactValue: 'emailInvalid',
    });
    expect(fields({ ...valid, residentName: '  ' })).toEqual({ residentName: 'nameRequired' });
    expect(fields({ ...valid, residentName: 'x'.repeat(81) })).toEqual({
      residentName: 'nameTooLong',
    });
    expect(fields({ ...valid, wijk: 'atlantis' })).toEqual({ wijk: 'wijkUnknown' });
    expect(fields({ ...valid, note: 'x'.repeat(501) })).toEqual({ note: 'noteTooLong' });
  });

  it('reports every problem at once', () => {
    expect(Object.keys(fields({}))).toEqual(
      expect.arrayContaining(['category', 'wijk', 'urgency', 'consent', 'residentName', 'dueAt']),
    );
  });

  it('keeps the personal data in data and derives the clear index fields', () => {
    const result = validateNewSignal({ ...valid, note: 'Brief van de verhuurder' }, context);
    if (!result.ok) throw new Error('expected valid');
    const data = signalDataFrom(result.value);
    expect(data).not.toHaveProperty('wijk');
    expect(data).not.toHaveProperty('handoverTo');
    expect(signalIndexFromData(data)).toEqual({
      category: 'achterstand-huur',
      urgency: 'hoog',
      dueAt: '2026-11-26',
    });
    expect(signalIndexFromData({ category: 'nope', residentName: 'x' })).toEqual({});
  });

  it('fills in a due date from the urgency', () => {
    expect(defaultDueDate(TODAY, 'spoed')).toBe('2026-11-24');
    expect(defaultDueDate(TODAY, 'normaal')).toBe('2026-12-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
