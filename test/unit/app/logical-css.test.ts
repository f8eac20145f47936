import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Arabic pages run right to left: a physical property (left, margin-right, width, …) does not mirror and
 * once pushed the whole Arabic page 2,024 px wide. Every stylesheet and inline style uses logical ones.
 */
const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const SIDE = '(?:left|right|top|bottom)';
const PHYSICAL_DECLARATION = [
  new RegExp(`^${SIDE}$`),
  new RegExp(`^(?:margin|padding|border|scroll-margin|scroll-padding)-${SIDE}(?:-[a-z]+)?$`),
  new RegExp(`^border-${SIDE}-${SIDE}-radius$`),
  /^(?:min-|max-)?(?:width|height)$/,
];
const PHYSICAL_VALUE: Record<string, RegExp> = {
  'text-align': /^(?:left|right)$/,
  float: /^(?:left|right)$/,
  clear: /^(?:left|right)$/,
};

/** Problems in one stylesheet's declarations; `@media (max-width: …)` and similar at-rules are fine. */
function physicalProperties(css: string): string[] {
  const problems: string[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of withoutComments.matchAll(/(?:^|[;{])\s*([a-z-]+)\s*:\s*([^;{}]+)/gm)) {
    const property = match[1]!;
    const value = match[2]!.trim();
    if (PHYSICAL_DECLARATION.some((re) => re.test(property)))
      problems.push(`${property}: ${value}`);
    if (PHYSICAL_VALUE[property]?.test(value)) problems.push(`${property}: ${value}`);
    // Four-value shorthands set left and right separately unless the two are equal.
    if (/^(?:margin|padding|inset|border-width)$/.test(property)) {
      const parts = value.split(/\s+/);
      if (parts.length === 4 && parts[1] !== parts[3]) problems.push(`${property}: ${value}`);
    }
  }
  return problems;
}

describe('logical CSS properties', () => {
  it('finds physical properties (the check itself can fail)', () => {
    expect(physicalProperties('.a { left: -999px; margin-right: 1rem; width: 2px }')).toEqual([
      'left: -999px',
      'margin-right: 1rem',
      'width: 2px',
    ]);
    expect(physicalProperties('.a { padding: 0 0 0 1rem; text-align: right }')).toHaveLength(2);
    expect(
      physicalProperties(
        '@media (max-width: 40rem) { .a { inset-inline-start: 0; padding: 0 1rem; line-height: 1 } }',
      ),
    ).toEqual([]);
  });

  it('uses none in any stylesheet of the app', () => {
    const problems = files(SRC, /\.css$/).flatMap((file) =>
      physicalProperties(readFileSync(file, 'utf8')).map(
        (p) => `${file.slice(SRC.length + 1)}: ${p}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('uses none in inline styles', () => {
    const inline =
      /\b(?:left|right|top|bottom|width|height|(?:margin|padding|border)(?:Left|Right|Top|Bottom)\w*|textAlign:\s*'(?:left|right)')\s*:/;
    const problems = files(SRC, /\.tsx$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/style=\{\{([^}]*)\}\}/g)]
        .filter((m) => inline.test(m[1]!))
        .map((m) => `${file.slice(SRC.length + 1)}: ${m[1]}`),
    );
    expect(problems).toEqual([]);
  });
});
