import { describe, expect, it } from 'vitest';
import type { EventAuthor } from '../../../../src/domain/signals/note-visibility';
import {
  signalEventForViewer,
  signalEventVisibility,
} from '../../../../src/domain/signals/note-visibility';

const volunteer = { id: 'vera', role: 'vrijwilliger' as const, teamId: 'team-geldpraatje' };
const wim = { id: 'wim', role: 'wijkteam' as const, teamId: 'team-wijkteam-west' };
const wendy = { id: 'wendy', role: 'wijkteam' as const, teamId: 'team-wijkteam-west' };
const tara = { id: 'tara', role: 'toekomstmakelaar' as const, teamId: 'team-toekomstmakelaars' };
const author = (u: typeof wim | typeof volunteer | typeof tara): EventAuthor => u;

describe('signal note visibility', () => {
  it('hides the wijkteam notes from the volunteer who handed the signal over', () => {
    const noteEvent = {
      kind: 'note',
      createdBy: 'wim',
      body: { message: 'Schulden bij 4 partijen' },
    };
    expect(signalEventVisibility(volunteer, noteEvent, author(wim))).toBe('hidden');
    expect(signalEventForViewer(volunteer, noteEvent, author(wim))).toBeNull();
    expect(signalEventVisibility(wendy, noteEvent, author(wim))).toBe('full');
    expect(signalEventVisibility(wim, noteEvent, author(wim))).toBe('full');
  });

  it('shows the volunteer the status change but not the message with it', () => {
    const contact = {
      kind: 'status',
      createdBy: 'wim',
      body: { from: 'opgepakt', to: 'contact-gelegd', message: 'Gesproken over de huur' },
    };
    expect(signalEventVisibility(volunteer, contact, author(wim))).toBe('without-message');
    expect(signalEventForViewer(volunteer, contact, author(wim))).toEqual({
      kind: 'status',
      createdBy: 'wim',
      body: { from: 'opgepakt', to: 'contact-gelegd', redacted: true },
    });
    const picked = { kind: 'status', createdBy: 'wim', body: { from: 'nieuw', to: 'opgepakt' } };
    expect(signalEventForViewer(volunteer, picked, author(wim))).toBe(picked);
  });

  it('lets the receiving team read the volunteer handover message and a professional handover', () => {
    const fromVolunteer = {
      kind: 'handover',
      createdBy: 'vera',
      body: { target: { kind: 'team', id: 'team-wijkteam-west' }, message: 'Graag bellen' },
    };
    expect(signalEventVisibility(wim, fromVolunteer, author(volunteer))).toBe('full');
    const toTara = {
      kind: 'handover',
      createdBy: 'wim',
      body: { target: { kind: 'team', id: 'team-toekomstmakelaars' }, message: 'Zoekt werk' },
    };
    expect(signalEventVisibility(tara, toTara, author(wim))).toBe('full');
    expect(signalEventVisibility(volunteer, toTara, author(wim))).toBe('without-message');
  });

  it('fails closed when the author is unknown or does not match', () => {
    const noteEvent = { kind: 'note', createdBy: 'wim', body: { message: 'x' } };
    expect(signalEventVisibility(wendy, noteEvent, null)).toBe('hidden');
    expect(signalEventVisibility(wendy, noteEvent, author(wendy))).toBe('hidden');
  });

  it('never shows professional notes to a volunteer, even with the same team id', () => {
    const sameTeamVolunteer = { ...volunteer, teamId: 'team-wijkteam-west' };
    const noteEvent = { kind: 'note', createdBy: 'wim', body: { message: 'x' } };
    expect(signalEventVisibility(sameTeamVolunteer, noteEvent, author(wim))).toBe('hidden');
  });
});
