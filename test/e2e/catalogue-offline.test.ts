import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appServer, launchBrowser, waitForServiceWorker, type AppServer } from './harness';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await appServer();
  await server.start();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the catalogue works with no connection', () => {
  it('searches, opens a regeling and a wijk after the server is gone', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Waar kan ik mee helpen?');

    // Take the server away for real, and tell the browser it is offline.
    await server.stop();
    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.getByTestId('online-status').textContent()).toContain('Offline');

    await page.getByLabel('Zoek een regeling').fill('dordtpas');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/regelingen\?q=dordtpas/);
    const first = page.getByRole('list', { name: 'Regelingen en hulp' }).getByRole('link').first();
    await expect.poll(() => first.textContent()).toMatch(/^Dordtpas/);
    await first.click();
    await page.waitForURL(/\/regelingen\/dordtpas$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dordtpas');
    expect(await page.getByRole('heading', { name: 'Zo vraagt u het aan' }).count()).toBe(1);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Wijken' })
      .click();
    await page.getByRole('link', { name: /^Wielwijk/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wielwijk');
    expect(await page.getByRole('heading', { name: 'Cijfers' }).count()).toBe(1);

    // A deep link typed while offline opens too.
    await page.goto(`${server.url}/wijken/crabbehof`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Crabbehof');

    await context.close();
    await server.start();
  });
});
