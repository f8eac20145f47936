import { useMemo } from 'react';
import type { SignalContext, SignalWorker } from '../../data/repositories/signals';
import type { HandoverDirectory } from '../../domain/signals/handover';
import { DEFAULT_TEAMS } from '../../domain/signals/handover';
import { useCatalogue } from '../use-catalogue';
import { useSession } from '../session/use-session';

export interface WijkOption {
  id: string;
  name: string;
  /** Buurten of this wijk that the catalogue knows. */
  buurten: { id: string; name: string }[];
}

export interface SignalSetup {
  worker: SignalWorker;
  context: SignalContext;
  directory: HandoverDirectory;
  /** The catalogue's wijken plus the worker's own (a worker may work in one the catalogue lacks). */
  wijken: WijkOption[];
}

/** "oud-krispijn" → "Oud-krispijn": a readable name for a wijk id the catalogue does not know. */
function nameFromId(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * The signed-in worker and where signals can go (the app's teams and the catalogue's partners).
 * Undefined while the session loads, null without a session.
 */
export function useSignalSetup(): SignalSetup | null | undefined {
  const session = useSession();
  const { catalogue } = useCatalogue();
  return useMemo(() => {
    if (session === undefined) return undefined;
    if (session === null) return null;
    const { user } = session;
    const worker: SignalWorker = {
      id: user.id,
      role: user.role,
      teamId: user.teamId,
      wijken: user.wijken,
    };
    const directory: HandoverDirectory = {
      teams: DEFAULT_TEAMS,
      organisations: catalogue.organisations,
    };
    const wijken: WijkOption[] = catalogue.wijken
      .filter((w) => w.kind === 'wijk')
      .map((w) => ({
        id: w.id,
        name: w.name,
        buurten: catalogue.wijken
          .filter((b) => b.kind === 'buurt' && b.partOf === w.id)
          .map((b) => ({ id: b.id, name: b.name })),
      }));
    for (const id of user.wijken) {
      if (!wijken.some((w) => w.id === id)) wijken.push({ id, name: nameFromId(id), buurten: [] });
    }
    const context: SignalContext = { worker, directory, wijken: wijken.map((w) => w.id) };
    return { worker, directory, wijken, context };
  }, [session, catalogue]);
}
