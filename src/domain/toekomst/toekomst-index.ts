/**
 * The clear index field of a trajectory besides the record's own (status, team, updatedAt): the
 * earliest due date of an open plan step, so "what needs her next" is one index query and the
 * plan's events stay encrypted. The toekomstmakelaar's device writes it into `data.planDueAt`
 * whenever the plan changes; a referrer never receives it (see visibility.ts).
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toekomstIndexFromData(data: unknown): { dueAt?: string } {
  if (typeof data !== 'object' || data === null) return {};
  const due = (data as { planDueAt?: unknown }).planDueAt;
  return typeof due === 'string' && DATE.test(due) ? { dueAt: due } : {};
}
