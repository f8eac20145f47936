import { describe, expect, it } from 'vitest';
import { setUpE2eEnvironment } from './harness';
import { DEMO_WIJKTEAM, DEMO_WIJKTEAM_2, newDevice, signInAs, syncNow } from './session';

const env = setUpE2eEnvironment();

describe('sync between two devices of one team', () => {
  it('a record written offline on device A reaches device B after A comes back online', async () => {
    const a = await newDevice(env.browser, env.server.url);
    await signInAs(a.page, env.server.url, DEMO_WIJKTEAM, '/signalen/nieuw');

    // Device A loses the server for real while the worker records a signal.
    await env.server.stop();
    await a.context.setOffline(true);
    const p = a.page;
    await p.getByRole('button', { name: 'Eenzaamheid' }).click();
    await p.getByLabel('Wijk').selectOption('crabbehof');
    await p.getByLabel('Ja, de bewoner vindt het goed').check();
    await p.getByLabel('Naam of schuilnaam').fill('Meneer T (fictief)');
    await p.getByLabel('Via de plek waar ik de bewoner zag').check();
    await p.getByLabel('Gegevens voor contact').fill('Buurthuis Crabbehof (fictief)');
    await p.getByRole('button', { name: 'Signaal opslaan' }).click();
    await p.waitForURL(/\/signalen\/[0-9A-Z]+$/);
    const signalPath = new URL(p.url()).pathname;
    await expect.poll(() => p.getByTestId('sync-badge').textContent()).toMatch(/wacht/);

    // The connection comes back: A syncs and nothing is left waiting.
    await env.server.start();
    await a.context.setOffline(false);
    await syncNow(p);

    // Device B, a colleague in the same team, sees it after her sync.
    const b = await newDevice(env.browser, env.server.url);
    await signInAs(b.page, env.server.url, DEMO_WIJKTEAM_2, '/signalen');
    await syncNow(b.page);
    await b.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Signalen' })
      .click();
    await b.page.getByRole('link', { name: 'Team' }).click();
    await b.page.getByRole('link', { name: /Meneer T \(fictief\)/ }).click();
    await b.page.waitForURL((url) => url.pathname === signalPath);
    await expect
      .poll(() => b.page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Eenzaamheid');

    await a.context.close();
    await b.context.close();
  });
});
