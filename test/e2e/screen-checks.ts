import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * What the reach walk measures on every screen: the texts a person can see or hear, horizontal
 * scrolling, touch targets and axe-core. Each returns a list of problems; empty means fine.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.2 AA, all of it, colour contrast included. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Smallest touch target the issue asks for (WCAG 2.5.5 AAA size, stricter than 2.5.8's 24 px). */
export const MIN_TARGET = 44;

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, AXE_TAGS);
  return violations.map(
    (v) => `axe ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Every text a person meets on the screen: rendered text nodes (also visually hidden ones a screen
 * reader reads, and the options of a list), plus aria-label, placeholder, title and alt.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim()) continue;
      if (parent.closest('script, style, noscript, template')) continue;
      const shown =
        parent.closest('option') !== null ||
        parent.checkVisibility({ opacityProperty: false, visibilityProperty: true });
      if (shown) texts.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll<HTMLElement>(
      '[aria-label], [placeholder], [title], img[alt]',
    )) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) texts.push(value);
      }
    }
    return texts;
  });
}

export async function horizontalOverflow(page: Page): Promise<string[]> {
  const { scroll, client, widest } = await page.evaluate(() => {
    const root = document.documentElement;
    // Name the element that sticks out most, so a failure says where to look.
    let widest = '';
    let right = root.clientWidth;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const rect = el.getBoundingClientRect();
      const out = Math.max(rect.right, root.clientWidth - rect.left);
      if (rect.width > 0 && out > right + 1) {
        right = out;
        widest = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(rect.left)}–${Math.round(rect.right)})`;
      }
    }
    return { scroll: root.scrollWidth, client: root.clientWidth, widest };
  });
  return scroll > client ? [`scrolls sideways: ${scroll} > ${client} px; widest: ${widest}`] : [];
}

/**
 * Interactive elements smaller than 44×44 CSS px. A checkbox or radio counts by its label (the
 * label is what a finger taps); elements hidden off screen until focused (the skip link) by their
 * focused size is not measured.
 */
export function smallTargets(page: Page, min = MIN_TARGET): Promise<string[]> {
  return page.evaluate((min) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const problems: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      let rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Off screen until focused (skip link): it grows when it is reached by keyboard.
      if (rect.right < 0 || rect.bottom < 0 || el.closest('.visually-hidden')) continue;
      if (el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type)) {
        const label =
          el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (label) rect = label.getBoundingClientRect();
      }
      if (rect.width < min - 0.5 || rect.height < min - 0.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        problems.push(
          `target ${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${name}" is ${Math.round(rect.width)}×${Math.round(rect.height)}`,
        );
      }
    }
    return problems;
  }, min);
}
