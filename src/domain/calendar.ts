/**
 * `YYYY-MM-DD` on the device's own calendar: a due date, a check's peildatum or a spreekuur
 * evening is a calendar day where the worker is, not in UTC.
 */
export function localDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
