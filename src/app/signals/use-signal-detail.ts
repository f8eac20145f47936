import { useLiveQuery } from 'dexie-react-hooks';
import { readSignal } from '../../data/repositories/signals';

/**
 * One signal with its history, live from the device: undefined while reading, null when the
 * device does not hold it, 'locked' when the vault is locked (nothing personal can be read).
 */
export function useSignalDetail(id: string) {
  return useLiveQuery(async () => {
    try {
      return (await readSignal(id)) ?? null;
    } catch {
      return 'locked' as const;
    }
  }, [id]);
}
