import { useLiveQuery } from 'dexie-react-hooks';
import { currentSession, type SessionInfo } from '../../data/sync/session-store';

/** The signed-in user on this device, live: undefined while reading, null when nobody signed in. */
export function useSession(): SessionInfo | null | undefined {
  return useLiveQuery(() => currentSession(), []);
}
