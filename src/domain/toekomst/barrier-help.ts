import type { Barrier } from './vocabulary';

/**
 * The help that tackles each barrier, so the toekomstmakelaar starts it in one tap instead of
 * sending the resident elsewhere to start over: a bestaanszekerheidscheck, a signal to the
 * wijkteam (category from the signal taxonomy), or a catalogue regeling (schuldhulp, taalcafé).
 * The NPDW names bestaansonzekerheid, laaggeletterdheid, basisvaardigheden, taal and opvang as
 * the barriers to tackle (003 L3411–3413).
 */
export type BarrierHelp =
  { kind: 'check' } | { kind: 'signal'; category: string } | { kind: 'regeling'; id: string };

export const BARRIER_HELP: Record<Barrier, readonly BarrierHelp[]> = {
  geldzorgen: [
    { kind: 'check' },
    { kind: 'regeling', id: 'schuldhulpverlening' },
    { kind: 'signal', category: 'geldzorgen-schulden' },
  ],
  kinderopvang: [
    { kind: 'regeling', id: 'kinderopvangtoeslag' },
    { kind: 'signal', category: 'opvoeden-opgroeien' },
  ],
  gezondheid: [{ kind: 'signal', category: 'gezondheid-leefstijl' }],
  taal: [{ kind: 'regeling', id: 'taallessen-en-taalcafe' }],
  digitaal: [{ kind: 'regeling', id: 'informatiepunt-digitale-overheid' }],
  zelfvertrouwen: [
    { kind: 'regeling', id: 'leerpraktijkcentrum-waterwiel' },
    { kind: 'signal', category: 'mentale-gezondheid' },
  ],
};
