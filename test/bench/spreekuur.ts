import type { Page } from 'playwright-core';
import { appServer, launchBrowser } from '../e2e/harness';
import { dismissOfflineToast, setUpPin, typePin } from '../e2e/session';
import { summarise } from './stats';

/**
 * Issue 16, a shared tablet: how long a worker switch takes, from the PIN submitted on the
 * "Wissel van medewerker" screen to the other worker's start page (her check list) ready, in
 * Chromium on the built app. Baseline in the same run: the plain unlock of one worker's vault
 * (after "Volgende bewoner") to the same page. Both vaults hold the same: a keyring, a session
 * and no records, so the difference is what switching adds (locking the other, remounting on
 * another database). Needs `npm run build` first.
 */
const ROUNDS = 5;
const PINS = { a: '481537', b: '902614' };
const LOGINS = {
  a: { email: 'vrijwilliger@demo.dichtbij', password: 'demo-vrijwilliger-2026' },
  b: { email: 'vrijwilliger2@demo.dichtbij', password: 'demo-vrijwilliger2-2026' },
};
const NAMES = { a: 'Vera Vrijwilliger', b: 'Vincent Vrijwilliger' };

async function signIn(page: Page, login: { email: string; password: string }): Promise<void> {
  await page.locator('#login-email').fill(login.email);
  await page.locator('#login-password').fill(login.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/check');
  await dismissOfflineToast(page);
}

/** From a click on "Openen" to the check list on screen, in ms. */
async function timedOpen(page: Page): Promise<number> {
  const started = performance.now();
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.getByRole('link', { name: 'Nieuwe check starten' }).waitFor();
  return performance.now() - started;
}

async function toSwitchScreen(page: Page): Promise<void> {
  await page.getByTestId('sync-badge').click();
  await page.getByRole('link', { name: 'Wissel van medewerker' }).click();
  await page.waitForURL((url) => url.pathname === '/medewerkers');
}

export async function run(): Promise<Record<string, number>> {
  const server = await appServer();
  await server.start();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/inloggen?terug=%2Fcheck`);
    await signIn(page, LOGINS.b);
    await setUpPin(page, PINS.b);
    await toSwitchScreen(page);
    await page.getByRole('link', { name: 'Andere medewerker aanmelden' }).click();
    await signIn(page, LOGINS.a);
    await setUpPin(page, PINS.a);

    const unlock: number[] = [];
    const switches: number[] = [];
    let at: 'a' | 'b' = 'a';
    for (let i = 0; i < ROUNDS; i++) {
      // Baseline: the worker at the screen locks between residents and opens again.
      await page.getByTestId('next-resident').click();
      await page.locator('.pin-keys').first().waitFor();
      await typePin(page, PINS[at]);
      unlock.push(await timedOpen(page));
      // A switch to the other worker of the tablet.
      const next: 'a' | 'b' = at === 'a' ? 'b' : 'a';
      await toSwitchScreen(page);
      await page.getByRole('button', { name: new RegExp(NAMES[next]) }).click();
      await typePin(page, PINS[next]);
      switches.push(await timedOpen(page));
      at = next;
    }
    await context.close();
    const s = summarise(switches);
    const u = summarise(unlock);
    return {
      rounds: ROUNDS,
      worker_switch_median_ms: Math.round(s.median),
      worker_switch_p95_ms: Math.round(s.p95),
      baseline_unlock_same_worker_median_ms: Math.round(u.median),
      baseline_unlock_same_worker_p95_ms: Math.round(u.p95),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
