import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { setUpE2eEnvironment, waitForServiceWorker } from './harness';
import { axeViolations } from './screen-checks';
import { DEMO_WIJKTEAM, signInAs, syncNow } from './session';

const env = setUpE2eEnvironment();

/** Five synthetic addresses of a block under renovation, typed as a coordinator would. */
const ADDRESSES = [
  'Renovatiehof (fictief) 1, 3317 AA Dordrecht',
  'Renovatiehof (fictief) 2, 3317 AA Dordrecht',
  'Renovatiehof (fictief) 3, 3317 AA Dordrecht',
  'Renovatiehof (fictief) 4, 3317 AA Dordrecht',
  'Renovatiehof (fictief) 5, 3317 AA Dordrecht',
];
const NAME = 'Sociaal Renoveren Renovatiehof (fictief)';

/** A tablet of its own; CSP bypassed only so axe-core can be injected for the checks. */
async function device() {
  const context = await env.browser.newContext({ serviceWorkers: 'allow', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  return { context, page };
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function openCampaigns(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent('/campagnes')}`);
  await page.locator('#login-email').fill('coordinator@demo.dichtbij');
  await page.locator('#login-password').fill('demo-coordinator-2026');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/campagnes');
  await page.getByRole('heading', { level: 1, name: 'Huis-aan-huiscampagnes' }).waitFor();
}

/** The overview's cell of the campaign's row, as the coordinator reads it. */
async function cell(page: Page, column: string): Promise<string> {
  const row = page.getByTestId('campaign-overview').locator('tr', { hasText: NAME });
  return ((await row.locator(`[data-column="${column}"]`).textContent()) ?? '').trim();
}

async function openAddress(page: Page, address: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Mijn adressen vandaag' })
    .locator('.card-title', { hasText: new RegExp(`^${address.replace(/[()]/g, '\\$&')}$`) })
    .click();
  await page.waitForURL(/\/adressen\/cs-/);
  await page.getByTestId('door-visit').waitFor();
}

async function outcomeIs(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByTestId('door-outcome').textContent()).toBe(text);
}

async function backToList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Terug naar mijn adressen' }).click();
  await page.waitForURL((url) => url.pathname === '/adressen');
}

describe('a door-to-door campaign, visited offline', () => {
  it('coordinator makes it, the worker visits three addresses with the server gone, the overview counts them', async () => {
    // The coordinator makes the campaign (online: her device keeps nothing of it).
    const coordinator = await device();
    const c = coordinator.page;
    await openCampaigns(c);
    await c.getByLabel('Naam').fill(NAME);
    await c.getByLabel('Wijk', { exact: true }).selectOption('wielwijk');
    await c.getByLabel('Begindatum').fill(day(0));
    await c.getByLabel('Einddatum').fill(day(60));
    await c.getByLabel('Adressen', { exact: true }).fill(ADDRESSES.join('\n'));
    await c.getByRole('button', { name: 'Campagne maken' }).click();
    await c.getByText(`Campagne "${NAME}" gemaakt met 5 adressen.`).waitFor();
    await expect.poll(() => cell(c, 'addresses')).toBe('5');
    // Nobody visited yet: 0 is below 5 and shows as "< 5", as in the insight figures.
    await expect.poll(() => cell(c, 'visited')).toBe('< 5');
    expect(await axeViolations(c)).toEqual([]);

    // The worker's tablet syncs; the team's five addresses go on her list.
    const worker = await device();
    const w = worker.page;
    await signInAs(w, env.server.url, DEMO_WIJKTEAM, '/adressen');
    await syncNow(w);
    await w
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Adressen' })
      .click();
    const open = w.getByRole('region', { name: 'Nog niet verdeeld' });
    await expect.poll(() => open.getByRole('checkbox').count()).toBe(5);
    for (const box of await open.getByRole('checkbox').all()) await box.check();
    await open.getByRole('button', { name: 'Op mijn lijst zetten' }).click();
    await expect
      .poll(() =>
        w.getByRole('list', { name: 'Mijn adressen vandaag' }).locator('.card-title').count(),
      )
      .toBe(5);

    // The server is taken away for real: the service worker's own requests fail too.
    await env.server.stop();
    await worker.context.setOffline(true);

    // 1: nobody home.
    await openAddress(w, 'Renovatiehof (fictief) 1');
    await w.getByRole('button', { name: 'Huisbezoek – niet thuis', exact: true }).click();
    await outcomeIs(w, 'Niet thuis');
    await backToList(w);

    // 2: talked; a worry about money; with consent, one tap starts a signal about it.
    await openAddress(w, 'Renovatiehof (fictief) 2');
    await w.getByRole('button', { name: 'Gesproken: vragen stellen' }).click();
    await w
      .getByRole('group', { name: /^Geld:/ })
      .getByRole('radio', { name: 'Zorg', exact: true })
      .check();
    await w
      .getByRole('group', { name: /^Wonen:/ })
      .getByRole('radio', { name: 'Geen zorg', exact: true })
      .check();
    expect(await axeViolations(w)).toEqual([]);
    await w.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await outcomeIs(w, 'Gesproken');
    await w.getByText('Zorg bij: Geld.').waitFor();
    await w.getByRole('checkbox', { name: /vindt het goed/ }).check();
    await w.getByRole('button', { name: 'Signaal starten: Geld' }).click();
    await w.waitForURL((url) => url.pathname === '/signalen/nieuw');
    await expect
      .poll(() => w.getByRole('button', { name: 'Geldzorgen en schulden', pressed: true }).count())
      .toBe(1);
    await w.getByLabel('Naam of schuilnaam').fill('Bewoner B (fictief)');
    await w.getByRole('button', { name: 'Signaal opslaan' }).click();
    await w.waitForURL((url) => /^\/signalen\/(?!nieuw)/.test(url.pathname));
    await w
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Adressen' })
      .click();
    await w.waitForURL((url) => url.pathname === '/adressen');

    // 3: opened the door and declined.
    await openAddress(w, 'Renovatiehof (fictief) 3');
    await w.getByRole('button', { name: 'Geweigerd', exact: true }).click();
    await outcomeIs(w, 'Geweigerd');
    await backToList(w);

    // The server returns; the visits and the new signal go up.
    await env.server.start();
    await worker.context.setOffline(false);
    await syncNow(w);

    // The coordinator's overview: counts only, below 5 shown as "< 5" (the exact counts are
    // checked behind it, in the server's store, below).
    await c.reload();
    await c.getByTestId('campaign-overview').waitFor();
    await expect.poll(() => cell(c, 'addresses')).toBe('5');
    await expect.poll(() => cell(c, 'visited')).toBe('< 5');
    await expect.poll(() => cell(c, 'reached')).toBe('< 5');
    await expect.poll(() => cell(c, 'outcome.gesproken')).toBe('< 5');
    await expect.poll(() => cell(c, 'outcome.geweigerd')).toBe('< 5');
    await expect.poll(() => cell(c, 'outcome.niet-thuis')).toBe('< 5');
    await expect.poll(() => cell(c, 'outcome.leegstand')).toBe('< 5');
    await expect.poll(() => cell(c, 'zorg.geld')).toBe('< 5');
    await expect.poll(() => cell(c, 'zorg.wonen')).toBe('< 5');

    // Behind the suppressed cells, the server holds exactly the three visits.
    const sqlite = new Database(join(env.server.dataDir, 'dichtbij.sqlite'), { readonly: true });
    try {
      const attempts = (
        sqlite
          .prepare(
            `select e.body from events e join campaign_addresses a on a.signal_id = e.entity_id
             where e.kind = 'attempt'`,
          )
          .all() as { body: string }[]
      ).map((r) => JSON.parse(r.body) as { attempt: string; answers?: unknown });
      expect(attempts.map((a) => a.attempt).sort()).toEqual([
        'huisbezoek-gesproken',
        'huisbezoek-gesproken',
        'huisbezoek-niet-thuis',
      ]);
      expect(attempts.filter((a) => a.answers)).toEqual([
        expect.objectContaining({ answers: { geld: 'zorg', wonen: 'geen-zorg' } }),
      ]);
      const help = sqlite
        .prepare(
          `select e.body from events e join campaign_addresses a on a.signal_id = e.entity_id
           where e.kind = 'help'`,
        )
        .all() as { body: string }[];
      expect(help.map((h) => (JSON.parse(h.body) as { help: string }).help)).toEqual(['geweigerd']);
      const started = sqlite
        .prepare(
          `select r.data from records r where r.entity_type = 'signal'
           and r.id not in (select signal_id from campaign_addresses)`,
        )
        .all() as { data: string }[];
      const fromVisits = started
        .map((s) => JSON.parse(s.data) as Record<string, unknown>)
        .filter((d) => d.fromSignal !== undefined);
      expect(fromVisits).toEqual([
        expect.objectContaining({
          category: 'geldzorgen-schulden',
          consent: 'gegeven',
          fromSignal: expect.stringMatching(/^cs-/),
        }),
      ]);
    } finally {
      sqlite.close();
    }
    await worker.context.close();
    await coordinator.context.close();
  });
});
