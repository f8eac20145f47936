import type { QuickCheckTally } from './tally';

/**
 * The volunteer's "vertellen en tellen" of one evening, from this device's tallies: how many
 * residents, which topics and questions came up, which regelingen were suggested and applied
 * for, and the summaries' languages. Counts only, most frequent first.
 */
export interface SpreekuurOverview {
  residents: number;
  topics: Count[];
  questions: Count[];
  suggested: Count[];
  applied: Count[];
  languages: Count[];
  lifeEvents: Count[];
}

export interface Count {
  id: string;
  n: number;
}

function countAll(lists: readonly (readonly string[])[]): Count[] {
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const id of new Set(list)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, n]) => ({ id, n }))
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
}

export function spreekuurOverview(tallies: readonly QuickCheckTally[]): SpreekuurOverview {
  return {
    residents: tallies.length,
    topics: countAll(tallies.map((t) => t.topics)),
    questions: countAll(tallies.map((t) => t.questions)),
    suggested: countAll(tallies.map((t) => t.suggested)),
    applied: countAll(tallies.map((t) => t.applied)),
    languages: countAll(tallies.map((t) => [t.summaryLanguage])),
    lifeEvents: countAll(tallies.map((t) => (t.lifeEvent ? [t.lifeEvent] : []))),
  };
}
