import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitSaved } from './check-steps';
import { setUpE2eEnvironment } from './harness';
import { dismissOfflineToast, signInAsVolunteer, unlockWithPin } from './session';

const env = setUpE2eEnvironment();

function rentField(page: Page) {
  return page
    .getByRole('group', { name: 'Hoeveel betaalt u per maand aan huur of hypotheek?', exact: true })
    .getByRole('textbox');
}

describe('the device locks itself when left alone', () => {
  it('locks after the idle time, shows nothing personal, and continues after the PIN', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    // The page's timers run on a clock the test can move forward: no five-minute wait.
    await page.clock.install();
    await page.goto(env.server.url);
    await dismissOfflineToast(page, 5_000);
    await signInAsVolunteer(page, env.server.url, '/check');

    await page.getByRole('link', { name: 'Nieuwe check starten' }).click();
    await page.getByLabel('De inwoner geeft toestemming om de antwoorden te bewaren.').check();
    await page.getByRole('button', { name: 'Start de check' }).click();
    await page.waitForURL(/\/check\/[^/]+\/inkomen$/);
    await page
      .getByRole('navigation', { name: 'Onderwerpen van de check' })
      .getByRole('link', { name: /^Wonen/ })
      .click();
    await page.waitForURL(/\/wonen$/);
    await page.getByLabel('Huurhuis van een woningcorporatie').check();
    await rentField(page).fill('777');
    await waitSaved(page);
    const checkUrl = page.url();

    // Five idle minutes later the vault locks: the PIN pad, and no resident's data on screen.
    await page.clock.fastForward('05:01');
    await page.locator('.pin-keys').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('777');
    expect(text).not.toContain('Huurhuis van een woningcorporatie');
    expect(await page.locator('input[value="777"]').count()).toBe(0);

    // The PIN opens it again where the worker was, with her answers.
    await unlockWithPin(page);
    expect(page.url()).toBe(checkUrl);
    await expect.poll(() => rentField(page).inputValue()).toBe('777');
    expect(await page.getByLabel('Huurhuis van een woningcorporatie').isChecked()).toBe(true);
    await rentField(page).fill('780');
    await waitSaved(page);

    await context.close();
  });
});
