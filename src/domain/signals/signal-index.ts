import { isSignalCategoryId } from './categories';
import { URGENCIES } from './signal-schema';
import type { SignalData } from './signal-schema';

/**
 * The clear index fields of a signal besides the record's own (wijk, status, assignedTo…):
 * category, urgency and due date, so lists filter without opening the personal data. Derived
 * from `data` wherever a signal is written: on this device, and when a pulled signal is stored.
 */
export interface SignalIndexFields {
  category?: string;
  urgency?: string;
  dueAt?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function signalIndexFromData(data: unknown): SignalIndexFields {
  if (typeof data !== 'object' || data === null) return {};
  const d = data as Partial<Record<keyof SignalData, unknown>>;
  const fields: SignalIndexFields = {};
  if (isSignalCategoryId(d.category)) fields.category = d.category;
  if (typeof d.urgency === 'string' && (URGENCIES as readonly string[]).includes(d.urgency)) {
    fields.urgency = d.urgency;
  }
  if (typeof d.dueAt === 'string' && DATE.test(d.dueAt)) fields.dueAt = d.dueAt;
  return fields;
}
