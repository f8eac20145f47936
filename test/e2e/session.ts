import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitForServiceWorker } from './harness';

export interface Login {
  email: string;
  password: string;
}

/** Synthetic demo accounts that src/server/seed.ts creates (printed at server start). */
export const DEMO_VOLUNTEER: Login = {
  email: 'vrijwilliger@demo.dichtbij',
  password: 'demo-vrijwilliger-2026',
};
/** Two members of the same wijkteam (team West: Wielwijk, Crabbehof). */
export const DEMO_WIJKTEAM: Login = {
  email: 'wijkteam@demo.dichtbij',
  password: 'demo-wijkteam-2026',
};
export const DEMO_WIJKTEAM_2: Login = {
  email: 'wijkteam2@demo.dichtbij',
  password: 'demo-wijkteam2-2026',
};

/** A PIN that passes the "not too easy" rule; synthetic, for tests only. */
export const E2E_PIN = '246810';

/** Texts of the lock screens; the key forms cover a build in which lock-nl.json is not merged yet. */
const NEXT = /^(Volgende|lock\.setupNext)$/;
const SAVE = /^(Pincode opslaan|lock\.setupSave)$/;
const OPEN = /^(Openen|lock\.unlock)$/;

/** Types a PIN on the lock screen's keypad. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) {
    await page.locator('.pin-keys').getByRole('button', { name: digit, exact: true }).click();
  }
}

/** The "works offline now" toast covers the bottom of the screen; close it when it is there. */
export async function dismissOfflineToast(page: Page, waitMs = 0): Promise<void> {
  const ok = page.locator('.toast[role="status"]').getByRole('button', { name: 'OK' });
  try {
    await ok.waitFor({ state: 'visible', timeout: Math.max(waitMs, 1) });
    await ok.click();
  } catch {
    // Not shown (already dismissed, or the service worker was installed before).
  }
}

/**
 * Signs in through the login page (needs the server once), then sets up the device PIN on the
 * first personal page, which leaves the vault unlocked. Ends on `returnTo` (a personal page).
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  login: Login,
  returnTo = '/check',
): Promise<void> {
  await page.goto(`${baseUrl}/inloggen?terug=${encodeURIComponent(returnTo)}`);
  await page.locator('#login-email').fill(login.email);
  await page.locator('#login-password').fill(login.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === returnTo);
  await dismissOfflineToast(page);
  await setUpPin(page);
}

export function signInAsVolunteer(page: Page, baseUrl: string, returnTo = '/check'): Promise<void> {
  return signInAs(page, baseUrl, DEMO_VOLUNTEER, returnTo);
}

/** A fresh browser profile, as a second tablet would be, controlled by the service worker. */
export async function newDevice(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await waitForServiceWorker(page);
  return { context, page };
}

/**
 * The account page's "Nu synchroniseren", then wait until nothing is pending. Reached through the
 * header's sync badge, not a reload: a reload locks the vault, and a locked device cannot sync.
 */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-badge').click();
  await page.waitForURL((url) => url.pathname === '/account');
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect.poll(() => page.getByTestId('sync-badge').textContent()).toBe('Alles verstuurd');
}

/** First use of personal data on this device: choose the PIN twice. */
export async function setUpPin(page: Page, pin = E2E_PIN): Promise<void> {
  await page.locator('.pin-keys').first().waitFor();
  await typePin(page, pin);
  await page.getByRole('button', { name: NEXT }).click();
  await typePin(page, pin);
  await page.getByRole('button', { name: SAVE }).click();
  await page.locator('.pin-keys').waitFor({ state: 'detached' });
}

/** A new tab (or a reload) starts locked: open it with the PIN. */
export async function unlockWithPin(page: Page, pin = E2E_PIN): Promise<void> {
  await page.locator('.pin-keys').first().waitFor();
  await typePin(page, pin);
  await page.getByRole('button', { name: OPEN }).click();
  await page.locator('.pin-keys').waitFor({ state: 'detached' });
}

/**
 * Moves inside the running app, as a tap on a link does: a reload would lock the PIN vault.
 * React Router follows the browser's history, so a pushed entry plus popstate is a navigation.
 */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({ idx: window.history.length }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}
