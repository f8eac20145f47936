import { z } from 'zod';
import type { DirectoryEntry, Wijk } from '../catalogue/schema';
import { residentAreaOf, tierFor, type DichtbijTier } from '../directory/dichtbij';

/**
 * Where a signal can go: a team that works in Dichtbij (the signal then lands in that team's list)
 * or a partner organisation from the catalogue that accepts referrals (a doorverwijzing outside
 * the app). Unknown targets are refused, so a signal never waits in a list nobody reads.
 */
export const handoverTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), id: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('organisation'), id: z.string().min(1).max(64) }).strict(),
]);
export type HandoverTarget = z.infer<typeof handoverTargetSchema>;

/** A team of app users; `organisationId` is the catalogue organisation it belongs to. */
export interface SignalTeam {
  id: string;
  name: string;
  organisationId: string;
  /** The wijken the team works in; empty: the whole city. */
  wijken: readonly string[];
}

/** The part of a catalogue organisation the handover needs. */
export interface HandoverOrganisation {
  id: string;
  name: string;
  acceptsReferrals: boolean;
  /** Its sociale kaart entry, which says whom it serves and whether it still runs. */
  directory?: DirectoryEntry;
}

export interface HandoverDirectory {
  teams: readonly SignalTeam[];
  organisations: readonly HandoverOrganisation[];
}

/**
 * The teams that work in Dichtbij. Until the server hands out a team list, this is configuration
 * kept in step with the server's accounts (src/server/seed.ts uses the same ids).
 */
export const DEFAULT_TEAMS: readonly SignalTeam[] = [
  {
    id: 'team-wijkteam-west',
    name: 'Sociaal wijkteam Dordt West',
    organisationId: 'sociaal-wijkteam',
    wijken: ['wielwijk', 'crabbehof', 'zuidhoven', 'oud-krispijn', 'nieuw-krispijn', 'krispijn'],
  },
  {
    id: 'team-toekomstmakelaars',
    name: 'Toekomstmakelaars',
    organisationId: 'gemeente-dordrecht',
    wijken: [],
  },
  { id: 'team-geldpraatje', name: 'Geldpraatje', organisationId: 'geldpraatje', wijken: [] },
];

/** What a handover does: move the signal to a team's list, or record a referral outside the app. */
export type ResolvedHandover =
  | { kind: 'team'; teamId: string; name: string }
  | { kind: 'external'; organisationId: string; name: string };

export type HandoverProblem = 'handoverUnknownTeam' | 'handoverUnknownOrganisation';

function servesWijk(team: SignalTeam, wijk: string | null): boolean {
  return team.wijken.length === 0 || (wijk !== null && team.wijken.includes(wijk));
}

/**
 * Resolves a target against the directory. An organisation with a team in the app that serves
 * the signal's wijk becomes that team (a warm handover inside the app); any other organisation
 * that accepts referrals is an external referral.
 */
export function resolveHandover(
  target: HandoverTarget,
  wijk: string | null,
  directory: HandoverDirectory,
): { ok: true; value: ResolvedHandover } | { ok: false; problem: HandoverProblem } {
  if (target.kind === 'team') {
    const team = directory.teams.find((t) => t.id === target.id);
    if (!team) return { ok: false, problem: 'handoverUnknownTeam' };
    return { ok: true, value: { kind: 'team', teamId: team.id, name: team.name } };
  }
  const organisation = directory.organisations.find((o) => o.id === target.id);
  if (!organisation || !organisation.acceptsReferrals) {
    return { ok: false, problem: 'handoverUnknownOrganisation' };
  }
  const team = directory.teams.find(
    (t) => t.organisationId === organisation.id && servesWijk(t, wijk),
  );
  if (team) return { ok: true, value: { kind: 'team', teamId: team.id, name: team.name } };
  return {
    ok: true,
    value: { kind: 'external', organisationId: organisation.id, name: organisation.name },
  };
}

const TIER_RANK: Record<DichtbijTier, number> = { wijk: 0, 'dordt-west': 1, stad: 2 };

/**
 * The targets a worker can choose from: teams first, then organisations that accept referrals.
 * Given the signal's wijk, organisations in the sociale kaart come "dichtbij" (same wijk, Dordt
 * West, city) and those that do not serve that wijk or have stopped are left out; organisations
 * without a kaart entry follow in catalogue order.
 */
export function handoverChoices(
  directory: HandoverDirectory,
  near?: { wijk: string | null; wijken: readonly Pick<Wijk, 'id' | 'partOf' | 'inDordtWest'>[] },
): HandoverTarget[] {
  const area = near ? residentAreaOf(near.wijk, near.wijken) : null;
  const ranked = directory.organisations
    .filter((o) => o.acceptsReferrals)
    .flatMap((o, index) => {
      if (!near || !o.directory) return [{ o, rank: 3, index }];
      const tier = tierFor(o.directory, area);
      return tier ? [{ o, rank: TIER_RANK[tier], index }] : [];
    })
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  return [
    ...directory.teams.map((t): HandoverTarget => ({ kind: 'team', id: t.id })),
    ...ranked.map(({ o }): HandoverTarget => ({ kind: 'organisation', id: o.id })),
  ];
}
