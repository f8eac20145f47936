import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpE2eEnvironment } from './harness';
import { fillParentCheck } from './check-steps';
import { dismissOfflineToast, goInApp, newDevice, setUpPin, typePin, type Login } from './session';
import { logRentArrearsSignal } from './signal-steps';

/**
 * Issue 16: one tablet shared by the volunteers of a Geldpraatje spreekuur. Two volunteers sign
 * in on it (online), the server goes away for real, and they take turns offline with their own
 * PIN; when the server is back each one's work reaches it under her own account, and neither
 * ever sees the other's residents.
 */

const env = setUpE2eEnvironment();

const VOLUNTEER_A: Login = {
  email: 'vrijwilliger@demo.dichtbij',
  password: 'demo-vrijwilliger-2026',
};
const VOLUNTEER_B: Login = {
  email: 'vrijwilliger2@demo.dichtbij',
  password: 'demo-vrijwilliger2-2026',
};
const A_ID = 'demo-vrijwilliger';
const B_ID = 'demo-vrijwilliger-2';
const A_NAME = 'Vera Vrijwilliger (demo)';
const B_NAME = 'Vincent Vrijwilliger (demo)';
/** Synthetic PINs that pass the "not too easy" rule. */
const PIN_A = '481537';
const PIN_B = '902614';

/** "Wissel van medewerker" from the account page (the header's sync badge leads there). */
async function openSwitchScreen(page: Page): Promise<void> {
  await page.getByTestId('sync-badge').click();
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByRole('link', { name: 'Wissel van medewerker' }).click();
  await page.waitForURL((url) => url.pathname === '/medewerkers');
}

