import { isVroegsignaal } from './retention';

/**
 * Only the import makes a vroegsignaal. Its legal basis (`consent: 'wettelijke-taak'`, the Wgs)
 * and its `source: 'vroegsignaal'` say the gemeente received a creditor's report; a device that
 * could write them could dress any signal up as one — counted in the creditors' figures, kept
 * under the vroegsignalen's retention, recorded without the resident's consent. So a write from
 * a device may carry them only on a record that already is a vroegsignaal (one the import made).
 */
export const IMPORT_ONLY_MESSAGE =
  "Only an import of creditors' reports makes a vroegsignaal: a device cannot write source 'vroegsignaal' or consent 'wettelijke-taak' on a signal that is not one.";

function fieldsOf(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

/** Whether a signal's data claims to come from the import. */
export function claimsImport(data: unknown): boolean {
  const d = fieldsOf(data);
  return d.source === 'vroegsignaal' || d.consent === 'wettelijke-taak';
}

/**
 * Whether a device's write would leave a signal claiming the import that the import did not
 * make: `before` is the stored data (null for a new record, object or stored JSON text), `after`
 * the data the write would leave.
 */
export function forgesImport(before: unknown, after: unknown): boolean {
  return claimsImport(after) && !isVroegsignaal(before);
}
