import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpE2eEnvironment } from './harness';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const env = setUpE2eEnvironment();

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    ['start', '/', 'Waar kan ik mee helpen?'],
    ['regelingen', '/regelingen?q=kinderen', 'Regelingen en hulp'],
    ['regeling', '/regelingen/dordtpas', 'Dordtpas'],
    ['wijk', '/wijken/wielwijk', 'Wielwijk'],
    ['programme', '/programmas/bestaanszekerheid', null],
    ['indicators', '/cijfers', 'Cijfers en doelen'],
    ['sociale kaart', '/kaart?q=inloop&wijk=crabbehof', 'Sociale kaart'],
    ['referral slip', '/kaart/leerpraktijkcentrum-waterwiel/verwijsbriefje', 'Verwijsbriefje'],
    ['life events', '/gebeurtenissen', 'Is er iets veranderd in uw leven?'],
    ['life event', '/gebeurtenissen/uit-opvang-of-detentie', 'Uit de opvang of uit detentie'],
    [
      'checklist',
      '/checklist?regeling=bijzondere-bijstand&regeling=zorgtoeslag',
      'Checklist: zo vraagt u het aan',
    ],
    ['switch worker', '/medewerkers', 'Wissel van medewerker'],
  ] as const;

  for (const [name, path, heading] of pages) {
    it(`has no violations on the ${name} page, in Dutch and in Arabic (right to left)`, async () => {
      // axe is injected as a script; the app's own strict CSP would rightly refuse it.
      const context = await env.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${env.server.url}${path}`);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      if (heading) expect(await h1.textContent()).toBe(heading);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('combobox', { name: 'Taal', exact: true }).selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
