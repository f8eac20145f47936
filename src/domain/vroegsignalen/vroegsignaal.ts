import { z } from 'zod';
import type { SignalCategoryId } from '../signals/categories';

/** The fixed costs whose arrears creditors must report under the Wgs (huur, energie, water, zorgverzekering). */
export const CREDITOR_TYPES = ['huur', 'energie', 'water', 'zorgverzekering'] as const;
export const creditorTypeSchema = z.enum(CREDITOR_TYPES);
export type CreditorType = z.infer<typeof creditorTypeSchema>;

/** The signal category an arrears report of this creditor type is filed under. */
export function categoryForCreditor(type: CreditorType): SignalCategoryId {
  return `achterstand-${type}`;
}
