import { signalIndexFromData } from '../signals/signal-index';
import { toekomstIndexFromData } from '../toekomst/toekomst-index';
import type { EntityType } from './record-schema';

/**
 * Clear index fields that a kind of record derives from its personal data (a signal's
 * category, urgency and due date), so lists can filter without decrypting. Computed wherever
 * a record is stored: when written on the device and when pulled from the server.
 */
export function derivedIndexFields(entityType: EntityType, data: unknown): Record<string, string> {
  switch (entityType) {
    case 'signal':
      return { ...signalIndexFromData(data) };
    case 'toekomst':
      return { ...toekomstIndexFromData(data) };
    case 'check':
      return {};
  }
}
