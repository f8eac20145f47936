import { useMemo } from 'react';
import type { ToekomstWorker } from '../../data/repositories/toekomst';
import { useSession } from '../session/use-session';

/** The signed-in worker as the toekomst screens need her; undefined while loading, null signed out. */
export function useToekomstWorker(): ToekomstWorker | null | undefined {
  const session = useSession();
  return useMemo(() => {
    if (session === undefined) return undefined;
    if (session === null) return null;
    return { id: session.user.id, role: session.user.role, teamId: session.user.teamId };
  }, [session]);
}
