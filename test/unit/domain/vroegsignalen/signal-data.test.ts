import { describe, expect, it } from 'vitest';
import {
  newSignalInputSchema,
  parseSignalData,
  signalDataFrom,
} from '../../../../src/domain/signals/signal-schema';

const base = {
  category: 'achterstand-huur',
  urgency: 'normaal',
  residentName: 'Proefstraat 2',
  contactWay: 'adres',
  contactValue: 'Proefstraat 2',
  dueAt: '2026-12-31',
};

describe('a vroegsignaal as signal data', () => {
  it('allows the legal basis "wettelijke taak" only on an imported vroegsignaal', () => {
    expect(
      parseSignalData({ ...base, consent: 'wettelijke-taak', source: 'vroegsignaal' }),
    ).not.toBeNull();
    expect(parseSignalData({ ...base, consent: 'wettelijke-taak' })).toBeNull();
    // The worker's form never offers it.
    expect(
      newSignalInputSchema.safeParse({ ...base, wijk: 'wielwijk', consent: 'wettelijke-taak' })
        .success,
    ).toBe(false);
  });

  it('links a signal raised during a visit to the vroegsignaal', () => {
    const input = newSignalInputSchema.parse({
      ...base,
      category: 'eenzaamheid',
      wijk: 'wielwijk',
      consent: 'gegeven',
      fromSignal: 'vroeg-1',
    });
    expect(signalDataFrom(input)).toMatchObject({ fromSignal: 'vroeg-1', consent: 'gegeven' });
  });
});