/** Taps a worker's name and types her PIN; ends on her own start page (the check list). */
async function switchTo(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).click();
  await typePin(page, pin);
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.waitForURL((url) => url.pathname === '/check');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Records on the server, by id: who owns each. */
function ownersOnServer(ids: string[]): Record<string, string> {
  const sqlite = new Database(join(env.server.dataDir, 'dichtbij.sqlite'), { readonly: true });
  try {
    const rows = sqlite
      .prepare(`select id, owner_id from records where id in (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { id: string; owner_id: string }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.owner_id]));
  } finally {
    sqlite.close();
  }
}

/**
 * Volunteer B, offline, for a resident who turns 18 and gives no name: the life event starts an
 * anonymous quick check at the event's questions; she prints the checklist for a suggested
 * regeling in Arabic, then closes the conversation (one tally, nothing personal kept).
 */
async function volunteerBQuickCheckFor18(page: Page): Promise<void> {
  await goInApp(page, '/gebeurtenissen/18-worden');
  await page.getByRole('button', { name: 'Of: een snelcheck zonder naam' }).click();
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck');
  await page.getByRole('button', { name: 'Begin de snelcheck' }).click();
  // The event's first topic opens, with the resident's age (18) already given.
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck/inkomen');
  expect(await page.getByLabel('Leeftijd van Uzelf').inputValue()).toBe('18');
  await page
    .getByRole('navigation', { name: 'Onderwerpen van de check' })
    .getByRole('link', { name: 'Uitkomst' })
    .click();
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck/uitkomst');
  const help = page.getByRole('region', { name: 'Hulp bij aanvragen' });
  await help.getByRole('link', { name: 'Checklist printen' }).first().click();
  // The checklist stays inside the quick check, so opening it does not end the conversation.
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck/checklist');
  await page.getByLabel('Taal van de checklist').selectOption('ar');
  await page.emulateMedia({ media: 'print' });
  await expect.poll(() => page.locator('[dir="rtl"]').count()).toBeGreaterThan(0);
  const printed = await page.locator('main').innerText();
  expect(printed).toMatch(/[\u0600-\u06FF]/);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Terug naar de uitkomst' }).click();
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck/uitkomst');
  await page.getByRole('link', { name: 'Samenvatting voor de inwoner' }).click();
  await page.waitForURL((url) => url.pathname === '/spreekuur/snelcheck/samenvatting');
  await page.getByRole('button', { name: 'Sluiten en antwoorden wissen' }).click();
  await page.waitForURL((url) => url.pathname === '/spreekuur');
  await expect
    .poll(() => page.getByTestId('spreekuur-residents').textContent())
    .toBe('1 inwoner vandaag met een snelcheck');
  // The evening's overview names the life event by its title, not its id.
  expect(await page.locator('.spreekuur-section li', { hasText: '18 worden' }).innerText()).toBe(
    '18 worden: 1',
  );
}

/** The quick checks' tallies on the server: who sent each and its life event. */
function talliesOnServer(): { user_id: string; lifeEvent: unknown }[] {
  const sqlite = new Database(join(env.server.dataDir, 'dichtbij.sqlite'), { readonly: true });
  try {
    const rows = sqlite.prepare('select user_id, body from quick_check_tallies').all() as {
      user_id: string;
      body: string;
    }[];
    return rows.map((r) => ({
      user_id: r.user_id,
      lifeEvent: (JSON.parse(r.body) as { lifeEvent?: unknown }).lifeEvent,
    }));
  } finally {
    sqlite.close();
  }
}

describe('spreekuur: two volunteers on one tablet', () => {
  it('take turns offline with their own PIN; each one syncs under her own account', async () => {
    const { context, page } = await newDevice(env.browser, env.server.url);

    // B signs in first (online) and sets her PIN.
    await page.goto(`${env.server.url}/inloggen?terug=%2Fcheck`);
    await page.locator('#login-email').fill(VOLUNTEER_B.email);
    await page.locator('#login-password').fill(VOLUNTEER_B.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/check');
    await dismissOfflineToast(page);
    await setUpPin(page, PIN_B);

    // A signs in on the same tablet through "Andere medewerker aanmelden"; B's data stays.
    await openSwitchScreen(page);
    await page.getByRole('link', { name: 'Andere medewerker aanmelden' }).click();
    await page.locator('#login-email').fill(VOLUNTEER_A.email);
    await page.locator('#login-password').fill(VOLUNTEER_A.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/check');
    await dismissOfflineToast(page);
    await setUpPin(page, PIN_A);

    // The server goes away for real.
    await env.server.stop();
    await context.setOffline(true);

    // A does a check for a resident.
    const checkPath = await fillParentCheck(page);
    const checkId = checkPath.split('/')[2]!;
    await goInApp(page, '/check');
    await expect.poll(() => page.locator(`a[href^="${checkPath}"]`).count()).toBeGreaterThan(0);

    // A hands the tablet to B: B opens with her own PIN, offline.
    await openSwitchScreen(page);
    const listed = await page.locator('.worker-list').innerText();
    expect(listed).toContain(A_NAME);
    expect(listed).toContain(B_NAME);
    await switchTo(page, B_NAME, PIN_B);
    // Nothing of A's resident in B's list.
    expect(await page.locator(`a[href^="${checkPath}"]`).count()).toBe(0);
    // B, offline, records a signal for a resident (synthetic).
    const bIds = [await logRentArrearsSignal(page, 'Meneer B (fictief)')];
    await volunteerBQuickCheckFor18(page);

    // The server comes back: both outboxes go out, each under its own account.
    await env.server.start();
    await context.setOffline(false);
    await page.getByTestId('sync-badge').click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect.poll(() => page.getByTestId('sync-badge').textContent()).toBe('Alles verstuurd');
    await expect
      .poll(() => ownersOnServer([checkId, ...bIds]), { timeout: 20_000 })
      .toEqual(Object.fromEntries([[checkId, A_ID], ...bIds.map((id) => [id, B_ID])]));
    // B's anonymous quick check arrived once, as B's count, with its life event.
    await expect
      .poll(() => talliesOnServer(), { timeout: 20_000 })
      .toEqual([{ user_id: B_ID, lifeEvent: '18-worden' }]);

    // After the sync, still nothing of A's in B's lists.
    await goInApp(page, '/check');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator(`a[href^="${checkPath}"]`).count()).toBe(0);

    // Back to A: her check is there, B's signal is not.
    await openSwitchScreen(page);
    await switchTo(page, A_NAME, PIN_A);
    await expect.poll(() => page.locator(`a[href^="${checkPath}"]`).count()).toBeGreaterThan(0);
    await goInApp(page, '/signalen');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const id of bIds) expect(await page.locator(`a[href$="/signalen/${id}"]`).count()).toBe(0);

    // "Volgende bewoner": one tap locks; A opens again with her own PIN.
    await page.getByTestId('next-resident').click();
    await page.waitForURL((url) => url.pathname === '/check');
    await page.locator('.pin-keys').first().waitFor();
    expect(await page.locator(`a[href^="${checkPath}"]`).count()).toBe(0);
    await typePin(page, PIN_A);
    await page.getByRole('button', { name: 'Openen' }).click();
    await expect.poll(() => page.locator(`a[href^="${checkPath}"]`).count()).toBeGreaterThan(0);

    await context.close();
  }, 240_000);
});
