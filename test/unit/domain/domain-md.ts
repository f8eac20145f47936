import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';

/**
 * Reading the seed digest (a copy of shared/docs/domain.md kept in test/fixtures so a fresh clone needs nothing outside the repository) for the catalogue coverage tests: its
 * sections and the names in its tables, which the catalogue must cover.
 */

// node:url's URL, not the jsdom global: fs only accepts Node file URLs.
export const domainMd = readFileSync(
  fileURLToPath(new NodeURL('../../fixtures/domain.md', import.meta.url)),
  'utf8',
);

/** The lines of a markdown section, from its heading up to the next heading of the same or higher level. */
export function section(heading: string): string[] {
  const lines = domainMd.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`heading not found in domain.md: ${heading}`);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const end = lines.findIndex(
    (l, i) => i > start && /^#+ /.test(l) && (/^#+/.exec(l)?.[0].length ?? 9) <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The cells of a markdown table row. */
export function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Data rows (no header, no separator) of every table in the given lines. */
export function tableRows(lines: string[]): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  let headerSeen = false;
  for (const line of lines) {
    if (!line.trim().startsWith('|')) {
      inTable = false;
      headerSeen = false;
      continue;
    }
    if (!inTable) {
      inTable = true; // header row
      continue;
    }
    if (!headerSeen && /^\|[\s:|-]+\|$/.test(line.trim())) {
      headerSeen = true; // separator row
      continue;
    }
    rows.push(cells(line));
  }
  return rows;
}

/** The bold names in the first column of every table in the given lines. */
export function boldNamesInFirstColumn(lines: string[]): string[] {
  return tableRows(lines).flatMap((row) =>
    [...(row[0] ?? '').matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] ?? ''),
  );
}
