import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment } from './harness';

const env = setUpE2eEnvironment();

/**
 * index.html paints the start page's heading and search field before any script runs (issue 11:
 * an interactive search field at once). Holding the app's entry script back makes "before the
 * app has started" last as long as the test needs.
 */
async function holdAppScript(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** React's first render replaces index.html's start shell (its tiles are static now too). */
const appIsRunning = (page: Page) =>
  page.evaluate(() => document.querySelector('.start-shell-only') === null);

describe('the start page before the app has started', () => {
  it('takes typing at once, and the app keeps the text and the focus when it takes over', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const release = await holdAppScript(page);
    await page.goto(env.server.url, { waitUntil: 'commit' });
    const field = page.getByLabel('Zoek een regeling');
    await field.waitFor();
    await field.click();
    await field.pressSequentially('huur');
    expect(await appIsRunning(page)).toBe(false);

    release();
    await page.locator('.start-shell-only').waitFor({ state: 'detached' });
    await expect.poll(() => field.inputValue()).toBe('huur');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-search');
    // It is the app's own field now: typing on and searching stay inside the app.
    await page.keyboard.type('toeslag');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/regelingen\?q=huurtoeslag$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Regelingen en hulp');
    await context.close();
  });

  it("paints the first screen's largest element before any script: the app draws nothing larger", async () => {
    // Lighthouse's phone: the start page's tiles are the largest element it sees. When React
    // draws a larger one, the largest contentful paint waits for the app's code (issue 11).
    const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const release = await holdAppScript(page);
    await page.goto(env.server.url, { waitUntil: 'commit' });
    await page.locator('.start-shell-only .tiles').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    expect(await appIsRunning(page)).toBe(false);
    release();
    await page.locator('.start-shell-only').waitFor({ state: 'detached' });
    // The fundamenten below the tiles (catalogue data) are drawn too, out of sight.
    await page.locator('.fundamenten').waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const paints = await page.evaluate(
      () =>
        new Promise<{ fcp: number; largest: number[] }>((resolve) => {
          new PerformanceObserver((list) => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;
            resolve({ fcp, largest: list.getEntries().map((e) => e.startTime) });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    expect(paints.fcp).toBeGreaterThan(0);
    expect(paints.largest.length).toBeGreaterThan(0);
    expect(paints.largest.filter((at) => at > paints.fcp)).toEqual([]);
    await context.close();
  });

  it('shows the static search field on the start page only', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const release = await holdAppScript(page);
    await page.goto(`${env.server.url}/wijken`, { waitUntil: 'commit' });
    await page.locator('.start-shell-only').waitFor({ state: 'attached' });
    expect(await page.locator('.start-shell-only').isVisible()).toBe(false);
    release();
    await context.close();
  });

  it('still searches when the app never starts: the form opens the regelingen page', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const release = await holdAppScript(page);
    await page.goto(env.server.url, { waitUntil: 'commit' });
    const field = page.getByLabel('Zoek een regeling');
    await field.fill('dordtpas');
    await field.press('Enter');
    await page.waitForURL(/\/regelingen\?q=dordtpas$/, { waitUntil: 'commit' });
    release();
    const first = page.getByRole('list', { name: 'Regelingen en hulp' }).getByRole('link').first();
    await expect.poll(() => first.textContent()).toMatch(/^Dordtpas/);
    await context.close();
  });
});
