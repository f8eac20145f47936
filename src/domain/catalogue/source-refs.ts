import type { SourceRef } from './schema';

/** Each source once, in first-seen order: several facts of one entry often share a source. */
export function distinctSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
