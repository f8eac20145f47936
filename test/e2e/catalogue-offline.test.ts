import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';

const env = setUpE2eEnvironment();

describe('the catalogue works with no connection', () => {
  it('searches, opens a regeling and a wijk after the server is gone', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Waar kan ik mee helpen?');

    // Take the server away for real, and tell the browser it is offline.
    await env.server.stop();
    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect
      .poll(() => page.getByTestId('online-status').textContent())
      .toContain('Server niet bereikbaar');

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
    await page.goto(`${env.server.url}/wijken/crabbehof`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Crabbehof');

    await context.close();
    await env.server.start();
  });

  it("reads catalogue.json and writes a first start's copy of it in workers, off the main thread", async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    // The main thread reads or installs it itself only when a worker failed, and says so.
    const warnings: string[] = [];
    page.on('console', (message) => warnings.push(message.text()));
    await page.goto(env.server.url);
    await page.locator('.fundamenten').waitFor();
    // The device's copy, as the app reads it on a start without catalogue.json.
    const stored = () =>
      page.evaluate(
        () =>
          new Promise<{ version?: string; regelingen: number }>((resolve, reject) => {
            const open = indexedDB.open('dichtbij');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const idb = open.result;
              const tx = idb.transaction(['meta', 'regelingen'], 'readonly');
              const meta = tx.objectStore('meta').get('catalogue');
              const count = tx.objectStore('regelingen').count();
              tx.oncomplete = () => {
                idb.close();
                const value = (meta.result as { value?: { version?: string } } | undefined)?.value;
                resolve({ version: value?.version, regelingen: count.result });
              };
            };
          }),
      );
    await expect
      .poll(async () => (await stored()).regelingen, { timeout: 15_000 })
      .toBeGreaterThan(10);
    expect((await stored()).version).toMatch(/\S/);
    expect(workers.some((w) => /\/assets\/catalogue-install\.worker-[^/]+\.js$/.test(w))).toBe(
      true,
    );
    expect(workers.some((w) => /\/assets\/catalogue-fetch\.worker-[^/]+\.js$/.test(w))).toBe(true);
    expect(warnings.filter((w) => /catalogue\.worker-(install|fetch)-failed/.test(w))).toEqual([]);
    await context.close();
  });
});
